"""A full or read-only data folder (or database) answered calmly, never with a server error.

The upload view says so in its own words; everything else that writes (sign-up, the journal, a
note's photo, the API) gets the same answer from here: 507 with what happened and what to do, as
a page or as the API's JSON error.
"""

from __future__ import annotations

import errno
import logging
from collections.abc import Callable

from django.db import OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

from crawlcoach.web import notices

log = logging.getLogger(__name__)

# The file system's ways of saying the data folder cannot take a write.
STORAGE_ERRNOS = frozenset({errno.ENOSPC, errno.EROFS, errno.EDQUOT, errno.EACCES, errno.EPERM})
# SQLite's, for its database file in the data folder.
DATABASE_SIGNS = (
    "readonly database",
    "database or disk is full",
    "disk i/o error",
    "unable to open database file",
)


def is_storage_problem(exc: BaseException) -> bool:
    if isinstance(exc, OperationalError):
        text = str(exc).lower()
        return any(sign in text for sign in DATABASE_SIGNS)
    return isinstance(exc, OSError) and exc.errno in STORAGE_ERRNOS


def storage_problem_response(request: HttpRequest) -> HttpResponse:
    message = notices.STORAGE_SAVE_PROBLEM
    if "application/json" in request.headers.get("Accept", ""):
        return JsonResponse({"error": {"kind": "disk_problem", "message": message}}, status=507)
    return render(request, "507.html", {"message": message}, status=507)


class StorageProblemMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exc: Exception) -> HttpResponse | None:
        if not is_storage_problem(exc):
            return None
        log.error("%s %s: the data folder cannot be written to: %s", request.method,
                  request.path, exc)  # fmt: skip
        return storage_problem_response(request)
