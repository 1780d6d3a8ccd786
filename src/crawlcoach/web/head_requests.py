"""Answer HEAD requests without a body, whatever the view wrote.

Django's views answer HEAD like GET, body included, and waitress sends what it is given: the
stray body is then read as the start of the next response on a keep-alive connection (or, behind
a proxy, handed to the next request). This WSGI layer keeps the status and headers (with the
length the GET would have) and drops the body.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

WSGIApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]
# Statuses that never carry a Content-Length (RFC 9110 8.6).
NO_LENGTH_STATUSES = ("1", "204", "304")


def bodiless_head(app: WSGIApp) -> WSGIApp:
    def application(environ: dict[str, Any], start_response: Callable[..., Any]) -> list[bytes]:
        if environ.get("REQUEST_METHOD") != "HEAD":
            return app(environ, start_response)  # type: ignore[return-value]
        answered: list[tuple[str, list[tuple[str, str]], Any]] = []

        def remember(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
            answered[:] = [(status, list(headers), exc_info)]
            return lambda data: None  # the legacy write() callable: ignored like the body

        body = app(environ, remember)
        try:
            length = None if _has_length(answered) else sum(len(chunk) for chunk in body)
        finally:
            if hasattr(body, "close"):
                body.close()  # Django's request_finished (closes DB connections, files)
        status, headers, exc_info = answered[0]
        if length is not None and not status.startswith(NO_LENGTH_STATUSES):
            headers.append(("Content-Length", str(length)))
        start_response(status, headers, exc_info)
        return []

    return application


def _has_length(answered: list[tuple[str, list[tuple[str, str]], Any]]) -> bool:
    # start_response may legally wait for the first iteration; then the body is counted.
    return bool(answered) and any(name.lower() == "content-length" for name, _ in answered[0][1])
