"""The web app on real external services: the task queue in Redis, the database in PostgreSQL.

Each starts a throwaway server process on a free loopback port (redis-server; a PostgreSQL cluster
made with initdb in a temporary folder) and runs sign-up, a child and an upload through the real
`crawlcoach serve` against it.
"""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from live_server import PHONE, add_child, chromium, free_port, running_server, sign_up, upload
from live_server import wait_until_finished as finished

POSTGRES_BIN = Path("/usr/lib/postgresql")


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


def _postgres_tools() -> Path | None:
    versions = sorted(POSTGRES_BIN.glob("*/bin/initdb"))
    return versions[-1].parent if versions else None


@pytest.fixture
def database_url() -> Iterator[str]:
    tools = _postgres_tools()
    if tools is None:
        pytest.skip("PostgreSQL is not installed (apt-get install postgresql); `make test` does it")
    # PostgreSQL refuses to run as root: as root, the cluster belongs to the 'postgres' user.
    as_user: list[str] = []
    folder = Path(tempfile.mkdtemp(prefix="crawlcoach-pg-"))
    if os.geteuid() == 0:
        try:
            owner = pwd.getpwnam("postgres")
        except KeyError:
            pytest.skip("running as root and there is no 'postgres' user to own the test cluster")
        os.chown(folder, owner.pw_uid, owner.pw_gid)
        as_user = ["runuser", "-u", "postgres", "--"]
    data, port = folder / "data", free_port()

    def run(*command: str) -> None:
        subprocess.run([*as_user, *command], check=True, capture_output=True, timeout=120)

    try:
        run(str(tools / "initdb"), "-D", str(data), "-A", "trust", "-U", "crawlcoach", "--no-sync")
        server_options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        run(str(tools / "pg_ctl"), "-D", str(data), "-w", "-l", str(folder / "log"),
            "-o", server_options, "start")  # fmt: skip
        run(str(tools / "createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", "crawlcoach",
            "crawlcoach")  # fmt: skip
        yield f"postgres://crawlcoach@127.0.0.1:{port}/crawlcoach"
    finally:
        if (data / "postmaster.pid").exists():
            subprocess.run([*as_user, str(tools / "pg_ctl"), "-D", str(data), "-m", "immediate",
                            "stop"], capture_output=True, timeout=60)  # fmt: skip
        shutil.rmtree(folder, ignore_errors=True)


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
