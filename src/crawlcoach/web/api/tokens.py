"""API tokens: made for one caregiver, shown once, kept only as a hash, revoked from the Family
page; and the DRF authentication that reads them from ``Authorization: Token ...`` (or
``Bearer ...``)."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.contrib.auth.models import AbstractBaseUser
from django.utils import timezone
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.exceptions import AuthenticationFailed
from rest_framework.request import Request

from crawlcoach.web.api.models import ApiToken
from crawlcoach.web.families.models import Caregiver

TOKEN_PREFIX = "cc_"
KEYWORDS = ("token", "bearer")
# Writing "last used" on every call would turn each read into a write; once a minute is plenty.
LAST_USED_EVERY = timedelta(minutes=1)


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def create_token(caregiver: Caregiver, name: str) -> tuple[ApiToken, str]:
    """A new token for this caregiver; returns the stored record and the token itself, which
    exists nowhere else once the caller has shown it."""
    key = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        caregiver=caregiver,
        name=name.strip()[:100] or "API token",
        key_hash=hash_key(key),
        prefix=key[:8],
    )
    return token, key


def find_token(key: str) -> ApiToken | None:
    return (
        ApiToken.objects.select_related("caregiver__family", "caregiver__user")
        .filter(key_hash=hash_key(key))
        .first()
    )


def mark_used(token: ApiToken) -> None:
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_EVERY:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now


class ApiTokenAuthentication(BaseAuthentication):
    """``Authorization: Token cc_...`` or ``Authorization: Bearer cc_...``."""

    def authenticate(self, request: Request) -> tuple[AbstractBaseUser, ApiToken] | None:
        words = get_authorization_header(request).decode("latin-1").split()
        if not words or words[0].lower() not in KEYWORDS:
            return None  # no token given: the session (a logged-in browser) may still apply
        if len(words) != 2:
            raise AuthenticationFailed(
                "Give the token right after the word Token, e.g. 'Authorization: Token cc_...'."
            )
        token = find_token(words[1])
        if token is None or not token.caregiver.user.is_active:
            raise AuthenticationFailed(
                "This token is not known here: it was revoked, mistyped or made on another "
                "server. Make a new one on the Family page."
            )
        mark_used(token)
        return token.caregiver.user, token

    def authenticate_header(self, request: Request) -> str:
        # Makes a missing token a 401 (with this challenge) rather than a 403.
        return 'Token realm="crawlcoach"'
