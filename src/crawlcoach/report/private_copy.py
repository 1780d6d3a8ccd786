"""Copies of a video made to be shared with a therapist, with nothing that identifies the family:

- ``write_face_blurred``: the video with every face blurred: the faces MediaPipe's face detector
  finds (the baby's, and anyone else's), united with the baby's head from the pose track, which
  is there even when the baby is seen from the side or behind and no face can be detected.
- ``write_skeleton_only``: the pose track alone, drawn on a plain background: not one pixel of
  the video.

Both are H.264 MP4 without sound (voices and names said aloud stay at home). The analysis core's
skeleton drawing (``report.overlay``) draws the skeleton; nothing here knows about the web app.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import cv2
import numpy as np

from crawlcoach.pose.faces import FaceBox, FaceDetector
from crawlcoach.pose.keypoints import HEAD, INDEX
from crawlcoach.pose.track import PoseTrack
from crawlcoach.report.overlay import MAX_OUTPUT_SIDE, draw_skeleton
from crawlcoach.video import Frame, iter_frames
from crawlcoach.video.writer import VideoWriter

Progress = Callable[[float], None]  # fraction done, 0..1

MAX_OUTPUT_FPS: Final = 30.0
BACKGROUND: Final = (38, 42, 50)  # dark slate: the white, orange and blue lines stand out on it

# Head points count from this confidence: a head blurred by mistake costs nothing, one missed
# shows a face. BlazePose still places the head, with low confidence, when it is turned away.
HEAD_MIN_CONFIDENCE: Final = 0.05
# The track is sampled at the analysis rate; a source frame takes the nearest row this close.
NEAREST_ROW_S: Final = 0.2
# A head lost by the tracker for a moment stays blurred where it was last seen, this long.
HOLD_HEAD_S: Final = 1.0
# Face boxes from the detector cover the eyes to the chin; grown to take in the hair and ears.
FACE_GROWTH: Final = 1.3
# A "face" wider than this share of the picture's shorter side is, unless the detector is sure
# of it, a false find on a blanket or a body: on 8 dev clips the faces near the tracked head were
# 0.18-0.28 wide (scores 0.51-0.92), the finds away from it up to 0.69 wide (scores <= 0.67).
# Blurring those would hide the very movement the copy is for.
MAX_UNSURE_FACE_WIDTH: Final = 0.45
LOOSE_FACE_WIDTH: Final = 0.3
SURE_FACE_SCORE: Final = 0.75
# How coarse the blur is: the face is reduced to this many blocks across before smoothing, which
# leaves no detail to recover.
BLOCKS_ACROSS: Final = 6


@dataclass(frozen=True)
class Region:
    """An ellipse to blur, in image pixels."""

    cx: float
    cy: float
    rx: float
    ry: float


@dataclass(frozen=True)
class CopyMade:
    path: Path
    frames: int
    frames_with_blur: int = 0  # face-blurred copies: frames where at least one region was blurred
    faces_detected: int = 0  # detector hits over all frames (the baby's and others')


def head_region(points: np.ndarray, confidence: np.ndarray, image_side: int) -> Region | None:
    """Where the baby's head is in one track row (``points`` in the image's pixels), with room to
    spare; ``None`` when neither the head nor the shoulders are placed."""
    finite = np.isfinite(points).all(axis=1)
    head = [i for i in HEAD if finite[i] and confidence[i] >= HEAD_MIN_CONFIDENCE]
    shoulders = [INDEX["left_shoulder"], INDEX["right_shoulder"]]
    hips = [INDEX["left_hip"], INDEX["right_hip"]]
    placed = [i for i in shoulders if finite[i] and confidence[i] >= HEAD_MIN_CONFIDENCE]
    shoulder_width = (
        float(np.linalg.norm(points[shoulders[0]] - points[shoulders[1]]))
        if len(placed) == 2
        else 0.0
    )
    floor = 0.06 * image_side  # never a pinhole: a far-off baby's head is still hidden
    # A baby's head is large for its body: about as wide as the shoulders seen from the front,
    # a third of the trunk's length seen from the side (where the shoulders look narrow).
    placed_hips = [i for i in hips if finite[i] and confidence[i] >= HEAD_MIN_CONFIDENCE]
    trunk = (
        float(np.linalg.norm(points[shoulders].mean(axis=0) - points[hips].mean(axis=0)))
        if len(placed) == 2 and len(placed_hips) == 2
        else 0.0
    )
    if head:
        centre = points[head].mean(axis=0)
        spread = float(np.ptp(points[head], axis=0).max()) if len(head) > 1 else 0.0
        # The face's points sit low on a head seen from behind or above (the skull is beyond
        # them): the circle reaches past them by the neck's length.
        neck = (
            float(np.linalg.norm(centre - points[shoulders].mean(axis=0)))
            if len(placed) == 2
            else 0.0
        )
        # The points reach from ear to ear (about the head's width) when the face is seen.
        radius = max(0.9 * spread, 0.45 * shoulder_width, 0.35 * trunk, 1.3 * neck, floor)
        return Region(float(centre[0]), float(centre[1]), radius, radius)
    if len(placed) == 2:
        # No head point: it sits beyond the shoulders, away from the hips.
        neck = points[shoulders].mean(axis=0)
        if all(finite[i] for i in hips):
            away = neck - points[hips].mean(axis=0)
            length = float(np.linalg.norm(away))
            if length > 0:
                neck = neck + away / length * 0.6 * shoulder_width
        radius = max(0.9 * shoulder_width, floor)
        return Region(float(neck[0]), float(neck[1]), radius, radius)
    return None


def believable(face: FaceBox, image_side: int) -> bool:
    """A face find worth blurring: not a huge, unsure box (see ``MAX_UNSURE_FACE_WIDTH``)."""
    return face.score >= SURE_FACE_SCORE or face.width <= MAX_UNSURE_FACE_WIDTH * image_side


def face_region(face: FaceBox, image_side: int) -> Region:
    # A large box is already loose around the face: grown, it would cover the body too.
    growth = FACE_GROWTH if face.width <= LOOSE_FACE_WIDTH * image_side else 1.0
    rx = face.width * growth / 2
    ry = face.height * growth / 2
    # The detector's box sits low on the face; the forehead and hair are above it.
    return Region(face.x + face.width / 2, face.y + face.height / 2 - 0.1 * face.height, rx, ry)


def blur_regions(image_rgb: np.ndarray, regions: list[Region]) -> np.ndarray:
    """A copy of the image with each region replaced by a coarse, smoothed patch."""
    out = image_rgb.copy()
    height, width = out.shape[:2]
    for region in regions:
        x0, x1 = int(max(0, region.cx - region.rx)), int(min(width, region.cx + region.rx + 1))
        y0, y1 = int(max(0, region.cy - region.ry)), int(min(height, region.cy + region.ry + 1))
        if x1 - x0 < 2 or y1 - y0 < 2:
            continue
        patch = out[y0:y1, x0:x1]
        h, w = patch.shape[:2]
        blocks = max(1, round(BLOCKS_ACROSS * w / max(2 * region.rx, 1)))
        small = cv2.resize(
            patch, (blocks, max(1, round(blocks * h / w))), interpolation=cv2.INTER_AREA
        )
        coarse = cv2.resize(small, (w, h), interpolation=cv2.INTER_LINEAR)
        kernel = max(3, (min(w, h) // 4) | 1)
        coarse = cv2.GaussianBlur(coarse, (kernel, kernel), 0)
        # Inside the ellipse (not its box): the neck and shoulders around a head stay as they are.
        yy, xx = np.ogrid[y0:y1, x0:x1]
        inside = ((xx - region.cx) / max(region.rx, 1.0)) ** 2 + (
            (yy - region.cy) / max(region.ry, 1.0)
        ) ** 2 <= 1.0
        patch[inside] = coarse[inside]
    return out


def write_face_blurred(
    source: str | Path,
    out: str | Path,
    *,
    track: PoseTrack | None,
    detector: FaceDetector | None = None,
    progress: Progress | None = None,
) -> CopyMade:
    """Write ``source`` with every face blurred to ``out`` (MP4, no sound). ``track``: the baby's
    pose track (upright source pixels), whose head is blurred in every frame it places it."""
    out = Path(out)
    own_detector = detector is None
    detector = detector or FaceDetector()
    writer: VideoWriter | None = None
    frames = blurred = faces = 0
    last_head: tuple[float, Region] | None = None
    try:
        with iter_frames(source, fps=None, max_side=MAX_OUTPUT_SIDE) as stream:
            duration = max(stream.info.duration_s, 1e-6)
            rate = min(stream.info.fps or MAX_OUTPUT_FPS, MAX_OUTPUT_FPS)
            for frame in _sampled(stream, rate):
                image = frame.image
                if writer is None:
                    h, w = image.shape[:2]
                    writer = VideoWriter(out, fps=rate, width=w, height=h)
                shorter = min(image.shape[:2])
                faces_found = [f for f in detector.detect(image) if believable(f, shorter)]
                regions = [face_region(face, shorter) for face in faces_found]
                faces += len(regions)
                head = _head_at(track, frame.timestamp_s, frame.scale, max(image.shape[:2]))
                if head is not None:
                    last_head = (frame.timestamp_s, head)
                elif last_head is not None and frame.timestamp_s - last_head[0] <= HOLD_HEAD_S:
                    head = last_head[1]
                if head is not None:
                    regions.append(head)
                if regions:
                    image = blur_regions(image, regions)
                    blurred += 1
                writer.write(image, timestamp_s=frame.timestamp_s)
                frames += 1
                if progress is not None:
                    progress(min(frame.timestamp_s / duration, 0.99))
        if writer is None:
            raise ValueError(f"{source}: no frames to copy")
        writer.close()
    except BaseException:
        if writer is not None:
            writer.abort()
        raise
    finally:
        if own_detector:
            detector.close()
    return CopyMade(out, frames, blurred, faces)


def write_skeleton_only(
    track: PoseTrack, out: str | Path, *, progress: Progress | None = None
) -> CopyMade:
    """Write the track's skeleton on a plain background to ``out`` (MP4), one frame per track
    row at its own time; frames where the baby was not found stay empty."""
    out = Path(out)
    if len(track) == 0:
        raise ValueError("the pose track is empty: there is no skeleton to draw")
    width, height = track.frame_size
    scale = min(1.0, MAX_OUTPUT_SIDE / max(width, height))
    size = (max(2, round(width * scale)), max(2, round(height * scale)))
    blank = np.empty((size[1], size[0], 3), np.uint8)
    blank[:] = BACKGROUND
    rate = track.frame_rate
    with VideoWriter(out, fps=rate, width=size[0], height=size[1]) as writer:
        for i, t in enumerate(track.timestamps_s):
            image = draw_skeleton(blank, track.keypoints_px[i] * scale, track.confidence[i])
            writer.write(image, timestamp_s=float(t - track.timestamps_s[0]))
            if progress is not None:
                progress(i / len(track))
    return CopyMade(out, len(track))


def _sampled(frames: Iterator[Frame], rate: float) -> Iterator[Frame]:
    """Every frame, or fewer for a video faster than ``rate`` (a 60 fps clip is written at 30)."""
    step = 1.0 / rate
    next_at = float("-inf")
    for frame in frames:
        if frame.timestamp_s >= next_at:
            next_at = frame.timestamp_s + 0.75 * step  # jitter in the timestamps keeps a frame
            yield frame


def _head_at(track: PoseTrack | None, t: float, scale: float, side: int) -> Region | None:
    if track is None or len(track) == 0:
        return None
    row = track.nearest_row(t, NEAREST_ROW_S)
    if row is None:
        return None
    return head_region(track.keypoints_px[row] * scale, track.confidence[row], side)
