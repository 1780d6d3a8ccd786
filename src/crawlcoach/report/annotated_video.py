"""The video with the tracked skeleton drawn over the baby, as H.264 MP4 that browsers play."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from crawlcoach.pose.track import PoseTrack
from crawlcoach.report.overlay import draw_skeleton
from crawlcoach.video import iter_frames, probe
from crawlcoach.video.writer import VideoWriter

# Browsers and phones play this comfortably; larger sources are shrunk to it.
MAX_OUTPUT_SIDE = 1280


def write_annotated_video(
    source: str | Path, track: PoseTrack, out: str | Path, *, fps: float | None = None
) -> Path:
    """Re-read ``source`` at the track's rate and draw the track's keypoints on each frame."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    info = probe(source)
    rate = fps or _track_rate(track)
    frames = iter_frames(source, fps=rate, max_side=MAX_OUTPUT_SIDE)
    writer: VideoWriter | None = None
    try:
        for frame in frames:
            if writer is None:
                h, w = frame.image.shape[:2]
                writer = VideoWriter(out, fps=rate, width=w, height=h)
                writer.__enter__()
            i = _nearest(track.timestamps_s, frame.timestamp_s)
            image = frame.image
            if i is not None:
                image = draw_skeleton(
                    image, track.keypoints_px[i] * frame.scale, track.confidence[i]
                )
            writer.write(image)
    finally:
        if writer is not None:
            writer.__exit__(None, None, None)
    if writer is None:
        raise ValueError(f"{info.path}: no frames to annotate")
    return out


def _track_rate(track: PoseTrack) -> float:
    if len(track) < 2:
        return 15.0
    return float(1.0 / np.median(np.diff(track.timestamps_s)))


def _nearest(timestamps: np.ndarray, t: float, tolerance_s: float = 0.05) -> int | None:
    if len(timestamps) == 0:
        return None
    i = int(np.searchsorted(timestamps, t))
    candidates = [j for j in (i - 1, i) if 0 <= j < len(timestamps)]
    best = min(candidates, key=lambda j: abs(timestamps[j] - t))
    return best if abs(timestamps[best] - t) <= tolerance_s else None
