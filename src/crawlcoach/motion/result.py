"""Placeholder: says ``unknown`` everywhere until the motion analysis (issue 3) lands."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from crawlcoach.pose.track import PoseTrack


@dataclass(frozen=True)
class MotionResult:
    locomotion: dict[str, Any]
    limbs: dict[str, Any]
    coordination: dict[str, Any]
    problems: list[str] = field(default_factory=list)

    def contract_sections(self) -> dict[str, dict[str, Any]]:
        return {"locomotion": self.locomotion, "limbs": self.limbs, "coordination": self.coordination}


def analyze_motion(track: PoseTrack) -> MotionResult:
    unknown_limb = {"used": None}
    return MotionResult(
        locomotion={
            "crawling": False,
            "dominant_direction": "unknown",
            "seconds": {"forward": 0.0, "backward": 0.0, "pivoting": 0.0, "stationary": 0.0},
            "dominant_style": "unknown",
            "bouts": [],
        },
        limbs={
            "left_arm": dict(unknown_limb),
            "right_arm": dict(unknown_limb),
            "left_leg": dict(unknown_limb),
            "right_leg": dict(unknown_limb),
            "symmetry_index": None,
            "asymmetry_flag": False,
        },
        coordination={"pattern": "unknown"},
        problems=["motion analysis is not available yet"],
    )
