"""The web app on real external services: the task queue in Redis, the database in PostgreSQL.

Each starts a throwaway server process on a free loopback port (redis-server; a PostgreSQL cluster
made with initdb in a temporary folder; the fixtures are in conftest.py) and runs sign-up, a child
and an upload through the real `crawlcoach serve` against it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from live_server import PHONE, add_child, chromium, running_server, sign_up, upload
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
