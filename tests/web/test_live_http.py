"""The real ``crawlcoach serve`` (waitress) over real HTTP connections, on SQLite and on
PostgreSQL: HEAD on keep-alive connections, the app's own 413, private files, and invitations and
the lock-out under parallel requests."""

from __future__ import annotations

import contextlib
import http.client
import json
import select
import socket
import sqlite3
import stat
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from http_client import Answer, Visitor
from live_server import running_server
from web_helpers import PASSWORD

LOCKOUT_ATTEMPTS = 5  # the server's default
MAX_UPLOAD_MB = 1


@dataclass
class Site:
    backend: str
    base: str
    data: Path
    owner: Visitor  # signed up, with one child
    child_id: int
    query: Callable[[str], list[tuple[Any, ...]]]


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
)
def site(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Site]:
    data = tmp_path_factory.mktemp(f"data-{request.param}")
    data.chmod(0o755)  # a folder made by hand (or by an older version): readable by everyone
    env = {"CRAWLCOACH_MAX_UPLOAD_MB": str(MAX_UPLOAD_MB)}
    if request.param == "postgres":
        import psycopg

        env["DATABASE_URL"] = url = request.getfixturevalue("database_url")

        def query(sql: str) -> list[tuple[Any, ...]]:
            with psycopg.connect(url) as connection:
                return connection.execute(sql).fetchall()  # type: ignore[arg-type]
    else:

        def query(sql: str) -> list[tuple[Any, ...]]:
            with sqlite3.connect(data / "crawlcoach.sqlite3") as connection:
                return connection.execute(sql).fetchall()

    with running_server(data, **env) as base:
        owner = Visitor(base)
        owner.sign_up("sam")
        child_id = owner.add_child((date.today() - timedelta(days=280)).isoformat())
        yield Site(request.param, base, data, owner, child_id, query)


def _in_parallel(count: int, attempt: Callable[[int], Answer]) -> list[Answer]:
    """Run ``attempt(i)`` for i in range(count) on threads released at the same instant."""
    start = threading.Barrier(count)

    def run(index: int) -> Answer:
        start.wait(timeout=60)
        return attempt(index)

    with ThreadPoolExecutor(max_workers=count) as pool:
        return list(pool.map(run, range(count)))


def test_head_then_get_on_one_keep_alive_connection(site: Site) -> None:
    cookie = "; ".join(f"{c.name}={c.value}" for c in site.owner.cookies)
    connection = http.client.HTTPConnection(urlsplit(site.base).netloc, timeout=30)
    try:
        for path in ("/login/", "/", f"/children/{site.child_id}/", "/static/crawlcoach/app.css",
                     "/no-such-page/"):  # fmt: skip
            headers = {"Cookie": cookie} if path != "/login/" else {}
            connection.request("HEAD", path, headers=headers)
            head = connection.getresponse()
            assert head.read() == b""
            connection.request("GET", path, headers=headers)
            get = connection.getresponse()  # BadStatusLine here if HEAD had sent a body
            body = get.read()
            assert head.status == get.status, path
            assert get.status in (200, 302, 404) and (body or get.status == 302), path
            if path in ("/login/", "/static/crawlcoach/app.css"):
                assert head.getheader("Content-Length") == str(len(body)), path
    finally:
        connection.close()


def test_an_oversized_upload_gets_the_apps_own_page(site: Site, tmp_path: Path) -> None:
    video = tmp_path / "long-clip.mp4"
    video.write_bytes(b"\0" * int(1.5 * MAX_UPLOAD_MB * 1024 * 1024))
    url = f"/children/{site.child_id}/upload/"
    site.owner.get(url)

    page = site.owner.post(url, files={"video": video})
    assert page.status == 413
    assert page.headers.get_content_type() == "text/html"
    assert f"larger than {MAX_UPLOAD_MB} MB" in page.text and "Trim it" in page.text

    as_json = site.owner.post(url, files={"video": video}, headers={"Accept": "application/json"})
    assert as_json.status == 413 and "Trim it" in json.loads(as_json.body)["error"]

    stranger = Visitor(site.base)
    stranger.get("/login/")
    anywhere = stranger.post("/login/", files={"video": video})
    assert anywhere.status == 413 and "Trim it" in anywhere.text


