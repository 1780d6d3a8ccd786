"""Lock a username out for a while after repeated failed log-ins (guessing passwords gets slow)."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from crawlcoach.web.families.models import LoginLock


def _key(username: str) -> str:
    return username.strip().lower()[:150]


def locked_until(username: str, now: datetime | None = None) -> datetime | None:
    """When the lock on ``username`` ends, or None when it may log in."""
    now = now or timezone.now()
    lock = LoginLock.objects.filter(username=_key(username)).first()
    if lock and lock.locked_until and lock.locked_until > now:
        return lock.locked_until
    return None


def record_failure(username: str, now: datetime | None = None) -> datetime | None:
    """Count a failed log-in; returns the end of the lock when this failure started one."""
    now = now or timezone.now()
    window = timedelta(minutes=settings.LOCKOUT_MINUTES)
    with transaction.atomic():
        lock, _ = LoginLock.objects.select_for_update().get_or_create(username=_key(username))
        # Failures long ago (or before an expired lock) do not add up with new ones.
        stale = lock.last_failure_at is None or now - lock.last_failure_at > window
        expired = lock.locked_until is not None and lock.locked_until <= now
        lock.failures = 1 if stale or expired else lock.failures + 1
        lock.last_failure_at = now
        lock.locked_until = None
        if lock.failures >= settings.LOCKOUT_ATTEMPTS:
            lock.locked_until = now + window
        lock.save()
        return lock.locked_until


def clear(username: str) -> None:
    LoginLock.objects.filter(username=_key(username)).delete()
