"""Sparse pose sampling: the model skips frames only while nothing changes around the baby, never
more than ``still_gap_s`` in a row, and the skipped frames' keypoints are interpolated."""

from __future__ import annotations

import numpy as np

from crawlcoach.parameters import SamplingParams
from crawlcoach.pose import PoseEstimate, PoseTrack
from crawlcoach.pose.keypoints import COUNT
from crawlcoach.pose.sparse import StillnessGate, interpolated
from crawlcoach.video import Frame

W, H, FPS = 320, 240, 15.0


def baby_at(x: float) -> PoseEstimate:
    """A pose spread over a 60x40 box with its left edge at ``x``."""
    rng = np.random.default_rng(0)
    pts = np.column_stack([x + rng.uniform(0, 60, COUNT), 100 + rng.uniform(0, 40, COUNT)])
    return PoseEstimate(pts, np.full(COUNT, 0.9), np.zeros(COUNT), 0.9)


def frames(images: list[np.ndarray]) -> list[Frame]:
    return [Frame(i, i, i / FPS, image, 1.0) for i, image in enumerate(images)]


def run(images: list[np.ndarray], pose=lambda frame: baby_at(100.0), gap_s: float = 0.2):
    """(indices the model saw, indices skipped with the pose they were handed)."""
    gate = StillnessGate(SamplingParams(still_gap_s=gap_s), FPS)
    skipped: list[tuple[int, PoseEstimate | None]] = []
    on_frame = gate.watching()
    looked = []
    for frame in gate.frames(frames(images), lambda f, e: skipped.append((f.index, e))):
        looked.append(frame.index)
        on_frame(frame, pose(frame))
    return looked, skipped, gate


def still_room(n: int) -> list[np.ndarray]:
    room = np.random.default_rng(1).integers(0, 255, (H, W, 3), dtype=np.uint8)
    return [room.copy() for _ in range(n)]


def test_a_still_picture_is_looked_at_every_gap() -> None:
    looked, skipped, gate = run(still_room(12))
    assert looked == [0, 4, 8]  # 0.2 s at 15 fps: three frames skipped, then one looked at
    assert [i for i, _ in skipped] == [1, 2, 3, 5, 6, 7, 9, 10, 11]
    assert all(e is not None for _, e in skipped)  # they carry the pose last seen
    assert gate.looked == 3 and len(gate.skipped_s) == 9


def test_movement_around_the_baby_means_every_frame() -> None:
    images = still_room(8)
    for i, image in enumerate(images):
        image[100:140, 100 + 5 * i : 130 + 5 * i] = 255  # an arm sweeping across
    looked, skipped, _ = run(images)
    assert looked == list(range(8)) and skipped == []


def test_movement_elsewhere_in_the_room_is_not_looked_for() -> None:
    images = still_room(8)
    for i, image in enumerate(images):
        image[0:40, 250 + 5 * i : 270 + 5 * i] = 255  # a sibling far from the baby's box
    looked, _, _ = run(images)
    assert looked == [0, 4]


def test_a_lost_baby_means_every_frame() -> None:
    looked, skipped, _ = run(still_room(6), pose=lambda frame: None)
    assert looked == list(range(6)) and skipped == []


def test_off_by_default() -> None:
    assert not StillnessGate(SamplingParams(), FPS).active
    looked, _, _ = run(still_room(5), gap_s=0.0)
    assert looked == list(range(5))


def test_skipped_rows_are_interpolated_between_their_neighbours() -> None:
    xy = np.zeros((3, COUNT, 2), dtype=np.float32)
    xy[1], xy[2] = 30.0, np.nan
    conf = np.array([[0.9] * COUNT, [0.6] * COUNT, [0.0] * COUNT], dtype=np.float32)
    track = PoseTrack(
        timestamps_s=np.array([0.0, 0.3, 0.6]),
        keypoints_px=xy,
        confidence=conf,
        depth=np.zeros((3, COUNT), dtype=np.float32),
        frame_size=(W, H),
        source="test",
    )
    filled = interpolated(track, np.array([0.1, 0.2, 0.4]), {"sampling": {}})
    assert np.allclose(filled.timestamps_s, [0.0, 0.1, 0.2, 0.3, 0.4, 0.6])
    assert np.allclose(filled.keypoints_px[1:3, 0, 0], [10.0, 20.0])
    assert np.allclose(filled.confidence[1:3, 0], 0.6)  # the less sure of the two
    assert np.isnan(filled.keypoints_px[4]).all() and (filled.confidence[4] == 0).all()
    assert filled.meta == {"sampling": {}}
