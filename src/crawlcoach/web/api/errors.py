"""Every API error as ``{"error": {"kind": ..., "message": ...}}`` (validation errors add
``fields``), whatever raised it: DRF, Django's 404, our own checks, or a bug (a 500 that says so
without a traceback)."""

from __future__ import annotations

import logging
from typing import Any

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from crawlcoach.errors import CrawlcoachError
from crawlcoach.web import notices
from crawlcoach.web.storage_errors import is_storage_problem

log = logging.getLogger(__name__)

INTERNAL_ERROR_MESSAGE = (
    "Something went wrong on our side. Please try again; if it keeps happening, the server's log "
    "says what it was."
)
# DRF's codes, renamed where a plainer word reads better in a script.
KINDS = {"permission_denied": "forbidden", "parse_error": "malformed_request"}


def error_body(kind: str, message: str, fields: Any = None) -> dict[str, Any]:
    error: dict[str, Any] = {"kind": kind, "message": message}
    if fields is not None:
        error["fields"] = fields
    return {"error": error}


def error_response(status_code: int, kind: str, message: str) -> Response:
    return Response(error_body(kind, message), status=status_code)


def handle_exception(exc: Exception, context: dict[str, Any]) -> Response:
    if isinstance(exc, Http404):
        exc = exceptions.NotFound(_plain(exc) or "Nothing here: check the address and the id.")
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied(_plain(exc) or None)
    elif isinstance(exc, CrawlcoachError):
        return error_response(status.HTTP_400_BAD_REQUEST, exc.kind, exc.message)
    elif is_storage_problem(exc):
        log.error("API call %s: the data folder cannot be written to: %s", _path(context), exc)
        return error_response(507, "disk_problem", notices.STORAGE_SAVE_PROBLEM)
    response = drf_exception_handler(exc, context)
    if response is None:
        log.exception("API call %s failed", _path(context), exc_info=exc)
        return error_response(
            status.HTTP_500_INTERNAL_SERVER_ERROR, "internal_error", INTERNAL_ERROR_MESSAGE
        )
    assert isinstance(exc, exceptions.APIException)
    if isinstance(exc, exceptions.ValidationError):
        response.data = error_body("invalid", validation_message(exc.detail), exc.detail)
    else:
        code = exc.get_codes() if isinstance(exc.get_codes(), str) else exc.default_code
        response.data = error_body(KINDS.get(str(code), str(code)), _plain(exc))
    return response


def validation_message(detail: Any, prefix: str = "") -> str:
    """One sentence per problem, each naming its field: "born: This field is required."."""
    if isinstance(detail, dict):
        parts = [
            validation_message(value, _field_name(prefix, str(key)))
            for key, value in detail.items()
        ]
        return " ".join(part for part in parts if part)
    if isinstance(detail, list):
        return " ".join(validation_message(item, prefix) for item in detail)
    text = str(detail)
    return f"{prefix}: {text}" if prefix else text


def _field_name(prefix: str, key: str) -> str:
    if key == "non_field_errors":
        return prefix
    return f"{prefix}[{key}]" if prefix else key


def _plain(exc: Exception) -> str:
    detail = getattr(exc, "detail", None)
    if detail is not None:
        return str(detail)
    return str(exc.args[0]) if exc.args else ""


def _path(context: dict[str, Any]) -> str:
    request = context.get("request")
    return getattr(request, "path", "?")
