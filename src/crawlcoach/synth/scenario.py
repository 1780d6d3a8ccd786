"""What a synthetic clip shows (``Scenario``) and what the analysis should find in it (``Truth``).

This file is the contract between the generator (``synth.generate``), the tests and the accuracy
benchmark. Add fields freely; do not rename.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Direction = Literal["forward", "backward", "pivoting", "stationary"]
Style = Literal[
    "hands_and_knees", "belly", "bear", "bottom_scoot", "crab", "rolling", "walking", "none"
]
Pattern = Literal["diagonal", "lateral", "synchronous", "irregular"]
View = Literal["side", "front", "behind", "above"]
Camera = Literal["static", "pan", "follow", "retreat", "shake"]
LimbName = Literal["left_arm", "right_arm", "left_leg", "right_leg"]

LIMB_NAMES: tuple[LimbName, ...] = ("left_arm", "right_arm", "left_leg", "right_leg")


@dataclass(frozen=True)
class Segment:
    """A stretch of the clip with one direction of travel (a bout, or a pause)."""

    duration_s: float
    direction: Direction


@dataclass(frozen=True)
class Scenario:
    style: Style = "hands_and_knees"
    segments: tuple[Segment, ...] = (Segment(8.0, "forward"),)
    speed_body_lengths_per_s: float = 0.5
    cycle_hz: float = 1.0  # limb cycles per second while travelling
    pattern: Pattern = "diagonal"
    # 1.0 = the limb takes full part, 0.0 = not used at all (held still / dragged), between = less.
    limb_use: dict[LimbName, float] = field(default_factory=lambda: dict.fromkeys(LIMB_NAMES, 1.0))
    view: View = "side"
    heading_deg: float = 0.0  # heading on the floor relative to the view's reference direction
    camera: Camera = "static"
    body_length_px: float = 160.0  # head-to-hips, at the start
    frame_size: tuple[int, int] = (640, 480)
    fps: float = 15.0
    noise_px: float = 1.5  # keypoint jitter, standard deviation in pixels
    dropout: float = 0.0  # share of frames with no detection at all
    occlusion: float = 0.0  # share of single keypoints missing
    swap: float = 0.0  # share of frames whose left and right keypoints are exchanged (pose error)
    seed: int = 0
    name: str = ""  # a label for reports (the catalogue's name), not used by the generator

    @property
    def duration_s(self) -> float:
        return sum(s.duration_s for s in self.segments)


@dataclass(frozen=True)
class TruthBout:
    start_s: float
    end_s: float
    direction: Direction
    style: Style
    # Angle of floor travel relative to the heading (0 forward, 180 backward, +-90 sideways: a
    # rolling baby; a crab goes off-axis by 10-40 degrees); None when the trunk does not translate.
    travel_angle_deg: float | None = None


@dataclass(frozen=True)
class Truth:
    bouts: tuple[TruthBout, ...]
    dominant_direction: Literal["forward", "backward", "mixed", "pivoting", "stationary"]
    dominant_style: Style
    crawling: bool  # walking and "none" are not crawling
    limb_used: dict[LimbName, bool]  # False where limb_use < 0.2
    asymmetric: bool  # some left/right pair differs by 0.5 or more in limb_use
    pattern: Pattern | None  # None when there is no travel
    # Seconds of each direction in the scenario's segments.
    seconds: dict[Direction, float] = field(default_factory=dict)
