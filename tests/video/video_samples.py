"""Small generated videos for tests: each codec and container we read, and broken files."""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from pathlib import Path

import av
import numpy as np

RED = (255, 0, 0)
GREEN = (0, 255, 0)
BLOCK = 16  # marker size: whole macroblocks survive lossy codecs at tiny sizes


def marked_image(width: int, height: int, level: int) -> np.ndarray:
    """Grey ``level`` background, red block top-left and green block top-right (as stored)."""
    image = np.full((height, width, 3), level, np.uint8)
    image[:BLOCK, :BLOCK] = RED
    image[:BLOCK, -BLOCK:] = GREEN
    return image


def make_video(
    path: Path,
    *,
    codec: str = "libx264",
    frames: int = 20,
    fps: int = 25,
    width: int = 64,
    height: int = 48,
    pts_ms: Sequence[int] | None = None,
    rotation_ccw: int | None = None,
    hflip: bool = False,
    pix_fmt: str = "yuv420p",
    options: dict[str, str] | None = None,
    container_options: dict[str, str] | None = None,
    b_frames: int = 0,
    noisy: bool = False,
) -> Path:
    """Encode ``frames`` marked images; ``pts_ms`` gives irregular presentation times; ``noisy``
    makes every frame costly to encode, so that the file's bulk is frame data."""
    rng = np.random.default_rng(0)
    with av.open(str(path), "w", options=container_options or {}) as container:
        stream = container.add_stream(codec, rate=fps, options=options or {})
        stream.width, stream.height, stream.pix_fmt = width, height, pix_fmt
        if b_frames:
            stream.codec_context.max_b_frames = b_frames
        if pts_ms is not None:
            stream.codec_context.time_base = Fraction(1, 1000)
        if rotation_ccw is not None:
            stream.set_display_rotation(rotation_ccw, hflip=hflip)
        count = len(pts_ms) if pts_ms is not None else frames
        for i in range(count):
            level = 40 + (160 * i) // max(1, count - 1)
            image = marked_image(width, height, level)
            if noisy:
                image[BLOCK:] = rng.integers(0, 256, image[BLOCK:].shape, np.uint8)
            frame = av.VideoFrame.from_ndarray(image, format="rgb24")
            if pts_ms is not None:
                frame.pts, frame.time_base = pts_ms[i], Fraction(1, 1000)
            container.mux(stream.encode(frame))
        container.mux(stream.encode(None))
    return path


def make_audio(path: Path, seconds: float = 1.0) -> Path:
    with av.open(str(path), "w") as container:
        stream = container.add_stream("pcm_s16le", rate=8000)
        samples = np.zeros((1, int(8000 * seconds)), np.int16)
        frame = av.AudioFrame.from_ndarray(samples, format="s16", layout="mono")
        frame.sample_rate = 8000
        container.mux(stream.encode(frame))
        container.mux(stream.encode(None))
    return path


def cut_in_half(source: Path, target: Path) -> Path:
    data = source.read_bytes()
    target.write_bytes(data[: len(data) // 2])
    return target
