"""Reset links: a way back in for a parent who forgot the password, without mail by default.

A link is made by a family admin (Family page), by whoever runs the server (``crawlcoach
reset-password USER``), or sent by email when a mail server is configured. It is built from
``CRAWLCOACH_SITE_URL``, never from the request's Host header (a forged Host would send the link
elsewhere), and carries Django's signed token: valid for ``PASSWORD_RESET_TIMEOUT``, and used
once, since it is signed over the password hash and the last log-in, which setting the new
password changes."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta
from urllib.parse import urljoin

from django.conf import settings
from django.contrib.auth.models import User
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import EmailMessage
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from crawlcoach.web import notices
from crawlcoach.web.families import reset_caps
from crawlcoach.web.families.models import LoginLock
from crawlcoach.web.families.sessions import end_sessions_of


def hours() -> int:
    return max(1, round(settings.PASSWORD_RESET_TIMEOUT / 3600))


def link_for(user: User) -> str:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    path = reverse("password_reset_confirm", args=[uid, token])
    return urljoin(settings.SITE_URL, path.lstrip("/"))


def expires_at(now: datetime | None = None) -> datetime:
    return (now or timezone.now()) + timedelta(seconds=settings.PASSWORD_RESET_TIMEOUT)


def after_reset(user: User, keep_session: str | None = None) -> None:
    """A new password is set: sign out everywhere else, lift the user's sign-in locks."""
    end_sessions_of(user, keep=keep_session)
    LoginLock.objects.filter(username=user.get_username().lower()).delete()


def accounts_for(name_or_email: str) -> list[User]:
    """Active accounts with an email address whose username or email is this."""
    text = name_or_email.strip()
    if not text:
        return []
    found = User.objects.filter(Q(username__iexact=text) | Q(email__iexact=text), is_active=True)
    return [user for user in found.exclude(email="") if user.has_usable_password()]


def email_links(name_or_email: str, address: str) -> None:
    """Send a reset link to each matching account, in the background: the answer comes as fast
    whether or not anything matched, so its timing tells nothing either. Held to the caps per
    client address and per account (``reset_caps``), silently: the page is the same."""
    if not reset_caps.take_ask(address):
        return
    messages = [
        EmailMessage(
            notices.RESET_EMAIL_SUBJECT,
            notices.reset_email_body(user.first_name or user.username, link_for(user), hours()),
            to=[user.email],
        )
        for user in accounts_for(name_or_email)
        if reset_caps.take_email(user)
    ]
    if messages:
        threading.Thread(target=_send, args=(messages,), daemon=True).start()


def _send(messages: list[EmailMessage]) -> None:
    import logging

    for message in messages:
        try:
            message.send()
        except Exception:  # a mail server that is down must not break anything else
            logging.getLogger("crawlcoach.web").exception("could not send a reset email")
