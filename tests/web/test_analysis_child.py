"""Each analysis runs in a real child process: its memory cap, time limit, crash, cancel, a video
deleted meanwhile, a parent that dies, and long videos analysed in their first part.

Where a test needs a child that misbehaves, the child is a real process running a few lines of
Python instead of the analysis (``child_runner.CHILD_COMMAND``); everything around it is real.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from fractions import Fraction
from pathlib import Path

import av
import numpy as np
import pytest
from django.test import Client
from django.urls import reverse

from crawlcoach.web.children.models import Child
from crawlcoach.web.videos import analysis, child_runner, storage
from crawlcoach.web.videos.analysis_child import EXIT_ORPHANED
from crawlcoach.web.videos.first_part import copy_first_seconds
from crawlcoach.web.videos.models import Status, Video

pytestmark = pytest.mark.django_db

CLIP = "ucf101-dev/v_BabyCrawling_g07_c01.avi"  # about 8 s of forward crawling

# A stand-in child: reports a little progress, then keeps (re)creating the video's folder, as the
# overlay writer does, and never finishes. It writes its pid where the test can find it.
STUCK_CHILD = """
import json, os, sys, time
request = json.loads(sys.stdin.readline())
folder = os.path.dirname(request["annotated"])
os.makedirs(folder, exist_ok=True)
with open(os.path.join(folder, "child.pid"), "w") as handle:
    handle.write(str(os.getpid()))
print(json.dumps({"progress": 0.1}), flush=True)
while True:
    os.makedirs(folder, exist_ok=True)
    time.sleep(0.05)
