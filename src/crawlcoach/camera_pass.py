"""Camera-motion estimation riding along the pose pass, on the second core.

OpenCV's optical flow and MediaPipe's inference both release the GIL, so a single background
thread measures how the floor moves while the pose model looks at the next frame, instead of
adding its cost to every frame of the pass.
"""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from types import TracebackType

from crawlcoach.motion.camera import CameraMotion, CameraMotionEstimator, person_box_from_keypoints
from crawlcoach.parameters import CameraParams
from crawlcoach.pose.backend import PoseEstimate
from crawlcoach.video import Frame

# Frames waiting for the background thread; past this the pose pass waits, bounding memory.
MAX_PENDING = 8


class CameraPass:
    """Feed it every frame of the pose pass with ``add``; read the camera motion with ``result``."""

    def __init__(self, params: CameraParams = CameraParams(), fps: float | None = None) -> None:
        self._box_min_confidence = params.box_min_confidence
        self._estimator = CameraMotionEstimator(params, fps)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="camera-motion")
        self._pending: list[Future[None]] = []

    def add(self, frame: Frame, estimate: PoseEstimate | None) -> None:
        box = (
            None
            if estimate is None
            else person_box_from_keypoints(
                estimate.keypoints_px, estimate.confidence, self._box_min_confidence
            )
        )
        # One worker keeps the frames in order, which the estimator's chain needs.
        self._pending.append(
            self._pool.submit(self._estimator.update, frame.image, box, frame.timestamp_s)
        )
        if len(self._pending) > MAX_PENDING:
            self._pending.pop(0).result()

    def result(self, scale: float) -> CameraMotion:
        """The motion in upright source pixels (frames were ``scale`` x the source)."""
        for job in self._pending:
            job.result()
        self._pending.clear()
        motion = self._estimator.result()
        if scale != 1.0:
            # A similarity in image pixels S.T.S^-1 is the same map in source pixels, but for
            # its translation, which shrinks by the scale.
            to_reference = motion.to_reference.copy()
            to_reference[:, :, 2] /= scale
            motion = CameraMotion(motion.timestamps_s, to_reference, motion.valid)
        return motion

    def __enter__(self) -> CameraPass:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
