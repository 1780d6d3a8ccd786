"""Contract objects and outcomes as the pipeline makes them, for the table and export tests."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from crawlcoach import contract
from crawlcoach.batch.item import ItemOutcome, WorkItem

BOUTS = [
    {"start_s": 0.0, "end_s": 0.8, "direction": "backward", "style": "belly", "confidence": 1.0,
     "distance_body_lengths": 0.79, "net_forward_body_lengths": -0.75},
    {"start_s": 0.8, "end_s": 3.28, "direction": "forward", "style": "hands_and_knees",
     "confidence": 0.551, "distance_body_lengths": 1.84, "net_forward_body_lengths": 0.84},
]  # fmt: skip


def analysis(path: str = "a.mp4", bouts: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    bouts = BOUTS if bouts is None else bouts
    return {
        "schema": contract.SCHEMA,
        "video": contract.VideoFacts(path, 3.36, 25.0, 320, 240).to_dict(),
        "quality": {"pose_coverage": 0.97, "usable": True, "problems": ["right leg not seen"]},
        "locomotion": {
            "crawling": True,
            "dominant_direction": "forward",
            "direction_confidence": 0.65,
            "seconds": {"forward": 2.48, "backward": 0.8, "pivoting": 0.0, "stationary": 0.0},
            "dominant_style": "hands_and_knees",
            "bouts": bouts,
        },
        "limbs": {
            "left_arm": {"used": True, "activity": 0.07, "seen_s": 3.3},
            "right_arm": {"used": True, "activity": 0.07, "seen_s": 2.9},
            "left_leg": {"used": False, "activity": 0.01, "seen_s": 2.7},
            "right_leg": {"used": None, "activity": 0.05, "seen_s": 1.8},
            "symmetry_index": 0.42,
            "asymmetry_flag": True,
            "asymmetry_confidence": 0.5,
        },
        "coordination": {"pattern": "diagonal"},
        "assessment": {"age_months": 9.5, "corrected_age_months": 8.6, "verdict": "watch"},
        "error": None,
        "timing": {"analysis_s": 1.2, "frames_analysed": 50},
    }


def outcome(
    name: str = "a.mp4", key: str = "k" * 24, result: dict[str, Any] | None = None, **item: Any
) -> ItemOutcome:
    work = WorkItem(path=Path(name), **item)
    return ItemOutcome(work, key, "s" * 64, result or analysis(name), "done")


def failed(name: str = "bad.mp4") -> ItemOutcome:
    result = contract.failed_analysis(name, "not_a_video", f"{name} is not a video file.", 0.0)
    return ItemOutcome(WorkItem(path=Path(name)), "f" * 24, "t" * 64, result, "failed")


BORN = date(2025, 5, 1)
