"""MediaPipe BlazePose (legacy ``solutions.pose``) as a ``PoseBackend``.

The full landmark model (model_complexity=1) ships inside the pinned mediapipe wheel. The lite one
(complexity 0) does not, and mediapipe would download it: ``BlazePoseBackend(lite=True)`` refuses
to start unless ``pose_landmark_lite.tflite`` is already in mediapipe's package folder (put there
from the npm package ``@mediapipe/pose`` by ``make pose-lite``), so nothing is ever downloaded
at run time.
"""

from __future__ import annotations

import contextlib
import os
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from typing import Any, Self

import numpy as np

from crawlcoach.errors import CrawlcoachError
from crawlcoach.pose.backend import PoseEstimate
from crawlcoach.pose.depth import DepthCalibration

# Must be set before mediapipe's C++ side starts logging.
os.environ.setdefault("GLOG_minloglevel", "2")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

MODEL_COMPLEXITY = 1
LITE_COMPLEXITY = 0
LITE_MODEL = "pose_landmark_lite.tflite"
# MediaPipe's default 0.5 drops many real babies (odd views, far away): on the 50 dev clips 0.3
# raised pose coverage from 0.84 to 0.90 (docs/benchmarks.md); per-keypoint confidence is kept.
MIN_CONFIDENCE = 0.3
_BLANK = np.zeros((64, 64, 3), dtype=np.uint8)


class PoseModelUnavailable(CrawlcoachError):
    kind = "pose_model_unavailable"


@contextlib.contextmanager
def _quiet_stderr() -> Iterator[None]:
    """Mute C++ log lines (TF-Lite delegate, absl) that mediapipe writes straight to fd 2 while
    its graph starts; Python-level errors still surface as exceptions."""
    try:
        fd = sys.stderr.fileno()
    except (AttributeError, OSError, ValueError):  # stderr replaced (pytest capture, IDEs)
        fd = 2
    sys.stderr.flush()
    saved = os.dup(fd)
    try:
        with open(os.devnull, "wb") as devnull:
            os.dup2(devnull.fileno(), fd)
            yield
    finally:
        os.dup2(saved, fd)
        os.close(saved)


def import_mediapipe() -> Any:
    warnings.filterwarnings("ignore", message=r"SymbolDatabase\.GetPrototype", category=UserWarning)
    try:
        with _quiet_stderr():
            import mediapipe as mp
            from absl import logging as absl_logging

            absl_logging.set_verbosity(absl_logging.ERROR)
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise PoseModelUnavailable(
            f"The pose model needs mediapipe, which is not installed ({exc}). "
            "Run `make install` (it installs requirements/pose.txt)."
        ) from exc
    return mp


def lite_model_path(mp: Any) -> Path:
    """Where mediapipe looks for the lite landmark model before it would download it."""
    return Path(mp.__file__).parent / "modules" / "pose_landmark" / LITE_MODEL


def _require_lite_model(mp: Any) -> None:
    if not lite_model_path(mp).is_file():
        raise PoseModelUnavailable(
            f"The lite pose model ({LITE_MODEL}) is not installed, and crawlcoach never "
            "downloads models while it runs. Run `make pose-lite` to install it from the npm "
            "package @mediapipe/pose, or use the default backend."
        )


class BlazePoseBackend:
    """BlazePose full (33 landmarks). ``estimate`` runs MediaPipe in tracking mode (the detector
    runs only when the person is lost) with MediaPipe's own smoothing off: motion analysis
    smooths with knowledge of the whole clip. ``estimate_still`` uses a second, static graph,
    created on first use."""

    # How BlazePose's depth reads (its bias toward "facing the camera"): the calibration's
    # defaults were measured on it (crawlcoach.pose.depth).
    depth_calibration = DepthCalibration()

    def __init__(
        self,
        *,
        min_detection_confidence: float = MIN_CONFIDENCE,
        min_tracking_confidence: float = MIN_CONFIDENCE,
        lite: bool = False,
    ) -> None:
        self._mp = import_mediapipe()
        if lite:
            _require_lite_model(self._mp)
        self._options = {
            "model_complexity": LITE_COMPLEXITY if lite else MODEL_COMPLEXITY,
            "smooth_landmarks": False,
            "enable_segmentation": False,
            "min_detection_confidence": min_detection_confidence,
            "min_tracking_confidence": min_tracking_confidence,
        }
        self.name = f"mediapipe-blazepose-{'lite' if lite else 'full'}/{self._mp.__version__}"
        self._tracking = self._open_graph(static=False)
        self._still: Any | None = None

    def _open_graph(self, *, static: bool) -> Any:
        with _quiet_stderr():
            graph = self._mp.solutions.pose.Pose(static_image_mode=static, **self._options)
            # The TF-Lite delegate logs on the first inference; get it over with while muted.
            graph.process(_BLANK)
        return graph

    def estimate(self, image_rgb: np.ndarray) -> PoseEstimate | None:
        return self._run(self._tracking, image_rgb)

    def estimate_still(self, image_rgb: np.ndarray) -> PoseEstimate | None:
        if self._still is None:
            self._still = self._open_graph(static=True)
        return self._run(self._still, image_rgb)

    def reset(self) -> None:
        # An empty frame ends MediaPipe's track (it then detects afresh) in ~10 ms; restarting
        # the graph would take ~60 ms and repeat its start-up log lines.
        self._run(self._tracking, _BLANK)

    def close(self) -> None:
        for graph in (self._tracking, self._still):
            if graph is not None and graph._graph is not None:
                graph.close()
        self._still = None

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @staticmethod
    def _run(graph: Any, image_rgb: np.ndarray) -> PoseEstimate | None:
        if image_rgb.ndim != 3 or image_rgb.shape[2] != 3 or image_rgb.dtype != np.uint8:
            raise ValueError(f"expected an (H, W, 3) uint8 RGB image, got {image_rgb.shape}")
        result = graph.process(np.ascontiguousarray(image_rgb))
        if result.pose_landmarks is None:
            return None
        h, w = image_rgb.shape[:2]
        raw = np.array(
            [(lm.x, lm.y, lm.z, lm.visibility) for lm in result.pose_landmarks.landmark],
            dtype=np.float64,
        )
        # The legacy solution leaves `presence` unset (0), so visibility is the confidence.
        confidence = np.clip(raw[:, 3], 0.0, 1.0)
        return PoseEstimate(
            keypoints_px=raw[:, :2] * np.array([w, h], dtype=np.float64),
            confidence=confidence,
            depth=raw[:, 2] * w,  # MediaPipe's z uses the scale of x
            score=float(confidence.mean()),
        )
