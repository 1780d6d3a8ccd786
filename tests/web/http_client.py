"""A small cookie-keeping HTTP client for the live server (no browser): real connections, real
waitress, Django's CSRF token taken from its cookie like a browser form would send it."""

from __future__ import annotations

import http.cookiejar
import re
import secrets
import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import Message
from pathlib import Path

from web_helpers import PASSWORD


@dataclass
class Answer:
    status: int
    headers: Message
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")

    @property
    def location(self) -> str:
        return self.headers.get("Location", "")


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None  # a 302 comes back as it is, for the test to read


class Visitor:
    """One browser's worth of cookies on ``base``."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies), _NoRedirects
        )

    def get(self, path: str, headers: dict[str, str] | None = None) -> Answer:
        return self._send(urllib.request.Request(self.base + path, headers=headers or {}))

    def post(
        self,
        path: str,
        fields: dict[str, str] | None = None,
        files: dict[str, Path] | None = None,
        headers: dict[str, str] | None = None,
        body_bytes: bytes | None = None,
    ) -> Answer:
        """A multipart form POST with the CSRF token (the cookie must have been set by a GET)."""
        fields = {"csrfmiddlewaretoken": self.csrf_token(), **(fields or {})}
        boundary = "----crawlcoach" + secrets.token_hex(8)
        parts = []
        for name, value in fields.items():
            parts.append(
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
                f"{value}\r\n".encode()
            )
        for name, path_ in (files or {}).items():
            data = path_.read_bytes() if body_bytes is None else body_bytes
            parts.append(
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                f'filename="{path_.name}"\r\nContent-Type: video/mp4\r\n\r\n'.encode()
                + data
                + b"\r\n"
            )
        parts.append(f"--{boundary}--\r\n".encode())
        content_type = f"multipart/form-data; boundary={boundary}"
        request = urllib.request.Request(
            self.base + path,
            data=b"".join(parts),
            headers={"Content-Type": content_type, **(headers or {})},
            method="POST",
        )
        return self._send(request)

    def csrf_token(self) -> str:
        for cookie in self.cookies:
            if cookie.name == "csrftoken":
                return str(cookie.value)
        return ""

    def _send(self, request: urllib.request.Request) -> Answer:
        try:
            with self.opener.open(request, timeout=120) as response:
                return Answer(response.status, response.headers, response.read())
        except urllib.error.HTTPError as error:
            return Answer(error.code, error.headers, error.read())

    # What a family does first.

    def sign_up(self, username: str = "sam") -> None:
        self.get("/signup/")
        answer = self.post("/signup/", {
            "family_name": "The Okafors", "first_name": "Sam", "username": username,
            "password1": PASSWORD, "password2": PASSWORD,
        })  # fmt: skip
        assert answer.status == 302, answer.text[:500]

    def add_child(self, born: str, name: str = "Ada") -> int:
        self.get("/children/add/")
        answer = self.post("/children/add/", {"name": name, "born": born})
        assert answer.status == 302, answer.text[:500]
        return int(re.search(r"/children/(\d+)/", answer.location).group(1))  # type: ignore[union-attr]

    def invitation_link(self) -> str:
        """Make a new invitation on the Family page; returns its link as the page shows it."""
        before = self._links()
        assert self.post("/family/invite/").status == 302
        new = self._links() - before
        assert len(new) == 1, new
        return new.pop()

    def _links(self) -> set[str]:
        return set(re.findall(r"https?://[^\s\"<]+/join/[^\s\"<]+/", self.get("/family/").text))
