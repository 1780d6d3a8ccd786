"""Still frames for the doctor's report: the middle of the clearest bout of a video, with the
skeleton drawn on it, taken from the skeleton-overlay video (already drawn) or from the source
video and its pose track. A file that is gone means no still for that video, never an error."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import cv2
import numpy as np

from crawlcoach import words
from crawlcoach.errors import CrawlcoachError
from crawlcoach.pose.track import PoseTrack
from crawlcoach.report.overlay import draw_skeleton
from crawlcoach.video import iter_frames
from crawlcoach.vocabulary import Direction

STILL_SIDE: Final = 640  # pixels on the longer side: sharp at the report's 8 cm width
# Frames are looked at this often while seeking the moment: decoding continues, but only the
# frames kept are converted to pixels.
SEEK_FPS: Final = 4.0
NEAREST_ROW_S: Final = 0.25
# Bouts longer than this are no clearer for it: a long, sure bout beats a short, sure one only
# up to here.
DURATION_CAP_S: Final = 4.0
JPEG_QUALITY: Final = 85


@dataclass(frozen=True)
class Moment:
    at_s: float
    what: str  # the bout's direction, e.g. "forward"


def clearest_moment(result: dict[str, Any]) -> Moment | None:
    """The middle of the bout of travel the analysis is surest of (weighted by its length, up to
    a few seconds); a still bout when the baby never travelled; ``None`` without bouts."""
    bouts = [b for b in (result.get("locomotion") or {}).get("bouts") or [] if _usable(b)]
    if not bouts:
        return None
    moving = [b for b in bouts if b.get("direction") != "stationary"] or bouts

    def clarity(bout: dict[str, Any]) -> float:
        length = float(bout["end_s"]) - float(bout["start_s"])
        return float(bout.get("confidence") or 0.0) * min(length, DURATION_CAP_S)

    best = max(moving, key=clarity)
    middle = (float(best["start_s"]) + float(best["end_s"])) / 2
    direction = str(best.get("direction"))
    return Moment(middle, direction if direction in set(Direction) else Direction.UNKNOWN.value)


def caption(moment: Moment) -> str:
    """What the still shows, in the word list's words: "Forward, 12 s into the video"."""
    return f"{words.label(Direction(moment.what))}, {moment.at_s:.0f} s into the video"


def _usable(bout: Any) -> bool:
    try:
        return float(bout["end_s"]) > float(bout["start_s"]) >= 0
    except (KeyError, TypeError, ValueError):
        return False


def still_frame(
    at_s: float,
    *,
    overlay: Path | None = None,
    source: Path | None = None,
    track: PoseTrack | None = None,
) -> np.ndarray | None:
    """An RGB frame near ``at_s`` with the skeleton on it: from ``overlay`` when that file is
    there, else from ``source`` with ``track`` drawn; ``None`` when neither can give one."""
    if overlay is not None and overlay.is_file():
        frame = _frame_at(overlay, at_s)
        if frame is not None:
            return frame[0]
    if source is not None and track is not None and source.is_file():
        found = _frame_at(source, at_s)
        if found is not None:
            image, scale, shown_at = found
            row = track.nearest_row(shown_at, NEAREST_ROW_S)
            if row is not None:
                return draw_skeleton(image, track.keypoints_px[row] * scale, track.confidence[row])
    return None


def jpeg(image_rgb: np.ndarray) -> bytes:
    ok, data = cv2.imencode(
        ".jpg", cv2.cvtColor(image_rgb, cv2.COLOR_RGB2BGR), [cv2.IMWRITE_JPEG_QUALITY, JPEG_QUALITY]
    )
    if not ok:
        raise ValueError("could not encode the still frame")
    return bytes(data)


def _frame_at(path: Path, at_s: float) -> tuple[np.ndarray, float, float] | None:
    """The first frame at or after ``at_s`` (or the last one, for a moment past the end)."""
    try:
        with iter_frames(path, fps=SEEK_FPS, max_side=STILL_SIDE) as frames:
            last = None
            for frame in frames:
                last = (frame.image, frame.scale, frame.timestamp_s)
                if frame.timestamp_s >= at_s:
                    break
            return last
    except (CrawlcoachError, OSError, ValueError):
        return None  # a damaged or unreadable file: no still, the report still prints
