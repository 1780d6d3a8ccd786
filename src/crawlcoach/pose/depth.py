"""How a pose backend's per-keypoint depth reads: a property of the backend, not of the analysis.

BlazePose's depth differences are exaggerated, noisy and biased toward "facing the camera" (it was
trained on people who mostly do): on the dev tracks side views read +0.3 to +2 trunk lengths of
head-nearer depth, front views +2.4 to +5.5, rear views -4 to +1.5. Another backend (the synthetic
generator's true geometry plus noise) reads otherwise, so each backend declares its
``DepthCalibration``; the tracker records it in ``PoseTrack.meta["depth_calibration"]``, where the
motion analysis reads it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

from crawlcoach.parameters import param


@dataclass(frozen=True)
class DepthCalibration:
    """Between 0 and ``toward_from`` a head-nearer reading says nothing; beyond, it grows to sure
    over ``sure_span`` (and below 0, to sure that the head faces away). The same for a sitter's
    thighs (knees nearer than hips)."""

    toward_from: float = param(
        1.6,
        "trunk lengths",
        "head-nearer depth from which the head faces the camera",
        "bench/accuracy_clips.py, per-group sweep "
        "(docs/benchmarks-history.md: Tuning split by group)",
    )
    sure_span: float = param(1.4, "trunk lengths", "further depth to be sure of the facing")
    thighs_from: float = param(
        1.6,
        "trunk lengths",
        "knees-nearer depth from which a sitter faces the camera",
        "not measured (no dev clip shows a sitter: the head's bias allowance)",
    )
    thighs_span: float = param(1.4, "trunk lengths", "further depth to be sure")

    def as_meta(self) -> dict[str, float]:
        return asdict(self)

    @classmethod
    def of_track(cls, meta: Mapping[str, Any]) -> DepthCalibration:
        """The calibration a track's backend recorded; tracks saved before backends recorded one
        came from BlazePose, the defaults."""
        recorded = meta.get("depth_calibration")
        return cls(**recorded) if recorded else cls()
