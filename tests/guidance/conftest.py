"""Builders for the guidance tests: analysis dicts in the analyze contract, and dates by age."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest

from crawlcoach.guidance.age import DAYS_PER_MONTH

BORN = date(2024, 1, 1)

MakeAnalysis = Callable[..., dict[str, Any]]


def first_day_at(months: float, born: date = BORN) -> date:
    """The first day on which a baby born on ``born`` is at least ``months`` old."""
    days = int(months * DAYS_PER_MONTH)
    while days / DAYS_PER_MONTH < months:
        days += 1
    return born + timedelta(days=days)


@pytest.fixture
def born() -> date:
    return BORN


@pytest.fixture
def at_months() -> Callable[[float], date]:
    """``at_months(9.5)``: the first day the baby born on ``BORN`` is 9.5 months old."""
    return first_day_at


@pytest.fixture
def make_analysis() -> MakeAnalysis:
    def make(
        direction: str = "forward",
        style: str = "hands_and_knees",
        *,
        recorded_on: date | str | None = None,
        unused: tuple[str, ...] = (),
        asymmetry: bool | None = None,
        pattern: str = "diagonal",
        usable: bool = True,
        forward_s: float = 5.0,
    ) -> dict[str, Any]:
        limbs: dict[str, Any] = {
            limb: {"used": limb not in unused}
            for limb in ("left_arm", "right_arm", "left_leg", "right_leg")
        }
        limbs["symmetry_index"] = 0.05 if not unused and not asymmetry else 0.5
        limbs["asymmetry_flag"] = bool(unused) if asymmetry is None else asymmetry
        analysis: dict[str, Any] = {
            "schema": "crawlcoach.analysis/1",
            "video": {
                "path": "baby.mp4",
                "duration_s": 10.0,
                "fps": 25.0,
                "width": 320,
                "height": 240,
            },
            "quality": {
                "pose_coverage": 0.9 if usable else 0.1,
                "usable": usable,
                "problems": [] if usable else ["baby too small in the picture"],
            },
            "locomotion": {
                "crawling": style not in ("walking", "none") and direction != "stationary",
                "dominant_direction": direction,
                "seconds": {
                    "forward": forward_s,
                    "backward": 2.0,
                    "pivoting": 0.0,
                    "stationary": 3.0,
                },
                "dominant_style": style,
                "bouts": [],
            },
            "limbs": limbs,
            "coordination": {"pattern": pattern},
            "assessment": None,
            "error": None,
            "timing": {"analysis_s": 1.0},
        }
        if recorded_on is not None:
            analysis["recorded_on"] = str(recorded_on)
        return analysis

    return make
