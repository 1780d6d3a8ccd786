"""Writing RGB frames to an MP4 that every browser plays: H.264 (libx264), yuv420p, BT.709 tags,
even dimensions, and the index at the front (``+faststart``) so playback starts before download.

    with VideoWriter("annotated.mp4", fps=15, width=640, height=360) as writer:
        for frame in frames:
            writer.write(frame.image, timestamp_s=frame.timestamp_s)

The file appears under its final name only when the writer closes without error: an interrupted
run leaves no half-written video behind (the partial file is removed).
"""

from __future__ import annotations

import contextlib
import os
from fractions import Fraction
from pathlib import Path
from types import TracebackType

import av
import numpy as np

from crawlcoach.video.errors import VideoError

_TIME_BASE = Fraction(1, 90_000)  # the MPEG clock: exact for 24, 25, 30 and 30000/1001 fps
_BT709 = 1  # AVCOL_PRI_BT709 / AVCOL_TRC_BT709 / AVCOL_SPC_BT709
_LIMITED_RANGE = 1  # AVCOL_RANGE_MPEG: what browsers expect from H.264


class VideoWriter:
    """Encode (H, W, 3) uint8 RGB frames of one fixed size into a browser-playable MP4.

    ``width``/``height`` are the size of the images you will write; odd sizes are padded by one
    pixel (H.264 in yuv420p needs even ones). ``crf`` trades size for quality (18 is visually
    lossless, 28 small); ``preset`` trades encoding speed for size.
    """

    def __init__(
        self,
        path: str | Path,
        fps: float,
        width: int,
        height: int,
        *,
        crf: int = 23,
        preset: str = "veryfast",
    ) -> None:
        if not (fps > 0 and np.isfinite(fps)):
            raise ValueError(f"fps must be a positive number, not {fps!r}")
        if width < 1 or height < 1:
            raise ValueError(f"the frame size must be positive, not {width}x{height}")
        self.path = Path(path)
        self.fps = float(fps)
        self.width, self.height = int(width), int(height)
        self.frames_written = 0
        self._last_pts = -1
        self._partial = self.path.with_name(f".{self.path.name}.part")
        if not self.path.parent.is_dir():
            raise VideoError(
                f"cannot write {self.path}: the folder {self.path.parent} does not exist. "
                "Create it or choose another output path.",
                kind="cannot_write",
            )
        try:
            self._container = av.open(
                str(self._partial), mode="w", format="mp4", options={"movflags": "+faststart"}
            )
        except (av.error.FFmpegError, OSError) as exc:
            raise VideoError(
                f"cannot write {self.path}: {exc}. Check that the folder is writable.",
                kind="cannot_write",
            ) from exc
        self._stream = self._container.add_stream(
            "libx264",
            rate=Fraction(self.fps).limit_denominator(1001),
            options={"crf": str(crf), "preset": preset},
        )
        codec = self._stream.codec_context
        codec.width, codec.height = self.width + self.width % 2, self.height + self.height % 2
        codec.pix_fmt = "yuv420p"
        codec.time_base = _TIME_BASE
        codec.color_primaries = codec.color_trc = codec.colorspace = _BT709
        codec.color_range = _LIMITED_RANGE
        self._open = True

    def write(self, image_rgb: np.ndarray, timestamp_s: float | None = None) -> None:
        """Append one frame, shown at ``timestamp_s`` (seconds from the start; None: one frame
        interval after the previous one). Timestamps must increase; late ones are nudged."""
        if not self._open:
            raise ValueError(f"{self.path}: the writer is already closed")
        image = self._checked(image_rgb)
        frame = av.VideoFrame.from_ndarray(image, format="rgb24")
        frame = frame.reformat(format="yuv420p", dst_colorspace="ITU709", dst_color_range="MPEG")
        if timestamp_s is None:
            pts = round(self.frames_written / self.fps / _TIME_BASE)
        else:
            pts = round(timestamp_s / _TIME_BASE)
        frame.pts = max(pts, self._last_pts + 1)
        frame.time_base = _TIME_BASE
        self._last_pts = frame.pts
        self._container.mux(self._stream.encode(frame))
        self.frames_written += 1

    def close(self) -> None:
        """Flush the encoder and move the finished file to its final name."""
        if not self._open:
            return
        self._open = False
        try:
            self._container.mux(self._stream.encode(None))
            self._container.close()
        except BaseException:
            self._remove_partial()
            raise
        os.replace(self._partial, self.path)

    def abort(self) -> None:
        """Stop without producing a file."""
        if self._open:
            self._open = False
            with contextlib.suppress(av.error.FFmpegError, OSError):
                self._container.close()
        self._remove_partial()

    def __enter__(self) -> VideoWriter:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if exc_type is None:
            self.close()
        else:
            self.abort()

    def _checked(self, image: np.ndarray) -> np.ndarray:
        if image.shape != (self.height, self.width, 3) or image.dtype != np.uint8:
            raise ValueError(
                f"{self.path}: expected a ({self.height}, {self.width}, 3) uint8 RGB image, got "
                f"{image.shape} {image.dtype}"
            )
        pad_rows, pad_cols = self.height % 2, self.width % 2
        if pad_rows or pad_cols:
            image = np.pad(image, ((0, pad_rows), (0, pad_cols), (0, 0)), mode="edge")
        return np.ascontiguousarray(image)

    def _remove_partial(self) -> None:
        with contextlib.suppress(FileNotFoundError):
            self._partial.unlink()
