"""Hard faults on the real server: ``crawlcoach serve`` in a subprocess, SIGKILLed while it
analyses a video and receives another one, then started again on the same data. Nothing may be
lost or stuck: the video ends done or failed with a reason, the analysis' child process dies with
its server, and the half-received upload leaves no file behind. On the embedded defaults (SQLite
for both), with the database in PostgreSQL, and with the queue in Redis."""

from __future__ import annotations

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