def _raw_post(base: str, head: bytes, body_chunks: Iterator[bytes]) -> bytes:
    """Send a request by hand (a length it does not keep, a chunked body), stopping as soon as
    the server answers, and read the answer."""
    host, port = urlsplit(base).netloc.split(":")
    with socket.create_connection((host, int(port)), timeout=30) as connection:
        connection.sendall(head)
        for piece in body_chunks:
            if select.select([connection], [], [], 0)[0]:
                break  # answered: the rest would go unread
            connection.sendall(piece)
        answer = b""
        with contextlib.suppress(ConnectionResetError):  # closed once it has answered
            while chunk := connection.recv(65536):
                answer += chunk
    return answer


@pytest.mark.parametrize("accept", ["text/html", "application/json"])
def test_a_body_past_the_servers_own_cut_off_gets_the_apps_answer(site: Site, accept: str) -> None:
    """Past twice the limit waitress stops reading; the answer is still the app's, not its
    plain "Request Entity Too Large"."""
    declared = 3 * MAX_UPLOAD_MB * 1024 * 1024
    path = f"/children/{site.child_id}/upload/"
    common = (f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: {accept}\r\n"
              "Content-Type: multipart/form-data; boundary=zzz\r\n")  # fmt: skip
    with_length = f"{common}Content-Length: {declared}\r\n\r\n".encode()
    chunked = f"{common}Transfer-Encoding: chunked\r\n\r\n".encode()
    piece = b"1000\r\n" + b"x" * 4096 + b"\r\n"
    chunks = (piece for _ in range(declared // 4096))
    for answer in (_raw_post(site.base, with_length, iter(())),
                   _raw_post(site.base, chunked, chunks)):  # fmt: skip
        head, _, body = answer.partition(b"\r\n\r\n")
        assert head.startswith(b"HTTP/1.1 413"), head
        assert b"Content-Security-Policy" in head  # the app's own headers
        assert b"exceeds max_body" not in answer  # waitress's own plain answer
        text = body.decode(errors="replace")
        if accept == "application/json":
            assert b"application/json" in head and "Trim it" in text
        else:
            assert f"larger than {MAX_UPLOAD_MB} MB" in text and "Trim it" in text


def test_signed_in_pages_are_private_to_caches(site: Site) -> None:
    for path in ("/", f"/children/{site.child_id}/", "/family/"):
        cache = site.owner.get(path).headers.get("Cache-Control", "")
        assert "private" in cache and "no-store" in cache, path


def test_invitation_links_use_the_served_address(site: Site) -> None:
    port = urlsplit(site.base).port
    assert site.owner.invitation_link().startswith(f"http://localhost:{port}/join/")


def _upload_and_wait(site: Site, video: Path) -> dict[str, Any]:
    url = f"/children/{site.child_id}/upload/"
    site.owner.get(url)
    answer = site.owner.post(url, files={"video": video}, headers={"Accept": "application/json"})
    assert answer.status == 201, answer.text[:300]
    status_url = json.loads(answer.body)["url"] + "status.json"
    deadline = time.monotonic() + 300
    while (status := json.loads(site.owner.get(status_url).body))["pending"]:
        assert time.monotonic() < deadline, "the analysis did not finish"
        time.sleep(0.5)
    return status


def _open_to_others(data: Path) -> dict[str, str]:
    return {
        str(path.relative_to(data)): oct(stat.S_IMODE(path.stat().st_mode))
        for path in [data, *data.rglob("*")]
        if path.name != "server.log"  # the test's own file
        and stat.S_IMODE(path.stat().st_mode) & 0o077
    }


def test_everything_in_the_data_folder_is_private(site: Site, make_video) -> None:
    _upload_and_wait(site, make_video("floor.mp4"))
    assert _open_to_others(site.data) == {}
    assert len(list((site.data / "media").rglob("original.mp4"))) == 1
    assert "was readable by other users" in (site.data / "server.log").read_text()


@pytest.mark.clips
@pytest.mark.slow
def test_the_skeleton_video_is_private(site: Site, clips_dir: Path) -> None:
    if site.backend != "sqlite":
        pytest.skip("file modes do not depend on the database: checked once, on SQLite")
    status = _upload_and_wait(site, clips_dir / "ucf101-dev/v_BabyCrawling_g04_c02.avi")
    assert status["status"] == "done", status
    (annotated,) = (site.data / "media").rglob("annotated.mp4")
    assert stat.S_IMODE(annotated.stat().st_mode) == 0o600
    assert _open_to_others(site.data) == {}


def test_an_invitation_is_used_once_by_parallel_joins(site: Site) -> None:
    path = urlsplit(site.owner.invitation_link()).path
    joiners = [Visitor(site.base) for _ in range(12)]
    for joiner in joiners:
        assert joiner.get(path).status == 200

    answers = _in_parallel(12, lambda i: joiners[i].post(path, {
        "first_name": f"Joiner {i}", "username": f"joiner{i}",
        "password1": PASSWORD, "password2": PASSWORD,
    }))  # fmt: skip

    assert sorted(a.status for a in answers) == [302] + [410] * 11, [a.text[:200] for a in answers]
    assert all("already used" in a.text for a in answers if a.status == 410)
    joined = site.query("select count(*) from auth_user where username like 'joiner%'")
    assert joined == [(1,)]
    assert Visitor(site.base).get(path).status == 410


def test_parallel_wrong_passwords_count_exactly(site: Site) -> None:
    guessers = [Visitor(site.base) for _ in range(30)]
    for guesser in guessers:
        guesser.get("/login/")

    answers = _in_parallel(
        30, lambda i: guessers[i].post("/login/", {"username": "sam", "password": f"guess-{i}"})
    )

    assert all(a.status == 200 for a in answers)
    assert all(
        "correct username and password" in a.text or "Too many wrong passwords" in a.text
        for a in answers
    )
    # Each attempt is counted before its password is checked, and none past the limit is: so
    # exactly the limit was counted (and checked), not every guess that raced past the check.
    rows = site.query("select failures, locked_until from families_loginlock where username='sam'")
    assert len(rows) == 1 and rows[0][0] == LOCKOUT_ATTEMPTS and rows[0][1] is not None


def _join(site: Site, username: str) -> Visitor:
    path = urlsplit(site.owner.invitation_link()).path
    joiner = Visitor(site.base)
    joiner.get(path)
    answer = joiner.post(path, {"first_name": username.title(), "username": username,
                                "password1": PASSWORD, "password2": PASSWORD})  # fmt: skip
    assert answer.status == 302, answer.text[:300]
    return joiner


def test_two_admins_leaving_at_once_leave_the_family_an_admin(site: Site) -> None:
    """Run last: the owner may leave the family here."""
    kim, _ = _join(site, "kim"), _join(site, "lee")
    (kim_id,) = site.query(
        "select c.id from families_caregiver c join auth_user u on u.id = c.user_id "
        "where u.username = 'kim'"
    )[0]
    assert site.owner.post(f"/family/caregivers/{kim_id}/admin/").status == 302
    leavers = [site.owner, kim]
    for leaver in leavers:
        leaver.get("/account/")

    answers = _in_parallel(2, lambda i: leavers[i].post("/account/leave/"))

    # One of them goes; the other, now the only admin, is asked to name the next one first.
    assert sorted(a.status for a in answers) == [302, 400], [a.text[:300] for a in answers]
    refused = next(a for a in answers if a.status == 400)
    assert "You are the family's only admin" in refused.text.replace("&#x27;", "'")
    admins = site.query(
        "select count(*) from families_caregiver c join families_family f on f.id = c.family_id "
        "where c.is_admin and f.name = 'The Okafors'"
    )
    assert admins == [(1,)]
