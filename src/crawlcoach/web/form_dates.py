"""Dates in forms. The browser's calendar shows a date in the phone's own format (2/3/2026,
02.03.2026, ...), so no message names one format to type; each says to pick from the calendar and
gives an example that is always read right. Dates the app states back are written in words."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from django import forms

EXAMPLE_DAY = "2026-03-02"
DATE_INVALID = (
    "That is not a date we can read. "
    f"Choose the date from the calendar, or type it as {EXAMPLE_DAY}."
)
DATETIME_INVALID = (
    "That is not a date and time we can read. "
    f"Choose them from the calendar, or type them as {EXAMPLE_DAY} 14:30."
)
DATE_ERRORS = {"invalid": DATE_INVALID}
DATETIME_ERRORS = {"invalid": DATETIME_INVALID}

ISO_DAY = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
FORMAT_HINT = re.compile(r"\s*\(YYYY-MM-DD\)")


def calendar_input() -> forms.DateInput:
    """The browser's date picker (its value is always sent as YYYY-MM-DD, whatever it shows)."""
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def date_field(label: str, **kwargs: Any) -> forms.DateField:
    return forms.DateField(
        label=label, widget=calendar_input(), error_messages=DATE_ERRORS, **kwargs
    )


def in_words(message: str) -> str:
    """A guidance message (written for the command line, with ISO dates and the format to type)
    as a form shows it: its dates in words, no format asked for."""

    def spelled(match: re.Match[str]) -> str:
        try:
            day = date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            return match[0]
        return f"{day.day} {day:%B %Y}"

    return ISO_DAY.sub(spelled, FORMAT_HINT.sub("", message))


def day_in_life(day: date, born: date, today: date, name: str) -> date:
    """``day`` when it lies between the birth and today, else the form error a parent sees."""
    if day < born or day > today:
        raise forms.ValidationError(f"Choose a day between {name}'s birth and today.")
    return day
