"""Lock a username out for a while after repeated failed log-ins (guessing passwords gets slow).

Each attempt is counted *before* its password is checked, by one conditional UPDATE that also
refuses it once the limit is reached: parallel guesses cannot slip past the count between a
check and an increment, so at most ``LOCKOUT_ATTEMPTS`` passwords are tried per lock window.
A correct password clears the count.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone

from crawlcoach.web.families.models import LoginLock


def _key(username: str) -> str:
    return username.strip().lower()[:150]


def locked_until(username: str, now: datetime | None = None) -> datetime | None:
    """When the lock on ``username`` ends, or None when it may log in."""
    now = now or timezone.now()
    lock = LoginLock.objects.filter(username=_key(username)).first()
    if lock is None:
        return None
    if lock.locked_until and lock.locked_until > now:
        return lock.locked_until
    if lock.locked_until is None and lock.failures >= settings.LOCKOUT_ATTEMPTS:
        # The attempt that reached the limit has not written the lock's end yet.
        return now + timedelta(minutes=settings.LOCKOUT_MINUTES)
    return None


def count_attempt(username: str, now: datetime | None = None) -> bool:
    """Count one log-in attempt for ``username``; False (nothing counted) when it is locked, in
    which case its password must not be checked. Returns True when the attempt may go ahead."""
    now = now or timezone.now()
    key, window = _key(username), timedelta(minutes=settings.LOCKOUT_MINUTES)
    _ensure_row(key)
    # Failures long ago, or before a lock that has ended, do not add up with new ones. Only a
    # stale row matches, so a reset cannot wipe a fresh count made by a parallel attempt.
    LoginLock.objects.filter(
        Q(last_failure_at__lt=now - window) | Q(locked_until__lte=now), username=key
    ).update(failures=0, locked_until=None)
    counted = LoginLock.objects.filter(
        username=key, failures__lt=settings.LOCKOUT_ATTEMPTS, locked_until__isnull=True
    ).update(failures=F("failures") + 1, last_failure_at=now)
    if counted:
        LoginLock.objects.filter(
            username=key, failures__gte=settings.LOCKOUT_ATTEMPTS, locked_until__isnull=True
        ).update(locked_until=now + window)
    return bool(counted)


def _ensure_row(key: str) -> None:
    if LoginLock.objects.filter(username=key).exists():
        return
    try:
        with transaction.atomic():
            LoginLock.objects.create(username=key)
    except IntegrityError:
        pass  # a parallel attempt created it first


def clear(username: str) -> None:
    LoginLock.objects.filter(username=_key(username)).delete()
