"""The web app on real external services: the task queue in Redis, the database in PostgreSQL.

Each starts a throwaway server process on a free loopback port (redis-server here; the PostgreSQL
cluster made with initdb in a temporary folder comes from conftest.py) and runs sign-up, a child
and an upload through the real `crawlcoach serve` against it.
"""

from __future__ import annotations

import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from live_server import PHONE, add_child, chromium, free_port, running_server, sign_up, upload
from live_server import wait_until_finished as finished


def _journey(base: str, video: Path) -> str:
    with chromium() as browser:
        page = browser.new_page(viewport=PHONE)
        sign_up(page, base)
        add_child(page)
        upload(page, video)
        status = finished(page, timeout_s=120)
        assert "Ada" in page.inner_text("main")
        return status


@pytest.fixture
def redis_url(tmp_path: Path) -> Iterator[str]:
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.skip(
            "redis-server is not installed (apt-get install redis-server); `make test` does it"
        )
    port = free_port()
    process = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
         "--dir", str(tmp_path)],
        stdout=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        import redis

        client = redis.Redis(host="127.0.0.1", port=port)
        for _ in range(100):
            try:
                client.ping()
                break
            except redis.ConnectionError:
                time.sleep(0.05)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.mark.redis
@pytest.mark.e2e
def test_queue_in_redis(redis_url: str, tmp_path: Path, make_video) -> None:
    data = tmp_path / "data"
    with running_server(data, REDIS_URL=redis_url) as base:
        # A video with nobody in it: analysed by the worker through Redis, and failed clearly.
        assert _journey(base, make_video("empty.mp4", seconds=2)) == "failed"
    assert not (data / "tasks.sqlite3").exists(), "the queue should have been in Redis"


@pytest.mark.postgres
@pytest.mark.e2e
def test_database_in_postgres(database_url: str, tmp_path: Path, make_video) -> None:
    data = tmp_path / "data"
    with running_server(data, DATABASE_URL=database_url) as base:
        assert _journey(base, make_video("empty.mp4", seconds=2)) == "failed"
    assert not (data / "crawlcoach.sqlite3").exists(), "the database should have been PostgreSQL"
    import psycopg

    with psycopg.connect(database_url) as connection:
        rows = connection.execute("select status, error_kind from videos_video").fetchall()
    assert rows == [("failed", "no_baby_found")]
