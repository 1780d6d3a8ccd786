"""What the video layer hands to the rest: facts about a file and upright, timestamped frames."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class VideoInfo:
    path: str
    duration_s: float  # as the file declares it (video stream first, else container); 0 if unknown
    fps: float  # average frame rate of the source (frames may still come at irregular times)
    width: int  # upright display size: rotation metadata and non-square pixels applied
    height: int
    rotation: int  # degrees clockwise applied to the stored frames to make them upright
    codec: str
    container: str
    frame_count: int | None  # as the container declares it; may be absent
    mirrored: bool = False  # the display matrix also mirrors the picture (applied to frames)
    has_audio: bool = False


@dataclass(frozen=True, eq=False)
class Frame:
    index: int  # position among the frames handed out (0, 1, 2, ...)
    source_index: int  # position among the decoded frames of the stream
    timestamp_s: float  # presentation time (from PTS), seconds after the stream's first frame
    image: np.ndarray  # (H, W, 3) uint8 RGB, upright, C-contiguous
    scale: float  # image pixels per upright source pixel (1.0 unless downscaled for analysis)
    # The same moment at a size for people to watch (``iter_frames(view_side=...)``), else None.
    view: np.ndarray | None = None
    view_scale: float = 1.0  # view pixels per upright source pixel
