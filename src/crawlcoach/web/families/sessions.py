"""Signing a user out everywhere: their sessions in the database, but the one asked to stay.

Django already refuses a session made before a password change (the session keeps a hash of the
password); this deletes the rows too, and also covers a caregiver removed from the family, whose
password did not change."""

from __future__ import annotations

from django.contrib.auth import SESSION_KEY
from django.contrib.auth.models import User
from django.contrib.sessions.models import Session
from django.utils import timezone


def end_sessions_of(user: User, keep: str | None = None) -> int:
    """Delete every live session of ``user`` except the one keyed ``keep``; how many ended."""
    ended = []
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if session.session_key == keep:
            continue
        if session.get_decoded().get(SESSION_KEY) == str(user.pk):
            ended.append(session.session_key)
    Session.objects.filter(session_key__in=ended).delete()
    return len(ended)
