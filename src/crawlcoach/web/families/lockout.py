"""Lock sign-in for one username from one client address after repeated wrong passwords.

The pair is the key, so nobody can lock a parent out of their own phone by guessing from
elsewhere: a stranger's guesses lock only the stranger's address. Every name is counted alike,
existing or not, so the answers never tell whether an account exists.

Each attempt is counted *before* its password is checked, by one conditional UPDATE that also
refuses it once the limit is reached: parallel guesses cannot slip past the count between a
check and an increment, so at most ``LOCKOUT_ATTEMPTS`` passwords are tried per pair and window.
A correct password clears the pair's count.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone

from crawlcoach.web.families.models import LoginLock


def _key(username: str, address: str) -> dict[str, str]:
    return {"username": username.strip().lower()[:150], "address": address[:64]}


def locked_until(username: str, address: str, now: datetime | None = None) -> datetime | None:
    """When the lock on this pair ends, or None when it may sign in."""
    now = now or timezone.now()
    lock = LoginLock.objects.filter(**_key(username, address)).first()
    if lock is None:
        return None
    if lock.locked_until and lock.locked_until > now:
        return lock.locked_until
    if lock.locked_until is None and lock.failures >= settings.LOCKOUT_ATTEMPTS:
        # The attempt that reached the limit has not written the lock's end yet.
        return now + timedelta(minutes=settings.LOCKOUT_MINUTES)
    return None


def attempts_left(username: str, address: str) -> int:
    """How many more wrong passwords this pair may try before it is locked."""
    lock = LoginLock.objects.filter(**_key(username, address)).first()
    failures = lock.failures if lock is not None else 0
    return max(0, settings.LOCKOUT_ATTEMPTS - failures)


def count_attempt(username: str, address: str, now: datetime | None = None) -> bool:
    """Count one sign-in attempt for this pair; False (nothing counted) when it is locked, in
    which case its password must not be checked. Returns True when the attempt may go ahead."""
    now = now or timezone.now()
    key, window = _key(username, address), timedelta(minutes=settings.LOCKOUT_MINUTES)
    _ensure_row(key)
    # Failures long ago, or before a lock that has ended, do not add up with new ones. Only a
    # stale row matches, so a reset cannot wipe a fresh count made by a parallel attempt.
    LoginLock.objects.filter(
        Q(last_failure_at__lt=now - window) | Q(locked_until__lte=now), **key
    ).update(failures=0, locked_until=None)
    counted = LoginLock.objects.filter(
        failures__lt=settings.LOCKOUT_ATTEMPTS, locked_until__isnull=True, **key
    ).update(failures=F("failures") + 1, last_failure_at=now)
    if counted:
        LoginLock.objects.filter(
            failures__gte=settings.LOCKOUT_ATTEMPTS, locked_until__isnull=True, **key
        ).update(locked_until=now + window)
    return bool(counted)


def _ensure_row(key: dict[str, str]) -> None:
    if LoginLock.objects.filter(**key).exists():
        return
    try:
        with transaction.atomic():
            LoginLock.objects.create(**key)
    except IntegrityError:
        pass  # a parallel attempt created it first


def clear(username: str, address: str) -> None:
    LoginLock.objects.filter(**_key(username, address)).delete()
