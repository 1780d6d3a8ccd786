"""Tokens: made and withdrawn on the Family page, shown once, stored hashed, used as
``Token``/``Bearer``; calls without one are 401."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from crawlcoach.web.api.models import ApiToken
from crawlcoach.web.api.tokens import hash_key

pytestmark = pytest.mark.django_db


def make_token(client: Client, name: str = "Kitchen button") -> str:
    page = client.post("/family/tokens/", {"name": name}, follow=True).content.decode()
    match = re.search(r'id="new-api-token"[^>]*value="(cc_[^"]+)"', page)
    assert match, "the new token should be on the page"
    return match.group(1)


def test_made_on_the_family_page_shown_once_stored_hashed(parent_client: Client, parent) -> None:
    key = make_token(parent_client)
    token = ApiToken.objects.get()
    assert token.caregiver == parent.caregiver and token.name == "Kitchen button"
    assert token.key_hash == hash_key(key) and key not in token.key_hash
    again = parent_client.get("/family/").content.decode()
    assert key not in again and "Kitchen button" in again and token.prefix in again


@pytest.mark.parametrize("keyword", ["Token", "Bearer", "bearer"])
def test_the_token_calls_the_api(parent_client: Client, child, keyword: str) -> None:
    key = make_token(parent_client)
    response = Client().get("/api/children/", HTTP_AUTHORIZATION=f"{keyword} {key}")
    assert response.status_code == 200 and response.json()["count"] == 1
    assert ApiToken.objects.get().last_used_at is not None


def test_withdrawn_token_stops_working(parent_client: Client) -> None:
    key = make_token(parent_client)
    token = ApiToken.objects.get()
    page = parent_client.post(f"/family/tokens/{token.pk}/revoke/", follow=True)
    assert "withdrawn" in page.content.decode()
    response = Client().get("/api/children/", HTTP_AUTHORIZATION=f"Token {key}")
    assert response.status_code == 401
    assert response.json()["error"]["kind"] == "authentication_failed"


def test_another_caregivers_token_cannot_be_withdrawn(
    parent_client: Client, make_family, client_of
) -> None:
    make_token(client_of(make_family(name="The Neighbours")), "theirs")
    theirs = ApiToken.objects.get()
    assert parent_client.post(f"/family/tokens/{theirs.pk}/revoke/").status_code == 404
    assert ApiToken.objects.filter(pk=theirs.pk).exists()
    assert "theirs" not in parent_client.get("/family/").content.decode()


def test_without_or_with_a_bad_token_is_401(client: Client, child) -> None:
    missing = client.get("/api/children/")
    assert missing.status_code == 401 and missing["WWW-Authenticate"].startswith("Token")
    assert missing.json()["error"]["kind"] == "not_authenticated"
    for header in ("Token nope", "Token", "Bearer a b"):
        bad = client.get("/api/children/", HTTP_AUTHORIZATION=header)
        assert bad.status_code == 401 and bad.json()["error"]["message"], header


def test_the_logged_in_browser_reads_without_a_token(parent_client: Client, child) -> None:
    assert parent_client.get("/api/children/").json()["count"] == 1
