"""The Ray engine on a real local Ray instance (started by the engine, one CPU): the same
results as the local pool, and one pose model per worker process."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from crawlcoach import contract
from crawlcoach.batch import BatchSettings, run_batch

pytest.importorskip("ray", reason="Ray is installed with crawlcoach[ray] (and the dev extra)")

pytestmark = [pytest.mark.ray, pytest.mark.slow]


def test_ray_analyses_every_video_on_one_worker_that_keeps_its_model(
    tmp_path: Path, engine_videos: tuple[list[Path], bool]
) -> None:
    clips, real = engine_videos
    folder = tmp_path / "in"
    folder.mkdir()
    for clip in clips:
        shutil.copy(clip, folder / clip.name)
    (folder / "notes.txt").write_text("not a video")
    out = tmp_path / "out"

    summary = run_batch([folder], out, BatchSettings(engine="ray", workers=1))

    assert summary.engine == "ray" and summary.workers == 1
    assert summary.videos == 2 and summary.not_a_video == 1
    records = [json.loads(p.read_text()) for p in (out / "results").glob("*.json")]
    assert len(records) == 2
    assert all(contract.check(r["analysis"]) == [] for r in records)
    if real:
        assert summary.done == 2 and all(r["analysis"]["error"] is None for r in records)
    else:  # generated colour bands: nobody in them, but a result each all the same
        assert {r["analysis"]["error"]["kind"] for r in records} == {"no_baby_found"}
    # Both videos ran in one Ray worker process, which opened the pose model once.
    assert len({r["worker"] for r in records}) == 1
    assert len((out / "analyses.jsonl").read_text().splitlines()) == 2
