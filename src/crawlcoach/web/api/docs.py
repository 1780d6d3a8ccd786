"""The OpenAPI schema (/api/schema/) and the browsable docs (/api/docs/, Swagger UI served from
the installed ``drf-spectacular-sidecar`` package: no CDN, nothing fetched from outside)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal, overload

from django.contrib.staticfiles.finders import BaseFinder
from django.core.files.storage import FileSystemStorage
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.csrf import ensure_csrf_cookie
from django.views.decorators.http import require_GET
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.views import SpectacularAPIView

SWAGGER_STATIC_PREFIX = "vendor/swagger-ui"
# Only what the docs page loads, not the whole sidecar (source maps, Redoc, ...).
SWAGGER_FILES = ("swagger-ui-bundle.js", "swagger-ui.css", "favicon-32x32.png")


def _swagger_dir() -> Path:
    import drf_spectacular_sidecar

    package = Path(drf_spectacular_sidecar.__file__).resolve().parent
    return package / "static" / "drf_spectacular_sidecar" / "swagger-ui-dist"


class SwaggerUIFinder(BaseFinder):
    """Static files ``vendor/swagger-ui/<file>`` from the sidecar package."""

    def check(self, **kwargs: Any) -> list[Any]:
        return []

    @overload
    def find(self, path: str, find_all: Literal[False] = False, **kwargs: Any) -> str: ...
    @overload
    def find(self, path: str, find_all: Literal[True], **kwargs: Any) -> list[str]: ...
    def find(self, path: str, find_all: bool = False, **kwargs: Any) -> str | list[str]:
        folder, _, name = path.rpartition("/")
        if folder != SWAGGER_STATIC_PREFIX or name not in SWAGGER_FILES:
            return [] if find_all else ""
        found = str(_swagger_dir() / name)
        return [found] if find_all else found

    def list(self, ignore_patterns: Any) -> Iterator[tuple[str, FileSystemStorage]]:
        storage = FileSystemStorage(location=str(_swagger_dir()))
        storage.prefix = SWAGGER_STATIC_PREFIX  # type: ignore[attr-defined]
        for name in SWAGGER_FILES:
            yield name, storage


class ApiTokenScheme(OpenApiAuthenticationExtension):
    target_class = "crawlcoach.web.api.tokens.ApiTokenAuthentication"
    name = "tokenAuth"

    def get_security_definition(self, auto_schema: Any) -> dict[str, Any]:
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "A token from the Family page: `Authorization: Bearer cc_...` "
            "(or `Authorization: Token cc_...`).",
        }


ERROR_SCHEMA = {
    "type": "object",
    "required": ["error"],
    "properties": {
        "error": {
            "type": "object",
            "required": ["kind", "message"],
            "properties": {
                "kind": {"type": "string", "description": "Which error: not_found, invalid, ..."},
                "message": {"type": "string", "description": "What went wrong and what to do."},
                "fields": {"type": "object", "description": "Validation errors by field."},
            },
        }
    },
}


def add_error_responses(result: dict[str, Any], generator: Any, **kwargs: Any) -> dict[str, Any]:
    """Every operation may answer an error in the one shape; say so in the schema."""
    result.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR_SCHEMA
    default = {
        "description": "An error: `error.kind` says which, `error.message` what to do.",
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
    }
    for operations in result.get("paths", {}).values():
        for operation in operations.values():
            if isinstance(operation, dict) and "responses" in operation:
                operation["responses"].setdefault("default", default)
    return result


class SchemaView(SpectacularAPIView):
    """The schema as YAML, or JSON with ``?format=json``; holds no family data, so open to all."""


@require_GET
@ensure_csrf_cookie  # the docs' "Try it out" sends it back with a logged-in session
def docs_page(request: HttpRequest) -> HttpResponse:
    context = {"schema_url": reverse("api:schema") + "?format=json"}
    return render(request, "api/docs.html", context)
