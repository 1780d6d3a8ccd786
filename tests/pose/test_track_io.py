"""PoseTrack save/load and the pieces of PoseEstimate the tracker relies on."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from crawlcoach.pose import PoseEstimate, PoseTrack
from crawlcoach.pose.keypoints import COUNT
from crawlcoach.pose.selection import infant_likeness, mask_out


def test_posetrack_roundtrip(tmp_path: Path) -> None:
    rng = np.random.default_rng(0)
    kp = rng.uniform(0, 300, (5, COUNT, 2)).astype(np.float32)
    kp[2] = np.nan
    conf = rng.uniform(0, 1, (5, COUNT)).astype(np.float32)
    conf[2] = 0
    track = PoseTrack(
        timestamps_s=np.arange(5) / 15,
        keypoints_px=kp,
        confidence=conf,
        depth=rng.normal(size=(5, COUNT)).astype(np.float32),
        frame_size=(320, 240),
        source="clip.avi",
        meta={"backend": "x", "selection": {"uncertain": True, "reasons": ["r"]}},
    )
    track.save(tmp_path / "t.npz")
    back = PoseTrack.load(tmp_path / "t.npz")
    np.testing.assert_array_equal(back.keypoints_px, kp)
    np.testing.assert_array_equal(back.confidence, conf)
    np.testing.assert_array_equal(back.depth, track.depth)
    assert back.frame_size == (320, 240) and back.source == "clip.avi"
    assert back.meta == track.meta
    assert back.detected.tolist() == [True, True, False, True, True]


def test_estimate_shift_and_bbox() -> None:
    pts = np.zeros((COUNT, 2))
    pts[:, 0] = np.arange(COUNT)
    pts[:, 1] = 10
    conf = np.ones(COUNT)
    conf[-1] = 0.0  # an unseen point far out does not widen the box
    pts[-1] = (500, 500)
    est = PoseEstimate(pts, conf, np.zeros(COUNT), 0.9).shifted(100, 50)
    assert est.bbox() == (100.0, 60.0, 131.0, 60.0)
    assert est.bbox(0.0) == (100.0, 60.0, 600.0, 550.0)
    with pytest.raises(ValueError):
        PoseEstimate(np.zeros((3, 2)), np.zeros(3), np.zeros(3), 0.0)


def test_mask_out_fills_only_the_box() -> None:
    img = np.zeros((100, 100, 3), dtype=np.uint8)
    img[:, 50:] = 200
    out = mask_out(img, (60, 10, 80, 30), pad=0.0)
    assert (out[10:30, 60:80] == 100).all()
    assert (out[50:, 50:] == 200).all() and (img[10:30, 60:80] == 200).all()


def test_likeness_uses_depth_for_a_crawler_seen_from_behind() -> None:
    # Shoulders above hips in the image but far behind them in depth: a crawler from the rear.
    from crawlcoach.pose.keypoints import INDEX

    pts = np.full((COUNT, 2), 100.0)
    depth = np.zeros(COUNT)
    for side, dx in (("left", -10), ("right", 10)):
        pts[INDEX[f"{side}_shoulder"]] = (100 + dx, 90)
        pts[INDEX[f"{side}_hip"]] = (100 + dx, 100)
        pts[INDEX[f"{side}_knee"]] = (100 + dx, 105)
        pts[INDEX[f"{side}_ankle"]] = (100 + dx, 110)
        pts[INDEX[f"{side}_ear"]] = (100 + dx * 0.7, 80)
        depth[INDEX[f"{side}_shoulder"]] = 40
    est = PoseEstimate(pts, np.ones(COUNT), depth, 0.9)
    flat_depth = PoseEstimate(pts, np.ones(COUNT), np.zeros(COUNT), 0.9)
    assert infant_likeness(est, 240)[0] > infant_likeness(flat_depth, 240)[0]


def _track_at(times: list[float]) -> PoseTrack:
    t = len(times)
    return PoseTrack(
        timestamps_s=np.array(times, dtype=float),
        keypoints_px=np.zeros((t, COUNT, 2)),
        confidence=np.ones((t, COUNT)),
        frame_size=(320, 240),
        source="test",
    )


def test_nearest_row_takes_the_closest_row_within_the_tolerance() -> None:
    track = _track_at([0.0, 0.1, 0.2, 0.3])
    assert track.nearest_row(0.14, 0.05) == 1
    assert track.nearest_row(0.16, 0.05) == 2
    assert track.nearest_row(-0.01, 0.05) == 0
    assert track.nearest_row(0.5, 0.05) is None  # past the end, too far
    assert track.nearest_row(0.5, 0.25) == 3
    assert _track_at([]).nearest_row(0.0, 1.0) is None


def test_frame_rate_is_the_rows_per_second() -> None:
    assert _track_at([0.0, 0.1, 0.2, 0.3]).frame_rate == pytest.approx(10.0)
    assert _track_at([0.0]).frame_rate == 15.0  # too short to tell
