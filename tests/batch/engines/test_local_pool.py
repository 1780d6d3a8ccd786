"""The local engine when a worker process dies under a video (out of memory, a crash in a
native library): the pool is rebuilt and the video tried again; the batch goes on."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from crawlcoach.batch.engines.local_pool import LocalPool

CRAWLCOACH = Path(sys.executable).parent / "crawlcoach"


def test_one_worker_per_core_by_default() -> None:
    assert LocalPool().workers == len(os.sched_getaffinity(0))
    assert LocalPool(workers=3).workers == 3


@pytest.mark.clips
@pytest.mark.slow
def test_a_worker_killed_mid_video_is_replaced_and_the_video_retried(
    short_clips: list[Path], tmp_path: Path
) -> None:
    videos = tmp_path / "videos"
    videos.mkdir()
    for clip in short_clips:
        shutil.copy(clip, videos / clip.name)
    out = tmp_path / "out"
    batch = subprocess.Popen(
        [str(CRAWLCOACH), "batch", str(videos), "--out", str(out), "--workers", "1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        results = out / "results"
        deadline = time.monotonic() + 240
        while not (results.is_dir() and any(results.glob("*.json"))):
            assert batch.poll() is None and time.monotonic() < deadline
            time.sleep(0.05)
        # The one worker has moved on to the next video: kill it, as the OOM killer would.
        record = json.loads(next(results.glob("*.json")).read_text())
        os.kill(int(record["worker"].rsplit(":", 1)[1]), signal.SIGKILL)
        stdout, stderr = batch.communicate(timeout=240)
    finally:
        if batch.poll() is None:
            os.killpg(batch.pid, signal.SIGKILL)
            batch.wait(30)
    assert batch.returncode == 0, stdout + stderr
    summary = json.loads((out / "summary.json").read_text())
    assert (summary["done"], summary["failed"]) == (3, 0)
    workers = {json.loads(p.read_text())["worker"] for p in results.glob("*.json")}
    assert len(workers) == 2  # the first worker, then its replacement
