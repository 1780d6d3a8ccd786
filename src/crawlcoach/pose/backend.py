"""The seam between our tracking and a pose model: one person's keypoints in one image.

BlazePose is the model today; an infant-specific, batched or GPU model can replace it by
implementing ``PoseBackend``. The tracker decides *where* to look and *whom* to follow; a backend
only answers "the most prominent person in this image, if any".

A backend may also declare ``depth_calibration`` (``crawlcoach.pose.depth.DepthCalibration``):
how its depth output reads. The tracker records it with the track; without one, BlazePose's.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import TracebackType
from typing import Protocol, Self, runtime_checkable

import numpy as np

from crawlcoach.parameters import TrackerParams
from crawlcoach.pose import keypoints


@dataclass(frozen=True, eq=False)
class PoseEstimate:
    """One person in one image. Axes: K keypoints in ``keypoints.NAMES`` order."""

    keypoints_px: np.ndarray  # (K, 2) x, y in pixels of the image given to the backend
    confidence: np.ndarray  # (K,) 0..1, how sure the model is that each keypoint is visible
    depth: np.ndarray  # (K,) relative depth in pixels (same scale as x); smaller is nearer
    score: float  # 0..1, how sure the model is that this is a person
    has_depth: bool = True  # False for a pose from a model without depth (``depth`` is zeros)

    def __post_init__(self) -> None:
        if self.keypoints_px.shape != (keypoints.COUNT, 2):
            raise ValueError(f"keypoints_px has shape {self.keypoints_px.shape}")
        if self.confidence.shape != (keypoints.COUNT,) or self.depth.shape != (keypoints.COUNT,):
            raise ValueError("confidence and depth must have one value per keypoint")

    def shifted(self, dx: float, dy: float) -> PoseEstimate:
        """The same pose in a larger image in which the analysed image started at (dx, dy)."""
        return PoseEstimate(
            keypoints_px=self.keypoints_px + np.array([dx, dy], dtype=self.keypoints_px.dtype),
            confidence=self.confidence,
            depth=self.depth,
            score=self.score,
            has_depth=self.has_depth,
        )

    def bbox(
        self, min_confidence: float = TrackerParams().box_min_confidence
    ) -> tuple[float, float, float, float]:
        """(x0, y0, x1, y1) around the confidently seen keypoints (all of them if too few are)."""
        seen = self.confidence >= min_confidence
        pts = self.keypoints_px[seen] if seen.sum() >= 4 else self.keypoints_px
        x0, y0 = pts.min(axis=0)
        x1, y1 = pts.max(axis=0)
        return float(x0), float(y0), float(x1), float(y1)


@runtime_checkable
class PoseBackend(Protocol):
    """A pose model. Use it as a context manager (or call ``close``) to free the model."""

    name: str  # recorded in PoseTrack.meta, e.g. "mediapipe-blazepose-full/0.10.14"

    def estimate(self, image_rgb: np.ndarray) -> PoseEstimate | None:
        """The next image of a sequence: the backend may use earlier images to follow the person
        it saw there. Returns None when nobody is found."""
        ...

    def estimate_still(self, image_rgb: np.ndarray) -> PoseEstimate | None:
        """One image on its own; leaves the sequence state of ``estimate`` untouched."""
        ...

    def reset(self) -> None:
        """Forget the sequence: the next ``estimate`` searches the whole image afresh."""
        ...

    def close(self) -> None: ...

    def __enter__(self) -> Self: ...

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...
