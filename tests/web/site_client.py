"""A plain HTTP client for a running ``crawlcoach serve`` (no browser): sign up, add a child,
upload, follow a video's status. Used by the fault tests and by ``bench/load_uploads.py``."""

from __future__ import annotations

import http.client
import json
import re
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from dataclasses import dataclass
from datetime import date, timedelta
from http.cookiejar import CookieJar
from pathlib import Path
from typing import Any

PASSWORD = "calm-otter-49-river"
CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@dataclass(frozen=True)
class Response:
    status: int
    url: str
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode(errors="replace")

    def json(self) -> Any:
        return json.loads(self.body)


class Site:
    """One caregiver's browser session, minus the browser."""

    def __init__(self, base: str, timeout_s: float = 60.0) -> None:
        self.base = base
        self.timeout_s = timeout_s
        self.cookies = CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies))

    def get(self, path: str, accept: str = "text/html") -> Response:
        return self._send(urllib.request.Request(self.base + path, headers={"Accept": accept}))

    def post(self, path: str, fields: dict[str, str]) -> Response:
        """Post a form the way a browser does: with the page's CSRF token."""
        token = self._csrf_token(path)
        body = urllib.parse.urlencode({"csrfmiddlewaretoken": token, **fields}).encode()
        request = urllib.request.Request(
            self.base + path, data=body, headers={"Referer": self.base + path}
        )
        return self._send(request)

    def sign_up(self, username: str, family: str = "The Okafors") -> Response:
        fields = {"family_name": family, "first_name": "Sam", "username": username,
                  "password1": PASSWORD, "password2": PASSWORD}  # fmt: skip
        response = self.post("/signup/", fields)
        if not response.url.endswith("/children/add/"):
            raise RuntimeError(f"sign-up of {username} failed ({response.status}): {response.url}")
        return response

    def add_child(self, name: str = "Ada", months: int = 9) -> int:
        born = (date.today() - timedelta(days=int(months * 30.44))).isoformat()
        response = self.post("/children/add/", {"name": name, "born": born})
        found = re.search(r"/children/(\d+)/$", response.url)
        if found is None:
            raise RuntimeError(f"adding {name} failed ({response.status}): {response.url}")
        return int(found.group(1))

    def upload(self, child_id: int, video: Path) -> Response:
        """Upload as the page's script does (multipart, JSON answer: 201 with the video's URL,
        or an error with a reason)."""
        path = f"/children/{child_id}/upload/"
        token = self._csrf_token(path)
        body, content_type = multipart({"csrfmiddlewaretoken": token}, "video", video)
        request = urllib.request.Request(
            self.base + path,
            data=body,
            headers={"Content-Type": content_type, "Accept": "application/json",
                     "Referer": self.base + path},
        )  # fmt: skip
        return self._send(request)

    def status(self, video_url: str) -> dict[str, Any]:
        return self.get(video_url + "status.json", accept="application/json").json()

    def wait_for(self, video_url: str, statuses: set[str], timeout_s: float) -> dict[str, Any]:
        deadline = time.monotonic() + timeout_s
        while True:
            status = self.status(video_url)
            if status["status"] in statuses or time.monotonic() > deadline:
                return status
            time.sleep(0.1)

    def csrf_cookie(self) -> str:
        return next((c.value for c in self.cookies if c.name == "csrftoken"), "") or ""

    def cookie_header(self) -> str:
        return "; ".join(f"{c.name}={c.value}" for c in self.cookies)

    def _csrf_token(self, path: str) -> str:
        page = self.get(path)
        found = CSRF_FIELD.search(page.text)
        return found.group(1) if found else self.csrf_cookie()

    def _send(self, request: urllib.request.Request) -> Response:
        try:
            with self.opener.open(request, timeout=self.timeout_s) as answer:
                return Response(answer.status, answer.url, answer.read())
        except urllib.error.HTTPError as error:
            return Response(error.code, error.url or request.full_url, error.read())


def multipart(fields: dict[str, str], file_field: str, path: Path) -> tuple[bytes, str]:
    """A multipart/form-data body with ``fields`` and one file; returns it and its type."""
    boundary = uuid.uuid4().hex
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
        for name, value in fields.items()
    ]
    parts.append(
        f'--{boundary}\r\nContent-Disposition: form-data; name="{file_field}"; '
        f'filename="{path.name}"\r\nContent-Type: application/octet-stream\r\n\r\n'.encode()
        + path.read_bytes()
        + f"\r\n--{boundary}--\r\n".encode()
    )
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def start_slow_upload(site: Site, child_id: int, video: Path, sent_share: float = 0.5) -> Any:
    """Begin an upload and send only ``sent_share`` of its body, as a phone on a weak network
    would before it drops; returns the open connection (close it, or kill the server)."""
    path = f"/children/{child_id}/upload/"
    token = site._csrf_token(path)
    body, content_type = multipart({"csrfmiddlewaretoken": token}, "video", video)
    host = urllib.parse.urlsplit(site.base).netloc
    connection = http.client.HTTPConnection(host, timeout=30)
    connection.putrequest("POST", path)
    for name, value in (("Content-Type", content_type), ("Content-Length", str(len(body))),
                        ("Cookie", site.cookie_header()), ("Referer", site.base + path),
                        ("Accept", "application/json")):  # fmt: skip
        connection.putheader(name, value)
    connection.endheaders()
    sent = int(len(body) * sent_share)
    for start in range(0, sent, 64 * 1024):
        connection.send(body[start : min(start + 64 * 1024, sent)])
    return connection
