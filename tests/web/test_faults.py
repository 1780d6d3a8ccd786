"""Hard faults on the real server: ``crawlcoach serve`` in a subprocess, SIGKILLed while it
analyses a video and receives another one, then started again on the same data. Nothing may be
lost or stuck: the video ends done or failed with a reason, the analysis' child process dies with
its server, and the half-received upload leaves no file behind. On the embedded defaults (SQLite
for both), with the database in PostgreSQL, and with the queue in Redis."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from huey import SqliteHuey
from live_server import ServerProcess
from site_client import Site, start_slow_upload

from crawlcoach.web.worker import EmbeddedConsumer, consumer_options

SERVICES = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param("postgres", id="postgres", marks=pytest.mark.postgres),
    pytest.param("redis", id="redis", marks=pytest.mark.redis),
]


@pytest.fixture(params=SERVICES)
def services(request: pytest.FixtureRequest) -> dict[str, str]:
    if request.param == "postgres":
        return {"DATABASE_URL": request.getfixturevalue("database_url")}
    if request.param == "redis":
        return {"REDIS_URL": request.getfixturevalue("redis_url")}
    return {}


def _wait(condition, timeout_s: float, what: str) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(what)
        time.sleep(0.05)


def _video_folders(data: Path) -> list[Path]:
    return [p for p in (data / "media").glob("family-*/child-*/*") if p.is_dir()]


@pytest.mark.slow
def test_a_killed_server_loses_nothing(
    services: dict[str, str], tmp_path: Path, make_video
) -> None:
    data = tmp_path / "data"
    server = ServerProcess(data, **services)
    try:
        site = Site(server.start())
        site.sign_up("sam")
        child = site.add_child()
        uploaded = site.upload(child, make_video("crawl.mp4", seconds=10))
        assert uploaded.status == 201, uploaded.text
        video = uploaded.json()["url"]
        # An idle queue takes the upload up at once (it used to wait ~8 s in Huey's back-off).
        assert site.wait_for(video, {"analysing"}, timeout_s=5)["status"] == "analysing"
        _wait(server.children, 30, "no analysis process started")

        slow = start_slow_upload(site, child, make_video("second.mp4", seconds=4), 0.5)
        # A kill while Django copies an upload into the data folder leaves a file like this one.
        (data / "uploads" / "tmpk2j3h4xy.upload.mp4").write_bytes(b"the first half of a video")
        analyses = server.children()
        server.kill()
        slow.close()
        _wait(lambda: not any(Path(f"/proc/{pid}").exists() for pid in analyses), 10,
              "the analysis outlived its server")  # fmt: skip

        site.base = server.start()
        finished = site.wait_for(video, {"done", "failed"}, timeout_s=120)
        assert finished["status"] == "failed", finished  # a video with nobody in it
        assert "could not find a baby" in (finished["error"] or "")
        assert not list((data / "uploads").iterdir()), "a partial upload was left behind"
        assert [p.name for p in _video_folders(data)] == [video.strip("/").split("/")[-1]]
    finally:
        server.stop()
    assert "Traceback" not in server.log(), server.log()


def test_an_idle_queue_is_looked_at_at_least_twice_a_second(tmp_path: Path) -> None:
    """Huey backs off between looks at an empty SQLite queue, by default up to 10 s."""
    queue = SqliteHuey(f"test-{uuid.uuid4().hex}", filename=str(tmp_path / "tasks.sqlite3"))
    worker = EmbeddedConsumer(queue, **consumer_options(1))._create_worker()
    waits: list[float] = []

    class RecordingStopFlag:
        def wait(self, timeout: float | None = None) -> bool:
            waits.append(float(timeout or 0))
            return False

        def is_set(self) -> bool:
            return False

    worker.stop_flag = RecordingStopFlag()
    for _ in range(200):  # well over an hour of idling at Huey's default back-off
        worker.loop()
    assert len(waits) == 200 and max(waits) <= 0.5


class WorkerProcess(ServerProcess):
    """``crawlcoach worker`` as a real subprocess on the same data, queue and database."""

    def start(self, timeout_s: float = 90) -> str:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        log_path = self.data_dir / f"worker-{uuid.uuid4().hex[:6]}.log"
        command = [sys.executable, "-c", "from crawlcoach.cli import main; main()", "worker"]
        with log_path.open("ab") as log:
            self.process = subprocess.Popen(
                command, env=self.environment, stdout=log, stderr=subprocess.STDOUT
            )
        self.log_path = log_path
        # Its start-up recovery is done once it says it waits for videos.
        _wait(lambda: "waiting for videos" in log_path.read_text(), timeout_s, "no worker")
        return ""

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")


def _video_row(data: Path, video_url: str) -> tuple[str, int]:
    video_id = uuid.UUID(video_url.strip("/").split("/")[-1]).hex
    with sqlite3.connect(data / "crawlcoach.sqlite3") as connection:
        row = connection.execute(
            "SELECT status, attempt FROM videos_video WHERE id = ?", (video_id,)
        ).fetchone()
    return row[0], row[1]


@pytest.mark.slow
@pytest.mark.redis
def test_a_second_worker_leaves_a_live_workers_video_alone(
    redis_url: str, tmp_path: Path, make_video
) -> None:
    """Two `crawlcoach worker`s on one Redis queue: the one that starts second must not take
    back the video the first is analysing (its heartbeat is fresh); once the first is killed,
    its video goes stale and the second takes it up."""
    data = tmp_path / "data"
    env = {"REDIS_URL": redis_url, "CRAWLCOACH_WORKER_STALE_S": "3"}
    server = ServerProcess(data, "--no-worker", **env)
    first, second = WorkerProcess(data, **env), WorkerProcess(data, **env)
    try:
        site = Site(server.start())
        site.sign_up("sam")
        child = site.add_child()
        # About 40 s of analysis here: longer than the second worker takes to start.
        uploaded = site.upload(child, make_video("long.mp4", seconds=100))
        assert uploaded.status == 201, uploaded.text
        video = uploaded.json()["url"]
        first.start()
        assert site.wait_for(video, {"analysing"}, timeout_s=30)["status"] == "analysing"
        _wait(first.children, 30, "the first worker started no analysis")
        analysing = first.children()

        second.start()
        time.sleep(3 * 3)  # three stale periods: the second's watch looked several times
        assert _video_row(data, video) == ("analysing", 1)
        assert all(Path(f"/proc/{pid}").exists() for pid in analysing), "the analysis was stopped"
        assert second.children() == []

        first.kill()
        # Once its heartbeat is stale, the second takes the video up again (attempt 2).
        _wait(lambda: _video_row(data, video) == ("analysing", 2), 60, "the video was not taken up")
        _wait(second.children, 30, "the second worker started no analysis")
    finally:
        for process in (first, second, server):
            if process.process is not None:
                process.stop()
    assert "Traceback" not in second.log(), second.log()
