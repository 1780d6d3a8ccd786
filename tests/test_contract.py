import copy

import pytest

from crawlcoach import contract
from crawlcoach.contract import Analysis, ContractError
from crawlcoach.vocabulary import Certainty, Direction


def test_a_failed_analysis_is_a_valid_contract_object() -> None:
    result = contract.failed_analysis("x.mp4", "not_a_video", "x.mp4 is not a video", 0.01)
    assert contract.check(result) == []
    assert result["error"] == {"kind": "not_a_video", "message": "x.mp4 is not a video"}
    assert result["quality"]["usable"] is False
    assert Analysis.from_dict(result) == Analysis.failed(
        "x.mp4", "not_a_video", "x.mp4 is not a video", 0.01
    )


def test_check_names_what_is_wrong() -> None:
    result = contract.failed_analysis("x.mp4", "k", "m", 0.0)
    result["locomotion"]["dominant_direction"] = "sideways"
    result["limbs"]["left_leg"]["used"] = "yes"
    del result["timing"]["analysis_s"]
    assert contract.check(result) == [
        "locomotion.dominant_direction is 'sideways', expected one of: forward, backward, mixed, "
        "pivoting, stationary, unknown",
        "limbs.left_leg.used is 'yes', expected true, false or null",
        "timing.analysis_s is missing, expected a number of at least 0",
    ]


def test_levels() -> None:
    assert contract.certainty(contract.CONFIDENT) == Certainty.HIGH == "high"
    assert contract.certainty(contract.UNSURE) == "medium"
    assert contract.certainty(contract.UNSURE - 0.01) == "low"


def test_the_contract_rejects_a_confidence_outside_0_to_1() -> None:
    analysis = contract.failed_analysis("x.mp4", "not_a_video", "not a video", 0.1)
    assert contract.check(analysis) == []
    analysis["locomotion"]["direction_confidence"] = 1.5
    assert contract.check(analysis) == [
        "locomotion.direction_confidence is 1.5, expected a number from 0 to 1"
    ]


def _older() -> dict:
    """An analysis as stored before the optional fields were added."""
    analysis = contract.failed_analysis("old.mp4", "k", "m", 1.0)
    analysis["error"] = None
    analysis["quality"]["usable"] = True
    del analysis["locomotion"]["direction_confidence"]
    analysis["locomotion"]["bouts"] = [
        {"start_s": 0, "end_s": 4.5, "direction": "forward", "style": "belly", "confidence": 0.8}
    ]
    return analysis


def test_an_older_analysis_without_the_added_fields_reads_back_as_it_was() -> None:
    stored = _older()
    analysis = Analysis.from_dict(stored)
    assert analysis.locomotion.direction_confidence is None
    assert analysis.locomotion.bouts[0].direction == Direction.FORWARD
    assert analysis.locomotion.bouts[0].distance_body_lengths is None
    assert analysis.limbs.asymmetry_confidence is None
    assert analysis.to_dict() == stored


def test_recorded_on_is_read_at_the_top_or_in_the_video() -> None:
    stored = _older()
    stored["video"]["recorded_on"] = "2026-03-01"
    assert str(Analysis.from_dict(stored).recorded_on) == "2026-03-01"
    stored["recorded_on"] = "last tuesday"
    with pytest.raises(ContractError, match="recorded_on is 'last tuesday', expected a date"):
        Analysis.from_dict(stored)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ([1, 2], "the analysis is [1, 2], expected a JSON object"),
        ("analysis", "the analysis is 'analysis', expected a JSON object"),
        (
            {"schema": "other/2", "video": 1},
            "schema is 'other/2', expected 'crawlcoach.analysis/1': not a crawlcoach analysis",
        ),
        (
            {"name": "x"},
            "schema is missing, expected 'crawlcoach.analysis/1': not a crawlcoach analysis",
        ),
    ],
)
def test_foreign_input_is_one_clear_error(value: object, message: str) -> None:
    with pytest.raises(ContractError) as caught:
        Analysis.from_dict(value)
    assert caught.value.problems == (message,)  # one problem: the rest means nothing
    assert caught.value.kind == "not_an_analysis"


def test_a_broken_section_is_named_once_not_field_by_field() -> None:
    stored = _older()
    stored["limbs"] = [1, 2]
    assert contract.check(stored) == ["limbs is [1, 2], expected a JSON object"]
    del stored["limbs"]
    assert contract.check(copy.deepcopy(stored)) == ["limbs is missing, expected a JSON object"]
