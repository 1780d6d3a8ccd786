"""Shared test data for the web tests: a password and an analysis contract."""

from __future__ import annotations

from typing import Any

PASSWORD = "calm-otter-49-river"


def contract(
    forward: float = 12.0, backward: float = 3.0, duration: float = 20.0
) -> dict[str, Any]:
    """An analysis in the shape of DESIGN.md's contract, as the pipeline returns it."""
    return {
        "schema": "crawlcoach.analysis/1",
        "video": {
            "path": "clip.mp4", "duration_s": duration, "fps": 30.0, "width": 640, "height": 360,
        },
        "quality": {"pose_coverage": 0.93, "usable": True, "problems": []},
        "locomotion": {
            "crawling": True,
            "dominant_direction": "forward",
            "direction_confidence": 0.85,
            "seconds": {
                "forward": forward, "backward": backward, "pivoting": 1.0, "stationary": 4.0,
            },
            "dominant_style": "hands_and_knees",
            "bouts": [
                {"start_s": 1.0, "end_s": 9.0, "direction": "forward", "style": "hands_and_knees",
                 "confidence": 0.9},
                {"start_s": 10.0, "end_s": 13.0, "direction": "backward", "style": "belly",
                 "confidence": 0.7},
            ],
        },
        "limbs": {"left_arm": {"used": True}, "right_arm": {"used": True},
                  "left_leg": {"used": True}, "right_leg": {"used": False},
                  "symmetry_index": 0.62, "asymmetry_flag": True},
        "coordination": {"pattern": "diagonal"},
        "assessment": None,
        "error": None,
        "timing": {"analysis_s": 3.2},
    }  # fmt: skip
