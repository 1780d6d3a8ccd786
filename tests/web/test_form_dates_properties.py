"""Properties of the web forms' dates (``web.form_dates``): any real day sent as the calendar
sends it reads back as itself, anything else is the one format-neutral message (never another
exception), dates stated back are in words, and a day in a child's life is exactly one between
the birth and today."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from django import forms
from hypothesis import given, settings
from hypothesis import strategies as st

from crawlcoach.web import form_dates

FAST = settings(max_examples=100, deadline=None)
DAYS = st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31))
ISO = re.compile(r"\d{4}-\d{2}-\d{2}")


def read(text: str) -> date | None:
    return form_dates.date_field("Born").clean(text)


@FAST
@given(DAYS)
def test_every_day_the_calendar_sends_reads_back_as_itself(day: date) -> None:
    assert read(day.isoformat()) == day


@FAST
@given(st.text(max_size=20).filter(lambda t: t.strip() != ""))
def test_anything_else_is_the_format_neutral_message(text: str) -> None:
    try:
        day = read(text)
    except forms.ValidationError as error:
        assert error.messages == [form_dates.DATE_INVALID]
        assert "YYYY" not in error.messages[0]
    else:  # Django also reads a few other spellings of a real day
        assert isinstance(day, date)


@FAST
@given(DAYS, st.text(max_size=15).filter(lambda t: not ISO.search(t)))
def test_dates_stated_back_are_in_words(day: date, around: str) -> None:
    message = f"{around} {day.isoformat()} (YYYY-MM-DD) {around}"
    said = form_dates.in_words(message)
    assert f"{day.day} {day:%B %Y}" in said
    assert day.isoformat() not in said and "YYYY-MM-DD" not in said


@FAST
@given(st.integers(1, 9999), st.integers(13, 99), st.integers(32, 99))
def test_a_day_that_does_not_exist_is_left_as_written(year: int, month: int, day: int) -> None:
    text = f"on {year:04d}-{month:02d}-{day:02d}"
    assert form_dates.in_words(text) == text


@FAST
@given(DAYS, DAYS, st.integers(0, 4000))
def test_a_day_in_life_is_one_between_birth_and_today(day: date, born: date, span: int) -> None:
    today = born + timedelta(days=span)
    if born <= day <= today:
        assert form_dates.day_in_life(day, born, today, "Ada") == day
    else:
        with pytest.raises(forms.ValidationError, match="between Ada's birth and today"):
            form_dates.day_in_life(day, born, today, "Ada")
