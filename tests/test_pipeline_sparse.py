"""Sparse pose sampling through the real pipeline: fewer model calls on a still baby, yet a row
of the track and a camera reading for every frame of the pass."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from crawlcoach.parameters import AnalysisParams, SamplingParams
from crawlcoach.pipeline import track_video
from crawlcoach.pose import open_backend

STILL = "non-crawling/dzikrimr_babyincrib1.mp4"  # a swaddled baby in a bassinet, arms moving


@pytest.mark.clips
def test_a_still_baby_costs_fewer_model_calls(clips_dir: Path) -> None:
    sparse = AnalysisParams(sampling=SamplingParams(still_gap_s=0.2))
    with open_backend() as backend:
        dense_run = track_video(clips_dir / STILL, backend)
        sparse_run = track_video(clips_dir / STILL, backend, params=sparse)
    dense, track = dense_run.track, sparse_run.track
    sampling = track.meta["sampling"]
    assert sampling["skipped"] > len(track) / 3
    assert sampling["looked"] + sampling["skipped"] == len(track)
    assert np.array_equal(track.timestamps_s, dense.timestamps_s)
    assert np.array_equal(sparse_run.camera_motion.timestamps_s, dense.timestamps_s)
    assert track.coverage >= dense.coverage - 0.05
    # Where the model skipped, the baby hardly moved: the interpolated keypoints stay near the
    # ones the model finds when it looks at every frame.
    both = track.detected & dense.detected
    size = np.nanmax(dense.keypoints_px[:, :, 1]) - np.nanmin(dense.keypoints_px[:, :, 1])
    gap = np.nanmedian(np.abs(track.keypoints_px[both] - dense.keypoints_px[both]))
    assert gap < 0.05 * size