"""


@pytest.fixture
def queued(child: Child, make_stored_video, make_video) -> Video:
    """A queued video whose file is a real (person-less) video."""
    video = make_stored_video(child, status=Status.QUEUED)
    storage.absolute(video.original_file).write_bytes(make_video(seconds=2).read_bytes())
    return video


@pytest.fixture
def stuck_child(monkeypatch: pytest.MonkeyPatch, settings) -> None:
    monkeypatch.setattr(child_runner, "CHILD_COMMAND", (sys.executable, "-c", STUCK_CHILD))
    settings.ANALYSIS_MIN_SECONDS, settings.ANALYSIS_TIME_FACTOR = 30, 0  # a bound, if all fails


def _pid_of_child(video: Video, timeout_s: float = 20.0) -> int:
    pid_file = storage.video_dir(video) / "child.pid"
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if pid_file.exists() and pid_file.read_text():
            return int(pid_file.read_text())
        time.sleep(0.05)
    raise TimeoutError("the child process did not start")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


@pytest.fixture
def in_background() -> Iterator[list[threading.Thread]]:
    threads: list[threading.Thread] = []
    yield threads
    for thread in threads:
        thread.join(timeout=30)


def _meanwhile(threads: list[threading.Thread], action) -> None:  # type: ignore[no-untyped-def]
    """Run ``action`` in a thread with its own database connection, as another request would."""
    from django.db import connection

    def run() -> None:
        try:
            action()
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    threads.append(thread)


def test_the_analysis_runs_in_a_child_not_in_this_process(
    queued: Video, monkeypatch: pytest.MonkeyPatch, parent_client: Client
) -> None:
    import crawlcoach.pipeline

    def not_here(*args: object, **kwargs: object) -> dict:
        raise AssertionError("the analysis ran inside the web process")

    monkeypatch.setattr(crawlcoach.pipeline, "analyze_video", not_here)
    analysis.run_analysis(queued.pk)
    queued.refresh_from_db()
    assert queued.status == Status.FAILED and queued.error_kind == "no_baby_found"
    assert queued.attempt == 1
    page = parent_client.get(reverse("video", args=[queued.pk])).content.decode()
    assert "could not find a baby" in page and "Try again" not in page  # it would fail again


def test_a_video_over_the_memory_cap_fails_plainly(
    queued: Video, settings, parent_client: Client
) -> None:
    settings.ANALYSIS_MEMORY_BYTES = 250 * 1024 * 1024  # far below what the pose model needs
    analysis.run_analysis(queued.pk)
    queued.refresh_from_db()
    assert queued.status == Status.FAILED and queued.error_kind == "memory_limit"
    assert "needed more memory than this server allows" in queued.error_message
    assert not queued.can_retry  # the same video would hit the same cap


def test_a_crashing_child_leaves_a_clear_failure_that_can_be_retried(
    queued: Video, monkeypatch: pytest.MonkeyPatch
) -> None:
    crash = (sys.executable, "-c", "import os, sys; sys.stdin.readline(); os.abort()")
    monkeypatch.setattr(child_runner, "CHILD_COMMAND", crash)
    analysis.run_analysis(queued.pk)
    queued.refresh_from_db()
    assert queued.status == Status.FAILED and queued.error_kind == "crashed"
    assert "stopped unexpectedly" in queued.error_message and queued.can_retry


def test_an_analysis_over_its_time_limit_is_stopped(
    queued: Video, settings, stuck_child: None
) -> None:
    settings.ANALYSIS_MIN_SECONDS, settings.ANALYSIS_TIME_FACTOR = 1, 0
    analysis.run_analysis(queued.pk)
    queued.refresh_from_db()
    assert queued.status == Status.FAILED and queued.error_kind == "time_limit"
    assert "took too long" in queued.error_message and queued.can_retry
    assert not _alive(_pid_of_child(queued))


def test_the_time_limit_scales_with_the_video(settings) -> None:
    settings.ANALYSIS_MIN_SECONDS, settings.ANALYSIS_TIME_FACTOR = 120, 3
    settings.MAX_ANALYSED_MINUTES = 20
    assert analysis.limits_for(10).seconds == 120
    assert analysis.limits_for(600).seconds == 1800
    assert analysis.limits_for(3 * 3600).seconds == 3 * 20 * 60  # only 20 minutes are analysed
    assert analysis.limits_for(None).seconds == 3 * 20 * 60


# Another request changes the row while the worker watches: both need to see committed data.
@pytest.mark.django_db(transaction=True)
def test_cancelling_kills_the_child_and_frees_the_worker(
    queued: Video, stuck_child: None, parent_client: Client, in_background
) -> None:
    def cancel() -> None:
        _pid_of_child(queued)
        parent_client.post(reverse("video_cancel", args=[queued.pk]))

    _meanwhile(in_background, cancel)
    started = time.monotonic()
    analysis.run_analysis(queued.pk)  # returns once the child is gone: the worker is free
    assert time.monotonic() - started < 25  # not the 30 s bound: the cancel ended it
    queued.refresh_from_db()
    assert queued.status == Status.CANCELLED and queued.can_retry
    assert not _alive(_pid_of_child(queued))


@pytest.mark.django_db(transaction=True)
def test_deleting_the_child_mid_analysis_leaves_no_folder(
    queued: Video, child: Child, stuck_child: None, in_background
) -> None:
    def delete_child() -> None:
        _pid_of_child(queued)
        storage.delete_child_files(child)  # as the delete view does: files, then the rows
        Child.objects.filter(pk=child.pk).delete()

    _meanwhile(in_background, delete_child)
    analysis.run_analysis(queued.pk)
    assert not Video.objects.filter(pk=queued.pk).exists()
    family_folder = storage.media_root() / f"family-{child.family_id}"
    assert not family_folder.exists(), list(family_folder.rglob("*"))


def test_the_child_ends_when_its_parent_goes(make_video, tmp_path: Path) -> None:
    request = {"source": str(make_video(seconds=2)), "annotated": str(tmp_path / "a.mp4")}
    child = subprocess.Popen(
        [*child_runner.CHILD_COMMAND],
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    assert child.stdin is not None
    child.stdin.write(json.dumps(request).encode() + b"\n")
    child.stdin.flush()
    child.stdin.close()  # what the kernel does when the parent is killed
    assert child.wait(timeout=30) == EXIT_ORPHANED


@pytest.mark.clips
def test_a_long_video_is_analysed_in_its_first_part(
    clips_dir: Path, child: Child, make_stored_video, settings, parent_client: Client
) -> None:
    settings.MAX_ANALYSED_MINUTES = 0.05  # 3 s of this 8 s clip stand for 20 of 34 minutes
    video = make_stored_video(child, status=Status.QUEUED)
    stored = storage.absolute(video.original_file)
    stored.write_bytes((clips_dir / CLIP).read_bytes())
    Video.objects.filter(pk=video.pk).update(duration_s=8.0)
    analysis.run_analysis(video.pk)
    video.refresh_from_db()
    assert video.status == Status.DONE, video.error_message
    assert video.result["video"]["duration_s"] < 4.5
    assert video.result["video"]["full_duration_s"] > 7.5
    assert video.result["video"]["path"] == video.original_name
    assert video.result["quality"]["notes"][0]["code"] == "first_part_only"
    assert video.result["quality"]["notes"][0]["details"]["full_duration_s"] > 7.5
    assert video.result["quality"]["problems"][0].startswith("This video is 8 seconds long")
    assert video.duration_s > 7.5  # the video keeps its own length
    # MPEG-4 Part 2 plays in no browser: a plain copy is made in the same pass.
    assert sorted(p.name for p in stored.parent.iterdir()) == [
        "annotated.mp4",
        stored.name,
        "playable.mp4",
        "track.npz",
    ]
    page = parent_client.get(reverse("video", args=[video.pk])).content.decode()
    assert "data-first-part" in page and "we analysed its first" in page


def test_the_first_part_keeps_the_phone_rotation(tmp_path: Path) -> None:
    from crawlcoach.video import probe

    source = tmp_path / "portrait.mp4"
    with av.open(str(source), "w") as container:
        stream = container.add_stream("libx264", rate=25, options={"g": "25"})
        stream.width, stream.height, stream.pix_fmt = 64, 48, "yuv420p"
        stream.set_display_rotation(90)
        for i in range(250):
            image = np.full((48, 64, 3), i % 256, np.uint8)
            frame = av.VideoFrame.from_ndarray(image, format="rgb24")
            frame.pts, frame.time_base = i, Fraction(1, 25)
            container.mux(stream.encode(frame))
        container.mux(stream.encode(None))
    part = probe(copy_first_seconds(source, tmp_path / "first.mp4", 4.0))
    whole = probe(source)
    assert whole.duration_s == pytest.approx(10.0, abs=0.1)
    assert part.duration_s == pytest.approx(4.0, abs=0.5)
    assert (part.width, part.height) == (whole.width, whole.height) == (48, 64)  # upright
