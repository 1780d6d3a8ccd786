"""Caps on reset emails, so "Forgot your password?" cannot flood an inbox or a mail server.

Each client address may use the form ``RESET_ASKS_PER_ADDRESS_HOUR`` times an hour, whatever it
types (so nobody learns which names exist by hitting a cap); each account gets at most
``RESET_EMAILS_PER_ACCOUNT_HOUR`` emails an hour, from wherever they were asked. A capped ask
gets the same page as any other: nothing on it says an email was or was not sent. 0: no cap.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth.models import User
from django.utils import timezone

from crawlcoach.web.families.models import ResetAsk, ResetEmail

HOUR = timedelta(hours=1)
KEPT = timedelta(days=1)  # older counts matter to nobody


def take_ask(address: str, now: datetime | None = None) -> bool:
    """Count one use of the form from ``address``; False when the address is at its cap (then
    nothing is sent, and nothing more counted)."""
    now = now or timezone.now()
    ResetAsk.objects.filter(at__lt=now - KEPT).delete()
    ResetEmail.objects.filter(at__lt=now - KEPT).delete()
    cap: int = settings.RESET_ASKS_PER_ADDRESS_HOUR
    address = address[:64]
    if cap and ResetAsk.objects.filter(address=address, at__gt=now - HOUR).count() >= cap:
        return False
    ResetAsk.objects.create(address=address, at=now)
    return True


def take_email(user: User, now: datetime | None = None) -> bool:
    """Count one reset email to ``user``; False when the account has had its share this hour."""
    now = now or timezone.now()
    cap: int = settings.RESET_EMAILS_PER_ACCOUNT_HOUR
    if cap and ResetEmail.objects.filter(user=user, at__gt=now - HOUR).count() >= cap:
        return False
    ResetEmail.objects.create(user=user, at=now)
    return True
