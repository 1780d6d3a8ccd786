"""The OpenAPI schema and the docs page (Swagger UI from the installed sidecar, no CDN)."""

from __future__ import annotations

import re

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_schema_describes_every_endpoint(client: Client) -> None:
    schema = client.get("/api/schema/?format=json").json()
    assert schema["openapi"].startswith("3.")
    assert {
        "/api/family/", "/api/children/", "/api/children/{id}/", "/api/children/{id}/assessment/",
        "/api/videos/", "/api/videos/{id}/", "/api/videos/{id}/status/",
        "/api/videos/{id}/analysis/", "/api/videos/{id}/original/", "/api/videos/{id}/skeleton/",
        "/api/milestones/", "/api/milestones/{id}/", "/api/practice/", "/api/practice/{id}/",
        "/api/notes/", "/api/notes/{id}/", "/api/notes/{id}/photo/",
    } == set(schema["paths"])  # fmt: skip
    assert schema["components"]["securitySchemes"]["tokenAuth"]["scheme"] == "bearer"
    upload = schema["paths"]["/api/videos/"]["post"]["requestBody"]["content"]
    assert list(upload) == ["multipart/form-data"]
    for operations in schema["paths"].values():
        for operation in operations.values():
            assert operation["responses"]["default"]["content"]["application/json"]


def test_docs_page_loads_only_local_assets(client: Client) -> None:
    page = client.get("/api/docs/").content.decode()
    sources = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert sources and all(s.startswith("/") for s in sources), sources
    for source in sources:
        assert client.get(source).status_code == 200, source
