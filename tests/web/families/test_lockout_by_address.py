"""The lock-out counts per username *and* client address: guesses from elsewhere never lock a
parent out of their own phone; it warns before the last try; unknown names read exactly alike."""

from __future__ import annotations

import re

import pytest
from counting_hasher import CountingHasher
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from web_helpers import PASSWORD

from crawlcoach.web import config
from crawlcoach.web.families.models import LoginLock

pytestmark = pytest.mark.django_db

STRANGER = "203.0.113.9"
WARNING = b"One more wrong password locks sign-in from this device for 15 minutes"
PAUSED = b"signing in from here is paused"


def attempt(client: Client, username: str, password: str = "wrong-guess-1", **meta: str):
    return client.post(reverse("login"), {"username": username, "password": password}, **meta)


def test_a_strangers_guesses_do_not_lock_the_parents_device(
    client: Client, parent: User, settings
) -> None:
    stranger = Client()
    for _ in range(settings.LOCKOUT_ATTEMPTS):
        attempt(stranger, parent.username, REMOTE_ADDR=STRANGER)
    locked = attempt(stranger, parent.username, PASSWORD, REMOTE_ADDR=STRANGER)
    assert PAUSED in locked.content and "_auth_user_id" not in stranger.session

    at_home = attempt(client, parent.username, PASSWORD)  # 127.0.0.1, the parent's phone
    assert at_home.status_code == 302 and client.session["_auth_user_id"] == str(parent.pk)
    assert LoginLock.objects.get(address=STRANGER).locked_until is not None


def test_it_warns_before_the_last_attempt(client: Client, parent: User, settings) -> None:
    for _ in range(settings.LOCKOUT_ATTEMPTS - 2):
        assert WARNING not in attempt(client, parent.username).content
    warned = attempt(client, parent.username)
    assert WARNING in warned.content and b"correct username and password" in warned.content
    assert PAUSED in attempt(client, parent.username).content


def _normalised(page: bytes, username: str) -> str:
    text = page.decode().replace(username, "NAME")
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "CSRF", text)


def test_an_unknown_name_reads_and_costs_the_same(client: Client, parent: User, settings) -> None:
    settings.PASSWORD_HASHERS = ["counting_hasher.CountingHasher"]
    unknown = "parent-nobody"
    for step in range(settings.LOCKOUT_ATTEMPTS + 1):
        CountingHasher.runs = 0
        known_page = attempt(Client(), parent.username).content
        known_runs = CountingHasher.runs
        CountingHasher.runs = 0
        unknown_page = attempt(Client(), unknown).content
        assert CountingHasher.runs == known_runs, step  # one hash each, until the lock
        assert _normalised(known_page, parent.username) == _normalised(unknown_page, unknown)
    assert known_runs == 0  # locked: no password is checked any more


def test_forwarded_for_is_ignored_unless_the_proxy_is_trusted(
    client: Client, parent: User, settings
) -> None:
    for index in range(settings.LOCKOUT_ATTEMPTS):
        attempt(client, parent.username, HTTP_X_FORWARDED_FOR=f"198.51.100.{index}")
    assert list(LoginLock.objects.values_list("address", flat=True)) == ["127.0.0.1"]
    assert PAUSED in attempt(client, parent.username, PASSWORD).content


def test_behind_a_trusted_proxy_the_forwarded_address_counts(
    client: Client, parent: User, settings
) -> None:
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    # A client may prepend made-up hops; the proxy appends the real one, read from the right.
    forged = {"HTTP_X_FORWARDED_FOR": f"10.1.1.1, {STRANGER}"}
    for _ in range(settings.LOCKOUT_ATTEMPTS):
        attempt(client, parent.username, **forged)
    assert PAUSED in attempt(client, parent.username, PASSWORD, **forged).content
    home = attempt(Client(), parent.username, PASSWORD, HTTP_X_FORWARDED_FOR="198.51.100.7")
    assert home.status_code == 302
    assert set(LoginLock.objects.values_list("address", flat=True)) == {STRANGER}


def test_a_trusted_proxy_setting_must_be_an_address(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CRAWLCOACH_TRUSTED_PROXIES", "127.0.0.1, 10.0.0.0/8")
    assert config.trusted_proxies() == ["127.0.0.1", "10.0.0.0/8"]
    monkeypatch.setenv("CRAWLCOACH_TRUSTED_PROXIES", "my-proxy")
    with pytest.raises(config.ConfigError, match="'my-proxy' is not an address"):
        config.trusted_proxies()
