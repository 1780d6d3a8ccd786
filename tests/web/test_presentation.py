"""What the result page says about how sure the analysis is (no database needed)."""

from __future__ import annotations

import pytest
from web_helpers import contract

from crawlcoach import words
from crawlcoach.contract import Analysis
from crawlcoach.vocabulary import Certainty
from crawlcoach.web.videos.presentation import (
    UNREADABLE,
    balance_cards,
    confidence,
    result_context,
)


def _with(direction: str, sure: float | None, coverage: float = 0.93) -> Analysis:
    result = contract()
    result["quality"]["pose_coverage"] = coverage
    result["locomotion"]["dominant_direction"] = direction
    if sure is None:
        del result["locomotion"]["direction_confidence"]
    else:
        result["locomotion"]["direction_confidence"] = sure
    return Analysis.from_dict(result)


@pytest.mark.parametrize(
    ("sure", "level", "certain"),
    [
        (0.85, "High", Certainty.HIGH),
        (0.45, "Medium", Certainty.MEDIUM),
        (0.1, "Low", Certainty.LOW),
    ],
)
def test_the_direction_certainty_sets_the_level_and_the_words(
    sure: float, level: str, certain: Certainty
) -> None:
    shown = confidence(_with("forward", sure))
    assert shown["level"] == level
    assert shown["direction"] == words.certainty_sentence(certain, "direction")


def test_a_still_baby_is_described_as_still_not_as_a_direction() -> None:
    shown = confidence(_with("stationary", 0.2))
    assert shown["direction"] == words.certainty_sentence(Certainty.LOW, "stillness")
    assert "direction" not in shown["direction"]


def test_little_coverage_caps_the_level_whatever_the_direction() -> None:
    assert confidence(_with("forward", 0.95, coverage=0.6))["level"] == "Medium"
    assert confidence(_with("forward", 0.95, coverage=0.3))["level"] == "Low"


def test_an_analysis_stored_before_the_direction_confidence_falls_back_to_its_bouts() -> None:
    shown = confidence(_with("forward", None))  # bouts at 0.9 and 0.7
    assert shown["level"] == "High"


def test_nothing_is_said_about_an_unknown_direction() -> None:
    assert confidence(_with("unknown", 0.0))["direction"] == ""


def test_the_cards_use_the_word_list() -> None:
    context = result_context(contract())
    limbs = {card.title: card.value for card in context["limb_cards"]}
    assert limbs == {"Left arm": "Takes part", "Right arm": "Takes part", "Left leg": "Takes part",
                     "Right leg": "Hardly used"}  # fmt: skip
    assert context["legend"][0] == ("forward", "Forward")
    assert context["timeline"][1].label == "Backward, on the tummy (commando)"


@pytest.mark.parametrize("stored", [{"locomotion": "broken"}, [1, 2], {**contract(), "schema": 2}])
def test_a_stored_result_that_is_not_an_analysis_shows_calmly(stored: object) -> None:
    context = result_context(stored)  # type: ignore[arg-type]
    assert context["confidence"]["level"] == "Low"
    assert context["confidence"]["problems"] == [UNREADABLE]
    assert context["timeline"] == []


@pytest.mark.parametrize(
    ("index", "flag", "value"),
    [(0.58, False, "No clear difference"), (0.95, False, "No clear difference"),
     (0.3, True, "One side does more"), (None, False, "Could not tell")],
)  # fmt: skip
def test_left_and_right_is_said_in_plain_words(index: float | None, flag: bool, value: str) -> None:
    result = contract()
    result["limbs"]["symmetry_index"] = index
    result["limbs"]["asymmetry_flag"] = flag
    card = balance_cards(Analysis.from_dict(result))[0]
    assert card.value == value
    # no bare index beside a word it can contradict ("symmetry 0.58" next to "Even")
    assert "symmetry" not in card.detail and "1 is even" not in card.detail


def test_the_page_says_each_note_in_the_word_lists_sentence() -> None:
    from crawlcoach.notes import note
    from crawlcoach.vocabulary import NoteCode

    made = note(NoteCode.SIDES_NOT_SEEN_TOGETHER, seen_together={"arms": 0.3}, needed=0.5)
    result = contract()
    # as an older version of the sentence was stored: the page says today's
    result["quality"]["notes"] = [made.to_dict() | {"text": "left and right arms (30%) ..."}]
    result["quality"]["problems"] = ["left and right arms (30%) ... coordination not judged"]
    shown = confidence(Analysis.from_dict(result))["problems"]
    assert shown == [made.text]
    assert "30" not in shown[0]
