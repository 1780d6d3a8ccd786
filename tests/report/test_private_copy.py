"""Copies to share: faces blurred (detector and pose head united), or the skeleton alone."""

from __future__ import annotations

from pathlib import Path

import av
import cv2
import numpy as np
import pytest

from crawlcoach.pose.faces import FaceDetector
from crawlcoach.pose.keypoints import COUNT, HEAD, INDEX
from crawlcoach.pose.track import PoseTrack
from crawlcoach.report.private_copy import (
    BACKGROUND,
    believable,
    blur_regions,
    head_region,
    write_face_blurred,
    write_skeleton_only,
)
from crawlcoach.video.writer import VideoWriter

SIZE = (320, 240)


def _body(head: bool = True) -> tuple[np.ndarray, np.ndarray]:
    """One row: a baby lying across the picture, head on the left around (80, 120)."""
    points = np.full((COUNT, 2), np.nan)
    confidence = np.zeros(COUNT)
    for name, xy in {
        "left_shoulder": (110, 100), "right_shoulder": (110, 140),
        "left_hip": (190, 105), "right_hip": (190, 135),
        "left_knee": (230, 100), "right_knee": (230, 140),
    }.items():  # fmt: skip
        points[INDEX[name]] = xy
        confidence[INDEX[name]] = 0.9
    if head:
        for k, i in enumerate(HEAD):
            points[i] = (75 + (k % 3) * 5, 112 + (k // 3) * 5)
            confidence[i] = 0.8
    return points, confidence


def _track(rows: int = 30, fps: float = 15.0, head: bool = True) -> PoseTrack:
    points, confidence = _body(head)
    return PoseTrack(
        timestamps_s=np.arange(rows) / fps,
        keypoints_px=np.repeat(points[None], rows, axis=0),
        confidence=np.repeat(confidence[None], rows, axis=0),
        frame_size=SIZE,
        source="test",
    )


def _frames(path: Path, shared: bool = True) -> list[np.ndarray]:
    with av.open(str(path)) as container:
        assert not (shared and container.streams.audio), "a shared copy carries no sound"
        return [f.to_ndarray(format="rgb24") for f in container.decode(video=0)]


def test_the_head_is_found_from_its_points() -> None:
    points, confidence = _body()
    region = head_region(points, confidence, max(SIZE))
    assert region is not None
    assert 70 < region.cx < 90 and 110 < region.cy < 130
    assert region.rx >= 20  # the whole head, not the eyes alone


def test_a_head_turned_away_is_placed_beyond_the_shoulders() -> None:
    points, confidence = _body(head=False)
    region = head_region(points, confidence, max(SIZE))
    assert region is not None
    assert region.cx < 110, "the head lies beyond the shoulders, away from the hips"
    assert 110 <= region.cy <= 130


def test_nothing_placed_means_no_head() -> None:
    points, confidence = np.full((COUNT, 2), np.nan), np.zeros(COUNT)
    assert head_region(points, confidence, 320) is None


def test_a_blurred_region_loses_its_detail_and_the_rest_is_untouched() -> None:
    rng = np.random.default_rng(1)
    image = rng.integers(0, 256, (240, 320, 3), dtype=np.uint8)
    points, confidence = _body()
    region = head_region(points, confidence, 320)
    assert region is not None
    out = blur_regions(image, [region])
    y, x = round(region.cy), round(region.cx)
    inside = out[y - 5 : y + 5, x - 5 : x + 5].astype(float)
    assert inside.std() < 0.2 * image[y - 5 : y + 5, x - 5 : x + 5].std()
    assert np.array_equal(out[:, 200:], image[:, 200:])


def test_the_skeleton_copy_holds_no_pixel_of_the_video(tmp_path: Path) -> None:
    out = write_skeleton_only(_track(), tmp_path / "skeleton.mp4")
    frames = _frames(out.path)
    assert len(frames) == 30
    frame = frames[10].astype(int)
    assert frame.shape[:2] == (SIZE[1], SIZE[0])
    # The corner is the plain background (give or take the encoder), the body has lines.
    assert np.abs(frame[5:30, 5:30] - np.array(BACKGROUND)).max() <= 6
    assert np.abs(frame[90:150, 100:240] - np.array(BACKGROUND)).max() > 100


def _checkered_video(path: Path) -> Path:
    """Two seconds of a sharp 8-pixel checkerboard: any blur shows."""
    y, x = np.mgrid[0 : SIZE[1], 0 : SIZE[0]]
    board = (((x // 8) + (y // 8)) % 2 * 200 + 30).astype(np.uint8)
    image = np.repeat(board[:, :, None], 3, axis=2)
    with VideoWriter(path, fps=15, width=SIZE[0], height=SIZE[1], crf=12) as writer:
        for _ in range(30):
            writer.write(image)
    return path


def test_the_blurred_copy_hides_the_head_the_track_places(tmp_path: Path) -> None:
    source = _checkered_video(tmp_path / "board.mp4")
    with FaceDetector() as detector:
        made = write_face_blurred(
            source, tmp_path / "blurred.mp4", track=_track(), detector=detector
        )
    assert made.frames == 30 and made.frames_with_blur == 30
    original, blurred = _frames(source, shared=False), _frames(made.path)
    assert len(blurred) == len(original)
    head = (slice(110, 130), slice(70, 90))
    assert blurred[15][head].std() < 0.3 * original[15][head].std(), "the head is blurred"
    far = (slice(0, 60), slice(200, 320))
    assert np.abs(blurred[15][far].astype(int) - original[15][far].astype(int)).mean() < 4


def test_on_a_real_clip_every_face_seen_loses_its_detail(clips_dir: Path, tmp_path: Path) -> None:
    """The detector fires on any face-shaped blob, blurred or not, so the test measures what
    blurring takes away: the fine detail (Laplacian variance) inside each face it saw."""
    source = clips_dir / "ucf101-dev" / "v_BabyCrawling_g01_c01.avi"
    with FaceDetector() as detector:
        # Without a track: the detector alone has to hide the faces it sees.
        made = write_face_blurred(source, tmp_path / "blurred.mp4", track=None, detector=detector)
        pairs = list(zip(_frames(source, shared=False), _frames(made.path), strict=True))[::5]
        checked = 0
        for original, blurred in pairs:
            side = min(original.shape[:2])
            for face in (f for f in detector.detect(original) if believable(f, side)):
                # The face itself: the box's middle (the blur is an ellipse within or around it).
                x0, y0 = (
                    max(0, int(face.x + 0.15 * face.width)),
                    max(0, int(face.y + 0.15 * face.height)),
                )
                box = (slice(y0, int(face.y + 0.85 * face.height)),
                       slice(x0, int(face.x + 0.85 * face.width)))  # fmt: skip
                assert _detail(blurred[box]) < 0.2 * _detail(original[box])
                checked += 1
    assert checked > 5, "the detector sees the baby's face in the original"


def test_a_huge_unsure_face_find_is_not_believed() -> None:
    """A box over half the picture at a middling score is a blanket or a body, not a face:
    blurring it would hide the movement the copy is for. A sure one is blurred."""
    from crawlcoach.pose.faces import FaceBox

    assert not believable(FaceBox(10, 10, 200, 200, score=0.56), 240)
    assert believable(FaceBox(10, 10, 200, 200, score=0.9), 240)
    assert believable(FaceBox(10, 10, 50, 50, score=0.52), 240)


def _detail(image: np.ndarray) -> float:
    grey = cv2.cvtColor(np.ascontiguousarray(image), cv2.COLOR_RGB2GRAY)
    return float(cv2.Laplacian(grey, cv2.CV_64F).var())


def test_an_empty_track_has_no_skeleton_to_draw(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="empty"):
        write_skeleton_only(_track(rows=0), tmp_path / "x.mp4")
