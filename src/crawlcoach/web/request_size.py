"""Refuse an oversized request with the app's own calm answer (413), before its body is read.

waitress's own cut-off is set above this limit (``server_body_limit``), so a parent who picks a
video that is too large sees this page, saying the limit and what to do, and not the server's
bare "Request Entity Too Large". A body past waitress's cut-off (which bounds what it spools to
disk) is answered by the app too: ``create_server`` gives waitress a channel that hands such a
request to the app with an empty body, where this middleware refuses it on its declared length.
Uploads sent without a length are still stopped while streaming, by the upload view's
size-limited handler.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

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


def create_server(application: Any, **options: Any) -> Any:
    """waitress's server for ``application``, answering bodies past its cut-off through the app."""
    from waitress.server import create_server as waitress_server

    server = waitress_server(application, **options)
    server.channel_class = _channel_class()
    return server


def _channel_class() -> type:
    from waitress.channel import HTTPChannel
    from waitress.task import ErrorTask, WSGITask
    from waitress.utilities import RequestEntityTooLarge

    class AppAnswersTooLarge(ErrorTask):  # type: ignore[misc]
        """waitress's error task, except for a body past its cut-off once the headers are in:
        then the app answers (without the body, and the connection closes after)."""

        def __new__(cls, channel: Any, request: Any) -> Any:
            if isinstance(request.error, RequestEntityTooLarge) and request.headers_finished:
                # A chunked body has no length of its own: declare the cut-off it passed.
                cut_off = channel.adj.max_request_body_size
                declared = max(int(request.content_length or 0), cut_off)
                request.headers["CONTENT_LENGTH"] = str(declared)
                request.error = None
                task = WSGITask(channel, request)
                task.close_on_finish = True
                return task
            return super().__new__(cls)

    class Channel(HTTPChannel):  # type: ignore[misc]
        error_task_class = AppAnswersTooLarge

    return Channel
