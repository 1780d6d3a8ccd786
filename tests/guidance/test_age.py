from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from crawlcoach.errors import CrawlcoachError
from crawlcoach.guidance import GuidanceInputError, age_from_dates
from crawlcoach.guidance.age import DAYS_PER_MONTH

BORN = date(2024, 1, 1)


def days_after(days: int, start: date = BORN) -> date:
    return start + timedelta(days=days)


@pytest.mark.parametrize(
    ("today_days", "months"),
    [(0, 0.0), (1, 1 / DAYS_PER_MONTH), (365, 365 / DAYS_PER_MONTH), (731, 731 / DAYS_PER_MONTH)],
)
def test_chronological_age_in_average_months(today_days: int, months: float) -> None:
    age = age_from_dates(BORN, today=days_after(today_days))
    assert age.age_months == pytest.approx(months)
    assert age.corrected_age_months is None
    assert age.effective_months == pytest.approx(months)


@pytest.mark.parametrize(
    ("days_early", "preterm"),
    [
        (0, False),
        (14, False),
        (21, False),  # born at exactly 37 weeks: term
        (22, True),  # 36 weeks 6 days
        (60, True),
        (18 * 7, True),  # about 22 weeks: the earliest accepted
        (-14, False),  # two weeks late
    ],
)
def test_corrected_age_only_before_37_weeks(days_early: int, preterm: bool) -> None:
    today = days_after(300)
    age = age_from_dates(BORN, due=days_after(days_early), today=today)
    assert age.preterm is preterm
    if preterm:
        assert age.corrected_age_months == pytest.approx((300 - days_early) / DAYS_PER_MONTH)
        assert age.effective_months < age.age_months
    else:
        assert age.corrected_age_months is None
        assert age.effective_months == pytest.approx(300 / DAYS_PER_MONTH)


@pytest.mark.parametrize(("today_days", "corrected"), [(730, True), (731, False), (1000, False)])
def test_corrected_age_used_up_to_24_months(today_days: int, corrected: bool) -> None:
    # 24 months = 730.5 days
    age = age_from_dates(BORN, due=days_after(70), today=days_after(today_days))
    assert (age.corrected_age_months is not None) is corrected
    assert age.preterm


def test_before_the_due_date_the_effective_age_is_zero() -> None:
    age = age_from_dates(BORN, due=days_after(90), today=days_after(30))
    assert age.corrected_age_months is not None and age.corrected_age_months < 0
    assert age.effective_months == 0.0


def test_accepts_strings_and_datetimes_and_defaults_to_today() -> None:
    age = age_from_dates("2024-01-01", due=" 2024-02-15 ", today=datetime(2024, 6, 1, 13, 0))
    assert age.born == BORN and age.due == date(2024, 2, 15) and age.on == date(2024, 6, 1)
    recent = date.today() - timedelta(days=40)
    assert age_from_dates(recent).on == date.today()


@pytest.mark.parametrize(
    ("born", "due", "today", "message"),
    [
        ("2024-13-01", None, "2024-06-01", "birth date '2024-13-01' is not a date"),
        ("01/02/2024", None, "2024-06-01", "YYYY-MM-DD"),
        ("last spring", None, "2024-06-01", "not a date"),
        (20240101, None, "2024-06-01", "not a date"),
        ("2024-01-01", "soon", "2024-06-01", "due date 'soon'"),
        ("2024-01-01", None, "June", "date for 'today'"),
        ("2024-07-01", None, "2024-06-01", "after 2024-06-01"),
        ("2017-01-01", None, "2024-06-01", "years old"),
        ("2024-01-01", "2024-06-01", "2024-08-01", "weeks after the birth date"),
        ("2024-03-01", "2024-01-15", "2024-08-01", "weeks before the birth date"),
    ],
)
def test_impossible_dates_are_clear_errors(born, due, today, message: str) -> None:
    with pytest.raises(GuidanceInputError, match=message) as caught:
        age_from_dates(born, due=due, today=today)
    assert isinstance(caught.value, CrawlcoachError)
    assert caught.value.kind == "guidance_input"
