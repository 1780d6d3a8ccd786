"""Reset links: made by a family admin on the Family page, or emailed by the "Forgot your
password?" form to a real local SMTP server (aiosmtpd); built from CRAWLCOACH_SITE_URL, used
once, and a new password signs the account out everywhere else."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from datetime import datetime, timedelta
from email import message_from_bytes
from email.message import Message

import pytest
from django.contrib.auth.models import User
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from live_server import free_port
from web_helpers import PASSWORD

from crawlcoach.web import config
from crawlcoach.web.families.models import Caregiver, LoginLock, ResetEmail

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "quiet-heron-83-meadow"
SITE = "https://crawl.example.org/"


class Inbox:
    """What the SMTP server received."""

    def __init__(self) -> None:
        self.messages: list[Message] = []

    async def handle_DATA(self, server: object, session: object, envelope) -> str:
        self.messages.append(message_from_bytes(envelope.content))
        return "250 OK"

    def wait_for(self, count: int, timeout_s: float = 20) -> list[Message]:
        deadline = time.monotonic() + timeout_s
        while len(self.messages) < count and time.monotonic() < deadline:
            time.sleep(0.05)
        return self.messages


@pytest.fixture
def inbox(settings) -> Iterator[Inbox]:
    from aiosmtpd.controller import Controller

    received = Inbox()
    port = free_port()
    controller = Controller(received, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_ENABLED = True
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.SITE_URL = SITE
    try:
        yield received
    finally:
        controller.stop()


def link_in(text: str) -> str:
    found = re.search(r"https?://[^\s\"<]+/reset/[^\s\"<]+/", text)
    assert found, text
    return found[0]


def set_new_password(path: str, password: str = NEW_PASSWORD) -> Client:
    visitor = Client()
    opened = visitor.get(path)
    assert opened.status_code == 302  # the token moves into the session, out of the address
    form_url = opened.url
    assert b"Choose a new password" in visitor.get(form_url).content
    done = visitor.post(form_url, {"new_password1": password, "new_password2": password})
    assert done.status_code == 302 and done.url == reverse("login"), done.content[:2000]
    return visitor


def path_of(link: str) -> str:
    return "/" + link.split("/", 3)[3]


def test_an_admin_makes_a_reset_link_for_a_caregiver(parent: User, client_of, settings) -> None:
    settings.SITE_URL = SITE
    grandma = User.objects.create_user("grandma", password=PASSWORD, first_name="Ngozi")
    Caregiver.objects.create(user=grandma, family=parent.caregiver.family)
    on_her_phone = client_of(grandma)
    admin = client_of(parent)

    made = admin.post(
        reverse("caregiver_reset_link", args=[grandma.caregiver.pk]), HTTP_HOST="evil.example"
    )
    assert made.url == reverse("family")
    page = admin.get(reverse("family")).content.decode()
    link = link_in(page)
    assert link.startswith(SITE + "reset/") and "evil.example" not in page
    assert "works once, for 24 hours" in page
    assert link not in admin.get(reverse("family")).content.decode()  # shown once

    set_new_password(path_of(link))
    grandma.refresh_from_db()
    assert grandma.check_password(NEW_PASSWORD)
    # Her other devices are signed out; the link does not work twice.
    assert on_her_phone.get(reverse("home")).url.startswith(reverse("login"))
    again = Client().get(path_of(link), follow=True)
    assert b"no longer works" in again.content
    assert Client().login(username="grandma", password=NEW_PASSWORD)


def test_only_admins_make_reset_links(parent: User, client_of) -> None:
    helper = User.objects.create_user("helper", password=PASSWORD, first_name="Kim")
    Caregiver.objects.create(user=helper, family=parent.caregiver.family)
    answer = client_of(helper).post(
        reverse("caregiver_reset_link", args=[parent.caregiver.pk]), follow=True
    )
    assert b"Only the family&#x27;s admins can do that" in answer.content
    assert b"/reset/" not in answer.content


def test_a_reset_lifts_the_lock_on_the_account(parent: User, client_of, settings) -> None:
    for _ in range(settings.LOCKOUT_ATTEMPTS):
        Client().post(reverse("login"), {"username": parent.username, "password": "nope-nope-1"})
    assert LoginLock.objects.filter(username=parent.username).exists()
    admin = client_of(parent)
    admin.post(reverse("caregiver_reset_link", args=[parent.caregiver.pk]))
    set_new_password(path_of(link_in(admin.get(reverse("family")).content.decode())))
    assert not LoginLock.objects.exists()
    assert Client().login(username=parent.username, password=NEW_PASSWORD)


def test_a_garbled_or_old_link_is_a_calm_page(parent: User, settings) -> None:
    page = Client().get("/reset/MQ/set-password-garbled/")
    assert page.status_code == 200 and b"no longer works" in page.content
    assert b"Traceback" not in page.content

    class MadeLongAgo(PasswordResetTokenGenerator):
        def _now(self) -> datetime:
            return datetime.now() - timedelta(seconds=settings.PASSWORD_RESET_TIMEOUT + 60)

    uid = urlsafe_base64_encode(force_bytes(parent.pk))
    expired = reverse("password_reset_confirm", args=[uid, MadeLongAgo().make_token(parent)])
    fresh = reverse(
        "password_reset_confirm", args=[uid, PasswordResetTokenGenerator().make_token(parent)]
    )
    assert b"no longer works" in Client().get(expired).content
    assert Client().get(fresh).status_code == 302  # the same link made now still works


def test_the_forgot_form_emails_a_link_and_reveals_nothing(
    inbox: Inbox, parent: User, client_of
) -> None:
    User.objects.filter(pk=parent.pk).update(email="sam@example.org")
    signed_in_elsewhere = client_of(parent)

    def ask(text: str) -> str:
        # A forged Host header must not end up in the emailed link.
        page = (
            Client(HTTP_HOST="evil.example")
            .post(reverse("forgot_password"), {"name_or_email": text})
            .content
        )
        return re.sub(r'value="[^"]+"', "", page.decode())

    nobody = ask("nobody-here")
    assert "a reset link is on its way" in nobody
    for text in (parent.username, "SAM@example.org"):
        assert ask(text) == nobody  # the same page, word for word
    messages = inbox.wait_for(2)
    assert len(messages) == 2 and all(m["To"] == "sam@example.org" for m in messages)
    body = messages[0].get_payload(decode=True).decode()
    link = link_in(body)
    assert link.startswith(SITE + "reset/") and "works once, for 24 hours" in body
    assert "evil.example" not in body

    set_new_password(path_of(link))
    assert signed_in_elsewhere.get(reverse("home")).url.startswith(reverse("login"))
    # The second link was made for the old password: it no longer works either.
    later = path_of(link_in(messages[1].get_payload(decode=True).decode()))
    assert b"no longer works" in Client().get(later).content
    assert len(inbox.messages) == 2  # nothing was sent for the unknown name


def test_without_a_mail_server_the_form_says_how_to_get_a_link(client: Client, parent) -> None:
    page = client.get(reverse("forgot_password")).content.decode()
    assert "crawlcoach reset-password YOUR-USERNAME" in page and 'name="name_or_email"' not in page
    assert b"Forgot your password?" in client.get(reverse("login")).content


def test_email_settings_from_the_environment() -> None:
    off = config.email({})
    assert off["EMAIL_ENABLED"] is False
    on = config.email({"EMAIL_URL": "smtp+tls://sam%40home:p%2Fw@mail.example.org:2587",
                       "CRAWLCOACH_EMAIL_FROM": "crawl@example.org"})  # fmt: skip
    assert on["EMAIL_ENABLED"] and on["EMAIL_USE_TLS"] and not on["EMAIL_USE_SSL"]
    assert (on["EMAIL_HOST"], on["EMAIL_PORT"]) == ("mail.example.org", 2587)
    assert (on["EMAIL_HOST_USER"], on["EMAIL_HOST_PASSWORD"]) == ("sam@home", "p/w")
    assert on["DEFAULT_FROM_EMAIL"] == "crawl@example.org"
    assert config.email({"EMAIL_URL": "smtps://mail.example.org"})["EMAIL_PORT"] == 465
    assert config.email({"EMAIL_HOST": "localhost"})["EMAIL_ENABLED"]
    with pytest.raises(config.ConfigError, match="smtp://user:password@"):
        config.email({"EMAIL_URL": "mailto:sam@example.org"})


def _forgot(text: str, address: str = "198.51.100.7") -> str:
    page = Client(REMOTE_ADDR=address).post(reverse("forgot_password"), {"name_or_email": text})
    assert page.status_code == 200
    return re.sub(r'value="[^"]+"', "", page.content.decode())


def test_an_account_gets_a_few_reset_emails_an_hour_and_the_page_never_tells(
    inbox: Inbox, parent: User, settings
) -> None:
    settings.RESET_EMAILS_PER_ACCOUNT_HOUR, settings.RESET_ASKS_PER_ADDRESS_HOUR = 3, 0
    User.objects.filter(pk=parent.pk).update(email="sam@example.org")
    nobody = _forgot("nobody-here")
    for n in range(5):  # from five addresses: the account's cap holds wherever it is asked
        assert _forgot(parent.username, f"198.51.100.{10 + n}") == nobody
    assert ResetEmail.objects.filter(user=parent).count() == 3
    assert len(inbox.wait_for(3)) == 3
    time.sleep(1)
    assert len(inbox.messages) == 3  # the fourth and fifth were never sent

    ResetEmail.objects.update(at=timezone.now() - timedelta(minutes=61))
    assert _forgot(parent.username) == nobody
    assert len(inbox.wait_for(4)) == 4  # an hour later the account gets one again


def test_one_address_asks_a_few_times_an_hour_whatever_it_types(
    inbox: Inbox, parent: User, settings
) -> None:
    settings.RESET_EMAILS_PER_ACCOUNT_HOUR, settings.RESET_ASKS_PER_ADDRESS_HOUR = 0, 2
    User.objects.filter(pk=parent.pk).update(email="sam@example.org")
    nobody = _forgot("nobody-here", "203.0.113.5")
    assert _forgot("someone-else", "203.0.113.5") == nobody  # unknown names count too
    assert _forgot(parent.username, "203.0.113.5") == nobody  # capped: the same page
    time.sleep(1)
    assert inbox.messages == [] and not ResetEmail.objects.exists()

    assert _forgot(parent.username, "203.0.113.6") == nobody  # another address is not held
    assert len(inbox.wait_for(1)) == 1


def test_reset_email_caps_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    from django.conf import settings as django_settings

    assert django_settings.RESET_EMAILS_PER_ACCOUNT_HOUR == 3
    assert django_settings.RESET_ASKS_PER_ADDRESS_HOUR == 10
    monkeypatch.setenv("CRAWLCOACH_RESET_EMAILS_PER_HOUR", "1")
    monkeypatch.setenv("CRAWLCOACH_RESET_ASKS_PER_HOUR", "0")
    assert config.reset_email_caps() == (1, 0)
    monkeypatch.setenv("CRAWLCOACH_RESET_ASKS_PER_HOUR", "lots")
    with pytest.raises(config.ConfigError, match="CRAWLCOACH_RESET_ASKS_PER_HOUR"):
        config.reset_email_caps()
