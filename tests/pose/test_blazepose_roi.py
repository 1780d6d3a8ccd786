"""BlazePose on regions chosen outside MediaPipe's tracking loop (``blazepose-roi``)."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest

from crawlcoach.pose import PoseBackend, open_backend
from crawlcoach.pose.blazepose_roi import (
    DOUBT_TURN,
    BlazePoseRoiBackend,
    Region,
    _blend,
    _turn,
    region_from_points,
)
from crawlcoach.video import iter_frames


@pytest.mark.parametrize(
    ("head", "rotation"),
    [((0, -10), 0.0), ((10, 0), math.pi / 2), ((0, 10), -math.pi), ((-10, 0), -math.pi / 2)],
)
def test_region_turns_the_body_upright(head: tuple[int, int], rotation: float) -> None:
    # Image y grows downwards: a head above the hips needs no turn, a head to the right a
    # quarter turn clockwise (MediaPipe's sign), a head below half a turn.
    region = region_from_points((100.0, 50.0), (100.0 + head[0], 50.0 + head[1]))
    assert region.rotation == pytest.approx(rotation)
    assert (region.cx, region.cy) == (100.0, 50.0)
    assert region.side == pytest.approx(2 * 10 * 1.25)


def test_blending_halves_a_difference_each_time_and_turns_the_short_way() -> None:
    fresh = Region(100.0, 100.0, 80.0, math.radians(170))
    carried = Region(140.0, 60.0, 20.0, math.radians(-170))  # 20 degrees away, across +-180
    blended = _blend(fresh, carried, 0.5)
    assert (blended.cx, blended.cy) == (120.0, 80.0)
    assert blended.side == pytest.approx(40.0)  # geometric: sizes are ratios
    assert abs(blended.rotation) == pytest.approx(math.pi)
    again = _blend(fresh, blended, 0.5)
    assert again.cx - fresh.cx == pytest.approx((blended.cx - fresh.cx) / 2)
    assert _blend(fresh, carried, 0.0) == carried
    assert _turn(fresh, carried) == pytest.approx(math.radians(20))
    assert _turn(fresh, Region(0, 0, 1, math.radians(-30))) > DOUBT_TURN  # 200 -> 160 degrees


def test_roi_backend_finds_nobody_in_empty_images_and_closes() -> None:
    with open_backend("blazepose-roi") as backend:
        assert isinstance(backend, PoseBackend)
        assert backend.name.startswith("mediapipe-blazepose-full-roi/")
        noise = np.random.default_rng(0).integers(0, 255, (240, 320, 3), dtype=np.uint8)
        assert backend.estimate(noise) is None
        assert backend.estimate_still(np.zeros((120, 90, 3), dtype=np.uint8)) is None
        backend.reset()
        with pytest.raises(ValueError):
            backend.estimate(np.zeros((10, 10), dtype=np.uint8))
    with pytest.raises(ValueError, match="redetect_every"):
        BlazePoseRoiBackend(redetect_every=0)
    with pytest.raises(ValueError, match="detector_weight"):
        BlazePoseRoiBackend(detector_weight=1.5)


def _frames(clips_dir: Path, name: str, count: int) -> list[np.ndarray]:
    with iter_frames(clips_dir / "ucf101-dev" / name, fps=15.0, max_side=640) as stream:
        return [f.image for _, f in zip(range(count), stream, strict=False)]


def test_one_odd_frame_does_not_change_the_rest_of_the_track(clips_dir: Path) -> None:
    # The point of the backend: with the detector asked every frame, a frame that reads
    # differently (here: blanked out) changes that frame only, where MediaPipe's loop carries
    # whatever it found on into the following frames.
    frames = _frames(clips_dir, "v_BabyCrawling_g01_c01.avi", 40)
    odd = [f.copy() for f in frames]
    odd[10][:] = 0
    with BlazePoseRoiBackend(redetect_every=1) as backend:
        first = [backend.estimate(f) for f in frames]
        backend.reset()
        second = [backend.estimate(f) for f in odd]
    assert second[10] is None
    later = [(a, b) for a, b in zip(first[12:], second[12:], strict=True) if a is not None]
    assert len(later) >= 20, "the baby should be found in most of these frames"
    same = sum(
        b is not None and np.allclose(a.keypoints_px, b.keypoints_px, atol=1e-3) for a, b in later
    )
    assert same == len(later)


def test_roi_backend_follows_the_baby_through_a_dev_clip(clips_dir: Path) -> None:
    frames = _frames(clips_dir, "v_BabyCrawling_g01_c01.avi", 30)
    with BlazePoseRoiBackend(redetect_every=5) as backend:
        found = [backend.estimate(f) for f in frames]
        still = backend.estimate_still(frames[0])
    assert sum(e is not None for e in found) >= 25
    assert still is not None and still.keypoints_px.shape == (33, 2)


def test_searches_and_resets_leave_the_carried_region_alone(clips_dir: Path) -> None:
    # Carried regions are smoothed over the sequence; the tracker's whole-frame searches
    # (estimate_still) between frames must not feed that smoothing, and reset() must clear it:
    # the same frames then give the same poses.
    frames = _frames(clips_dir, "v_BabyCrawling_g01_c01.avi", 30)
    with BlazePoseRoiBackend(redetect_every=1000, detector_weight=0.0) as backend:
        first = [backend.estimate(f) for f in frames]
        backend.reset()
        second = []
        for i, f in enumerate(frames):
            second.append(backend.estimate(f))
            if i in (5, 15):
                assert backend.estimate_still(frames[-1 - i]) is not None
    assert sum(e is not None for e in first) >= 25
    for a, b in zip(first, second, strict=True):
        assert (a is None) == (b is None)
        if a is not None and b is not None:
            np.testing.assert_allclose(a.keypoints_px, b.keypoints_px, atol=1e-3)
