"""The videos written from the analysis' own decoded frames: the skeleton overlay and, for an
original that browsers cannot play, a plain H.264 copy. Written in the same pass as the pose
model, so the source is decoded once (the frames come with ``iter_frames(view_side=...)``).

    with PassVideos(overlay_to=..., copy_to=..., fps=15) as videos:
        ... each frame of the pass: videos.add(frame, estimate)
        videos.finish()  # without it (an error, no baby found) no file is left behind

Encoding runs on one background thread (libx264 and swscale release the GIL), so the pose model
keeps its core.
"""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from types import TracebackType

import numpy as np

from crawlcoach.pose.backend import PoseEstimate
from crawlcoach.report.overlay import draw_skeleton
from crawlcoach.video import Frame
from crawlcoach.video.writer import VideoWriter

# Frames waiting for the encoding thread; past this the pass waits, bounding memory.
MAX_PENDING = 8


class PassVideos:
    """Write ``overlay_to`` (the skeleton drawn on each frame) and ``copy_to`` (the frames as they
    are), either may be None, at the pass' frame rate ``fps`` and the frames' ``view`` size."""

    def __init__(self, *, overlay_to: Path | None, copy_to: Path | None, fps: float) -> None:
        self._targets = {"overlay": overlay_to, "copy": copy_to}
        self._fps = fps
        self._writers: dict[str, VideoWriter] = {}
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pass-videos")
        self._pending: list[Future[None]] = []
        self.frames_written = 0

    @property
    def wanted(self) -> bool:
        return any(self._targets.values())

    def add(self, frame: Frame, estimate: PoseEstimate | None) -> None:
        """One frame of the pass, with the infant's pose in ``frame.image``'s pixels (or None)."""
        if not self.wanted:
            return
        if frame.view is None:
            raise ValueError("PassVideos needs frames with a view image (iter_frames(view_side=))")
        pose = None
        if estimate is not None:
            pose = (estimate.keypoints_px / frame.scale * frame.view_scale, estimate.confidence)
        self._pending.append(self._pool.submit(self._write, frame, pose))
        if len(self._pending) > MAX_PENDING:
            self._pending.pop(0).result()

    def _write(self, frame: Frame, pose: tuple[np.ndarray, np.ndarray] | None) -> None:
        view = frame.view
        assert view is not None
        for kind, target in self._targets.items():
            if target is None:
                continue
            writer = self._writers.get(kind)
            if writer is None:
                target.parent.mkdir(parents=True, exist_ok=True)
                height, width = view.shape[:2]
                writer = self._writers[kind] = VideoWriter(
                    target, fps=self._fps, width=width, height=height
                )
            image = view if kind == "copy" or pose is None else draw_skeleton(view, *pose)
            writer.write(image, timestamp_s=frame.timestamp_s)
        self.frames_written += 1

    def finish(self) -> None:
        """Write out what is pending and close the files under their final names."""
        self._drain()
        self._pool.shutdown(wait=True)
        for writer in self._writers.values():
            writer.close()

    def abort(self) -> None:
        """Stop, leaving no file."""
        self._pool.shutdown(wait=True, cancel_futures=True)
        for writer in self._writers.values():
            writer.abort()

    def _drain(self) -> None:
        for job in self._pending:
            job.result()
        self._pending.clear()

    def __enter__(self) -> PassVideos:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.abort()  # after finish() the writers are closed and this leaves them be
