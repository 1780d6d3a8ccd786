"""Refuse an oversized request with the app's own calm answer (413), before its body is read.

waitress's own cut-off is set well above this limit (``server_body_limit``), so a parent who
picks a video that is too large sees this page, saying the limit and what to do, and not the
server's bare "Request Entity Too Large". Uploads sent without a length are still stopped while
streaming, by the upload view's size-limited handler.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

from crawlcoach.web.videos import upload

# waitress refuses bodies past this many times the app's limit on its own, to bound the disk it
# spools them to; between the two, the app answers.
SERVER_LIMIT_FACTOR = 2


def server_body_limit(app_limit_bytes: int) -> int:
    """The body size at which the web server itself cuts a request off."""
    return SERVER_LIMIT_FACTOR * app_limit_bytes + upload.MULTIPART_OVERHEAD_BYTES


def too_large_response(request: HttpRequest, limit_bytes: int) -> HttpResponse:
    message = upload.too_large_message(limit_bytes)
    if "application/json" in request.headers.get("Accept", ""):
        return JsonResponse({"error": message}, status=413)
    return render(request, "413.html", {"message": message}, status=413)


class RequestSizeMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if upload.declared_too_large(request, settings.MAX_UPLOAD_BYTES):
            return too_large_response(request, settings.MAX_UPLOAD_BYTES)
        return self.get_response(request)
