"""Security headers on every response, and pages that need no inline code to work under them."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse
from web_helpers import PASSWORD

from crawlcoach.web.children.models import Child
from crawlcoach.web.videos.models import Video

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>", re.I)
INLINE_STYLE = re.compile(r"<[a-z][^>]*\sstyle=|<style", re.I)


def signed_in_pages(child: Child, video: Video) -> list[str]:
    return [
        reverse("home"),
        reverse("child", args=[child.pk]),
        reverse("child_edit", args=[child.pk]),
        reverse("video_upload", args=[child.pk]),
        reverse("video", args=[video.pk]),
        reverse("family"),
    ]


def assert_headers(response) -> None:  # type: ignore[no-untyped-def]
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy and "object-src 'none'" in policy
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"


@pytest.mark.django_db
def test_every_signed_in_page_has_the_headers_and_no_inline_code(
    parent_client: Client, child: Child, done_video: Video
) -> None:
    for url in signed_in_pages(child, done_video):
        response = parent_client.get(url)
        assert response.status_code == 200, url
        assert_headers(response)
        page = response.content.decode()
        assert not INLINE_SCRIPT.search(page), f"{url} has an inline script"
        assert not INLINE_STYLE.search(page), f"{url} has an inline style"


@pytest.mark.django_db
def test_signed_out_and_error_pages_have_the_headers(client: Client) -> None:
    for url in (reverse("login"), reverse("signup"), "/no/such/page/"):
        assert_headers(client.get(url))


@pytest.mark.django_db
def test_session_cookie_is_http_only_and_same_site(client: Client, parent) -> None:  # type: ignore[no-untyped-def]
    client.post(reverse("login"), {"username": parent.username, "password": PASSWORD})
    cookie = client.cookies["sessionid"]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"


@pytest.mark.django_db
def test_a_password_change_ends_the_other_sessions(parent, client_of) -> None:  # type: ignore[no-untyped-def]
    phone, tablet = client_of(parent), client_of(parent)
    assert tablet.get(reverse("home")).status_code == 200
    changed = phone.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": "quiet-heron-77-lake",
         "new_password2": "quiet-heron-77-lake"},
    )  # fmt: skip
    assert changed.status_code == 302
    assert phone.get(reverse("home")).status_code == 200  # the one that changed it stays in
    assert tablet.get(reverse("home")).status_code == 302  # the other is signed out
