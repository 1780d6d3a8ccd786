"""A baby's age in months from dates, with corrected age for babies born early."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from crawlcoach.guidance.errors import GuidanceInputError

DAYS_PER_MONTH = 30.4375  # average Gregorian month (365.25 / 12)

# Born before 37 weeks means the due date (40 weeks) lies more than 3 weeks after birth.
PRETERM_IF_DUE_MORE_THAN_DAYS = 21
# Corrected age is used for milestones until 24 months of chronological age (CDC).
CORRECT_UNTIL_MONTHS = 24.0
# Sanity limits: the earliest babies are born about 18 weeks early, the latest about 3 weeks late.
MAX_DAYS_EARLY = 18 * 7
MAX_DAYS_LATE = 4 * 7
# crawlcoach is about babies and toddlers; an age past this is almost surely a typo.
MAX_AGE_MONTHS = 72.0


@dataclass(frozen=True)
class Age:
    """Chronological age on ``on``, and corrected age when the baby came before 37 weeks."""

    born: date
    on: date
    due: date | None
    age_months: float
    corrected_age_months: float | None  # None when not preterm, or past 24 months

    @property
    def weeks_early(self) -> float:
        return 0.0 if self.due is None else max(0.0, (self.due - self.born).days / 7)

    @property
    def preterm(self) -> bool:
        return self.due is not None and (self.due - self.born).days > PRETERM_IF_DUE_MORE_THAN_DAYS

    @property
    def effective_months(self) -> float:
        """The age milestones are judged against: corrected when it applies, never below zero."""
        months = self.age_months if self.corrected_age_months is None else self.corrected_age_months
        return max(0.0, months)


def parse_date(value: date | str, what: str) -> date:
    """A date from a ``date`` or an ISO ``YYYY-MM-DD`` string; ``what`` names it in errors."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise GuidanceInputError(
        f"The {what} {value!r} is not a date crawlcoach can read; write it as YYYY-MM-DD, "
        "for example 2024-03-15."
    )


def age_from_dates(
    born: date | str, due: date | str | None = None, today: date | str | None = None
) -> Age:
    """The baby's age on ``today`` (default: the real today) from birth and optional due date."""
    born_on = parse_date(born, "birth date")
    on = date.today() if today is None else parse_date(today, "date for 'today'")
    due_on = None if due is None else parse_date(due, "due date")

    if born_on > on:
        raise GuidanceInputError(
            f"The birth date {born_on.isoformat()} is after {on.isoformat()}; "
            "check the birth date (YYYY-MM-DD)."
        )
    months = (on - born_on).days / DAYS_PER_MONTH
    if months > MAX_AGE_MONTHS:
        raise GuidanceInputError(
            f"The birth date {born_on.isoformat()} makes the child {months / 12:.1f} years old; "
            f"crawlcoach is for babies and toddlers up to {MAX_AGE_MONTHS / 12:.0f} years. "
            "Check the birth date."
        )
    if due_on is not None:
        _check_due(born_on, due_on)

    corrected: float | None = None
    if (
        due_on is not None
        and (due_on - born_on).days > PRETERM_IF_DUE_MORE_THAN_DAYS
        and months <= CORRECT_UNTIL_MONTHS
    ):
        corrected = (on - due_on).days / DAYS_PER_MONTH
    return Age(born=born_on, on=on, due=due_on, age_months=months, corrected_age_months=corrected)


def _check_due(born: date, due: date) -> None:
    early = (due - born).days
    if early > MAX_DAYS_EARLY:
        raise GuidanceInputError(
            f"The due date {due.isoformat()} is {early // 7} weeks after the birth date "
            f"{born.isoformat()}; that is more than the {MAX_DAYS_EARLY // 7} weeks crawlcoach "
            "accepts. Check both dates (the due date is the expected date of birth)."
        )
    if -early > MAX_DAYS_LATE:
        raise GuidanceInputError(
            f"The due date {due.isoformat()} is {-early // 7} weeks before the birth date "
            f"{born.isoformat()}; babies are rarely born more than {MAX_DAYS_LATE // 7} weeks "
            "late. Check both dates, or leave the due date out for a baby born around term."
        )
