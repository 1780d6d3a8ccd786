"""Every API error is ``{"error": {"kind", "message"}}``: unknown addresses, wrong methods,
accounts outside a family, and a bug (a 500 without a traceback)."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client

from crawlcoach.web.children.models import Child

pytestmark = pytest.mark.django_db


def error_of(response) -> dict[str, str]:  # type: ignore[no-untyped-def]
    assert response["Content-Type"] == "application/json", response["Content-Type"]
    return response.json()["error"]


def test_unknown_addresses_are_json_404s(api: Client) -> None:
    for url in ("/api/nothing/", "/api/children/12345/", "/api/videos/not-a-uuid/"):
        response = api.get(url)
        assert response.status_code == 404 and error_of(response)["kind"] == "not_found", url
    slashless = api.get("/api/children")
    assert slashless.status_code == 404
    assert "Use /api/children/" in error_of(slashless)["message"]


def test_wrong_method_is_405(api: Client, child: Child) -> None:
    response = api.delete("/api/children/")
    assert response.status_code == 405 and error_of(response)["kind"] == "method_not_allowed"


def test_malformed_json_is_400(api: Client) -> None:
    response = api.post("/api/children/", "{not json", content_type="application/json")
    assert response.status_code == 400 and error_of(response)["kind"] == "malformed_request"


def test_account_outside_a_family_finds_nothing(token_client_of) -> None:
    loner = User.objects.create_user("loner", password="x-long-password-1")
    client = Client()
    client.force_login(loner)
    response = client.get("/api/children/")
    assert response.status_code == 404 and "family" in error_of(response)["message"]


def test_a_bug_is_a_json_500_without_a_traceback(
    api: Client, child: Child, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object) -> None:
        raise RuntimeError("secret internals /srv/data")

    monkeypatch.setattr("crawlcoach.web.guidance_bridge.child_guidance", broken)
    response = api.get(f"/api/children/{child.pk}/assessment/")
    assert response.status_code == 500
    error = error_of(response)
    assert error["kind"] == "internal_error" and "secret" not in error["message"]


def test_root_lists_the_endpoints(client: Client) -> None:
    body = client.get("/api/").json()
    assert body["children"].endswith("/api/children/") and body["docs"].endswith("/api/docs/")
