"""The family's calendar: which day it is, and which day a moment fell on.

Both are read in the server's ``TIME_ZONE`` (``TZ``), never in UTC: an evening upload west of UTC
is already "tomorrow" in UTC, and dating it so would put it after the family's today. Every page
and the guidance date things through here, so they cannot disagree.
"""

from __future__ import annotations

from datetime import date, datetime

from django.utils import timezone


def today() -> date:
    """The family's today."""
    return timezone.localdate()


def local_date(moment: datetime) -> date:
    """The family's calendar day on which ``moment`` (an aware timestamp) fell."""
    return timezone.localdate(moment)
