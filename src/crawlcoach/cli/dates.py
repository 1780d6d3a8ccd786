"""The one way every command reads a date option, and checks a baby's dates against each other."""

from __future__ import annotations

import re
from datetime import date

import click

from crawlcoach.guidance import age_from_dates
from crawlcoach.guidance.errors import GuidanceInputError

# ASCII digits only: \d alone would take other scripts' digits (٢٠٢٦) as a date too.
_ISO_DAY = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})", re.ASCII)
_EXAMPLE = "2026-03-14"


class DateType(click.ParamType):
    """A calendar date written YYYY-MM-DD; anything else, or a day that does not exist
    (2026-02-30), is a usage error naming the option."""

    name = "date"

    def get_metavar(self, param: click.Parameter, ctx: click.Context | None = None) -> str:
        return "YYYY-MM-DD"

    def convert(
        self, value: object, param: click.Parameter | None, ctx: click.Context | None
    ) -> date:
        if isinstance(value, date):
            return value
        text = str(value).strip()
        match = _ISO_DAY.fullmatch(text)
        if match is None:
            self.fail(
                f"{text!r} is not a date; write it as YYYY-MM-DD (year-month-day), "
                f"for example {_EXAMPLE}.",
                param,
                ctx,
            )
        year, month, day = (int(part) for part in match.groups())
        try:
            return date(year, month, day)
        except ValueError:
            self.fail(
                f"{text!r} is not a real day (there is no day {day} in month {month} of {year}); "
                "check the date, written YYYY-MM-DD.",
                param,
                ctx,
            )


DATE = DateType()


def check_age(born: date | None, due: date | None, today: date | None) -> None:
    """Refuse, as a usage error, dates that cannot be a baby's: a birth after today, a due date
    absurdly far from the birth, a child too old for crawlcoach (the limits live in
    ``guidance.age``)."""
    if born is None:
        return
    try:
        age_from_dates(born, due, today or date.today())
    except GuidanceInputError as exc:
        raise click.UsageError(exc.message) from None
