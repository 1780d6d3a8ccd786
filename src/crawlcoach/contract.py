"""The analysis contract of ``crawlcoach analyze`` (see DESIGN.md): its schema id and its skeleton.

Field names here are fixed by the contract; fields may be added, never renamed.
"""

from __future__ import annotations

from typing import Any

SCHEMA = "crawlcoach.analysis/1"

DIRECTIONS = ("forward", "backward", "mixed", "pivoting", "stationary", "unknown")
STYLES = (
    "hands_and_knees",
    "belly",
    "bear",
    "bottom_scoot",
    "crab",
    "rolling",
    "walking",
    "none",
    "unknown",
)
PATTERNS = ("diagonal", "lateral", "synchronous", "irregular", "unknown")


def video_section(
    path: str, duration_s: float = 0.0, fps: float = 0.0, width: int = 0, height: int = 0
) -> dict[str, Any]:
    return {"path": path, "duration_s": duration_s, "fps": fps, "width": width, "height": height}


def unknown_sections() -> dict[str, dict[str, Any]]:
    """``locomotion``, ``limbs`` and ``coordination`` when nothing could be measured."""
    return {
        "locomotion": {
            "crawling": False,
            "dominant_direction": "unknown",
            "seconds": {"forward": 0.0, "backward": 0.0, "pivoting": 0.0, "stationary": 0.0},
            "dominant_style": "unknown",
            "bouts": [],
        },
        "limbs": {
            "left_arm": {"used": None},
            "right_arm": {"used": None},
            "left_leg": {"used": None},
            "right_leg": {"used": None},
            "symmetry_index": None,
            "asymmetry_flag": False,
        },
        "coordination": {"pattern": "unknown"},
    }


def failed_analysis(path: str, kind: str, message: str, analysis_s: float) -> dict[str, Any]:
    """The contract object for a video that could not be analysed: ``error`` set, no guesses."""
    return {
        "schema": SCHEMA,
        "video": video_section(path),
        "quality": {"pose_coverage": 0.0, "usable": False, "problems": [message]},
        **unknown_sections(),
        "assessment": None,
        "error": {"kind": kind, "message": message},
        "timing": {"analysis_s": round(analysis_s, 3)},
    }
