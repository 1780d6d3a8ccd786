"""Decoding with PyAV. (Placeholder implementation: to be hardened in issue 2's video work.)"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import av
import numpy as np

from crawlcoach.video.errors import NotAVideo, VideoNotFound
from crawlcoach.video.types import Frame, VideoInfo

DEFAULT_ANALYSIS_FPS = 15.0


def probe(path: str | Path) -> VideoInfo:
    p = Path(path)
    if not p.exists():
        raise VideoNotFound(f"{p}: no such file. Check the path and try again.")
    try:
        with av.open(str(p)) as container:
            stream = container.streams.video[0]
            fps = float(stream.average_rate or 25)
            duration = float(container.duration / 1e6) if container.duration else 0.0
            return VideoInfo(
                path=str(p),
                duration_s=duration,
                fps=fps,
                width=stream.codec_context.width,
                height=stream.codec_context.height,
                rotation=0,
                codec=stream.codec_context.name,
                container=container.format.name,
                frame_count=stream.frames or None,
            )
    except (av.error.InvalidDataError, IndexError) as exc:
        raise NotAVideo(f"{p}: this file is not a video we can read.") from exc


def iter_frames(
    path: str | Path, *, fps: float | None = DEFAULT_ANALYSIS_FPS, max_side: int | None = None
) -> Iterator[Frame]:
    """Yield upright RGB frames sampled to about ``fps`` (None: every frame), optionally downscaled
    so the longer side is at most ``max_side`` pixels."""
    next_t = 0.0
    n = 0
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        for i, frame in enumerate(container.decode(stream)):
            t = float(frame.time) if frame.time is not None else i / float(stream.average_rate or 25)
            if fps is not None and t + 1e-6 < next_t:
                continue
            next_t = t + 1.0 / fps if fps else 0.0
            image = frame.to_ndarray(format="rgb24")
            yield Frame(index=n, source_index=i, timestamp_s=t, image=np.ascontiguousarray(image), scale=1.0)
            n += 1
