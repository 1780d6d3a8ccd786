"""The tracker on real footage (../shared/clips beside the repository; skipped when absent)."""

from __future__ import annotations

import csv
import statistics
from pathlib import Path

import pytest

from crawlcoach.pose import PoseTrack, open_backend, track_infant
from crawlcoach.video import iter_frames

CLIPS = Path(__file__).resolve().parents[2].parent / "shared" / "clips"
pytestmark = pytest.mark.clips


def _clips(folder: str) -> list[Path]:
    labels = CLIPS / folder / "labels.csv"
    if not labels.exists():
        pytest.skip(f"real footage not found at {CLIPS} (shared/clips beside the repository)")
    with open(labels, newline="") as fh:
        return [CLIPS / folder / row["file"] for row in csv.DictReader(fh)]


def _track(path: Path, backend) -> PoseTrack:  # type: ignore[no-untyped-def]
    with iter_frames(path, fps=15.0) as stream:
        return track_infant(
            stream, backend, frame_size=(stream.info.width, stream.info.height), source=str(path)
        )


@pytest.fixture(scope="module")
def backend():  # type: ignore[no-untyped-def]
    with open_backend() as b:
        yield b


def test_pose_found_in_most_frames_of_the_dev_clips(backend) -> None:  # type: ignore[no-untyped-def]
    # All 50 clips (~1 min on 2 cores): every subset we tried misrepresented the mean, and the
    # issue's bar is the mean over the development clips.
    coverages = {p.name: _track(p, backend).coverage for p in _clips("ucf101-dev")}
    mean = statistics.mean(coverages.values())
    worst = sorted(coverages.items(), key=lambda kv: kv[1])[:5]
    assert mean >= 0.85, f"mean pose coverage {mean:.3f} < 0.85; worst: {worst}"


def test_negatives_load_and_track(backend, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    for path in _clips("negatives"):
        track = _track(path, backend)
        assert len(track) > 10
        assert track.keypoints_px.shape[1:] == (33, 2)
        track.save(tmp_path / f"{path.stem}.npz")
        assert len(PoseTrack.load(tmp_path / f"{path.stem}.npz")) == len(track)
