"""The video with the tracked skeleton drawn over the baby, as H.264 MP4 that browsers play."""

from __future__ import annotations

from pathlib import Path

from crawlcoach.pose.track import PoseTrack
from crawlcoach.report.overlay import MAX_OUTPUT_SIDE, draw_skeleton
from crawlcoach.video import iter_frames, probe
from crawlcoach.video.writer import VideoWriter

# A source frame is drawn with the track row this close to it in time, else left bare.
NEAREST_ROW_S = 0.05


def write_annotated_video(
    source: str | Path, track: PoseTrack, out: str | Path, *, fps: float | None = None
) -> Path:
    """Re-read ``source`` at the track's rate and draw the track's keypoints on each frame."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    info = probe(source)
    rate = fps or track.frame_rate
    frames = iter_frames(source, fps=rate, max_side=MAX_OUTPUT_SIDE)
    writer: VideoWriter | None = None
    try:
        for frame in frames:
            if writer is None:
                h, w = frame.image.shape[:2]
                writer = VideoWriter(out, fps=rate, width=w, height=h)
                writer.__enter__()
            i = track.nearest_row(frame.timestamp_s, NEAREST_ROW_S)
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
