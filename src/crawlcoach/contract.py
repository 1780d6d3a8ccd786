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

# ``locomotion.direction_confidence`` read as a level. Calibrated on the development clips in four
# forms (bench/direction_confidence.py, docs/benchmarks.md): forward or backward readings at
# CONFIDENT or more were right 99% of the time, from UNSURE 93%, below it 78%.
CONFIDENT = 0.6
UNSURE = 0.3


def certainty(direction_confidence: float) -> str:
    """"high", "medium" or "low"."""
    if direction_confidence >= CONFIDENT:
        return "high"
    return "medium" if direction_confidence >= UNSURE else "low"


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
            "direction_confidence": 0.0,
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


def check(analysis: dict[str, Any]) -> list[str]:
    """What is wrong with ``analysis`` as a contract object (empty when nothing is).

    Used by the tests and by anything that reads stored analyses back.
    """
    wrong: list[str] = []

    def need(cond: bool, what: str) -> None:
        if not cond:
            wrong.append(what)

    need(analysis.get("schema") == SCHEMA, f"schema is not {SCHEMA!r}")
    for key in ("video", "quality", "locomotion", "limbs", "coordination", "timing"):
        need(isinstance(analysis.get(key), dict), f"{key} is missing or not an object")
    if wrong:
        return wrong
    video = analysis["video"]
    need(isinstance(video.get("path"), str), "video.path is not a string")
    for key in ("duration_s", "fps"):
        need(isinstance(video.get(key), int | float), f"video.{key} is not a number")
    for key in ("width", "height"):
        need(isinstance(video.get(key), int), f"video.{key} is not an integer")
    quality = analysis["quality"]
    need(0.0 <= quality.get("pose_coverage", -1) <= 1.0, "quality.pose_coverage not in 0..1")
    need(isinstance(quality.get("usable"), bool), "quality.usable is not a bool")
    need(isinstance(quality.get("problems"), list), "quality.problems is not a list")
    loco = analysis["locomotion"]
    need(isinstance(loco.get("crawling"), bool), "locomotion.crawling is not a bool")
    need(loco.get("dominant_direction") in DIRECTIONS, "locomotion.dominant_direction unknown")
    need(loco.get("dominant_style") in STYLES, "locomotion.dominant_style unknown")
    # Added after the first analyses were stored: optional, but a number in 0..1 when present.
    sure = loco.get("direction_confidence", 0.0)
    need(
        isinstance(sure, int | float) and 0.0 <= sure <= 1.0,
        "locomotion.direction_confidence not in 0..1",
    )
    seconds = loco.get("seconds", {})
    for key in ("forward", "backward", "pivoting", "stationary"):
        need(isinstance(seconds.get(key), int | float), f"locomotion.seconds.{key} missing")
    for i, bout in enumerate(loco.get("bouts", [])):
        for key in ("start_s", "end_s", "confidence"):
            need(isinstance(bout.get(key), int | float), f"bouts[{i}].{key} is not a number")
        need(isinstance(bout.get("direction"), str), f"bouts[{i}].direction is not a string")
        need(isinstance(bout.get("style"), str), f"bouts[{i}].style is not a string")
    limbs = analysis["limbs"]
    for name in ("left_arm", "right_arm", "left_leg", "right_leg"):
        used = limbs.get(name, {}).get("used", "missing")
        need(used is None or isinstance(used, bool), f"limbs.{name}.used is not bool or null")
    symmetry = limbs.get("symmetry_index", "missing")
    need(symmetry is None or isinstance(symmetry, int | float), "limbs.symmetry_index invalid")
    need(isinstance(limbs.get("asymmetry_flag"), bool), "limbs.asymmetry_flag is not a bool")
    need(analysis["coordination"].get("pattern") in PATTERNS, "coordination.pattern unknown")
    need("assessment" in analysis, "assessment is missing (null is fine)")
    error = analysis.get("error", "missing")
    need(
        error is None or (isinstance(error, dict) and {"kind", "message"} <= error.keys()),
        "error is not null or {kind, message}",
    )
    need(isinstance(analysis["timing"].get("analysis_s"), int | float), "timing.analysis_s missing")
    return wrong
