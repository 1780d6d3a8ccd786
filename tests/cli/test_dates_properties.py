"""Properties of the one date reader every command uses (``cli.dates.DATE``): any real day
written YYYY-MM-DD comes back as itself, and anything else is a usage error naming the option,
never another exception."""

from __future__ import annotations

import re
from datetime import date

import click
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crawlcoach.cli.dates import DATE

FAST = settings(max_examples=100, deadline=None)
ASCII_ISO = re.compile(r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}")
OPTION = click.Option(["--born"])


def read(text: str) -> date:
    return DATE.convert(text, OPTION, None)


@FAST
@given(st.dates(min_value=date(1000, 1, 1), max_value=date(9999, 12, 31)))
def test_every_real_day_round_trips(day: date) -> None:
    assert read(day.isoformat()) == day
    assert read(f"  {day.isoformat()}\n") == day
    assert read(f"{day.year}-{day.month}-{day.day}") == day  # 2026-3-2 is read too


def _written(text: str) -> bool:
    """Whether ``text`` is a real day written YYYY-MM-DD (in ASCII digits)."""
    if not ASCII_ISO.fullmatch(text.strip()):
        return False
    year, month, day = (int(part) for part in text.strip().split("-"))
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


# Text of every kind, and text shaped like a date from digits of any script and odd numbers.
DIGITS = st.characters(categories=["Nd"])
DATE_SHAPED = st.builds(
    lambda y, m, d: f"{y}-{m}-{d}",
    st.text(DIGITS, min_size=4, max_size=4),
    st.text(DIGITS, min_size=1, max_size=2),
    st.text(DIGITS, min_size=1, max_size=2),
)


@FAST
@given(st.one_of(st.text(), DATE_SHAPED))
def test_anything_else_is_a_usage_error(text: str) -> None:
    if _written(text):
        assert isinstance(read(text), date)
        return
    with pytest.raises(click.BadParameter) as refused:
        read(text)
    assert "YYYY-MM-DD" in refused.value.format_message()
