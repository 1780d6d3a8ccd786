"""What the result page says about how sure the analysis is (no database needed)."""

from __future__ import annotations

from typing import Any

import pytest
from web_helpers import contract

from crawlcoach.web import words
from crawlcoach.web.videos.presentation import confidence


def _with(direction: str, sure: float | None, coverage: float = 0.93) -> dict[str, Any]:
    result = contract()
    result["quality"]["pose_coverage"] = coverage
    result["locomotion"]["dominant_direction"] = direction
    if sure is None:
        del result["locomotion"]["direction_confidence"]
    else:
        result["locomotion"]["direction_confidence"] = sure
    return result


@pytest.mark.parametrize(
    ("sure", "level", "text"),
    [
        (0.85, "High", words.DIRECTION_CERTAINTY["high"]),
        (0.45, "Medium", words.DIRECTION_CERTAINTY["medium"]),
        (0.1, "Low", words.DIRECTION_CERTAINTY["low"]),
    ],
)
def test_the_direction_certainty_sets_the_level_and_the_words(
    sure: float, level: str, text: str
) -> None:
    shown = confidence(_with("forward", sure))
    assert shown["level"] == level
    assert shown["direction"] == text


def test_a_still_baby_is_described_as_still_not_as_a_direction() -> None:
    shown = confidence(_with("stationary", 0.2))
    assert shown["direction"] == words.STILLNESS_CERTAINTY["low"]
    assert "direction" not in shown["direction"]


def test_little_coverage_caps_the_level_whatever_the_direction() -> None:
    assert confidence(_with("forward", 0.95, coverage=0.6))["level"] == "Medium"
    assert confidence(_with("forward", 0.95, coverage=0.3))["level"] == "Low"


def test_an_analysis_stored_before_the_direction_confidence_falls_back_to_its_bouts() -> None:
    shown = confidence(_with("forward", None))  # bouts at 0.9 and 0.7
    assert shown["level"] == "High"


def test_nothing_is_said_about_an_unknown_direction() -> None:
    assert confidence(_with("unknown", 0.0))["direction"] == ""
