from crawlcoach import contract


def test_a_failed_analysis_is_a_valid_contract_object() -> None:
    result = contract.failed_analysis("x.mp4", "not_a_video", "x.mp4 is not a video", 0.01)
    assert contract.check(result) == []
    assert result["error"] == {"kind": "not_a_video", "message": "x.mp4 is not a video"}
    assert result["quality"]["usable"] is False


def test_check_names_what_is_wrong() -> None:
    result = contract.failed_analysis("x.mp4", "k", "m", 0.0)
    result["locomotion"]["dominant_direction"] = "sideways"
    result["limbs"]["left_leg"]["used"] = "yes"
    del result["timing"]["analysis_s"]
    wrong = contract.check(result)
    assert "locomotion.dominant_direction unknown" in wrong
    assert "limbs.left_leg.used is not bool or null" in wrong
    assert "timing.analysis_s missing" in wrong


def test_levels() -> None:
    assert contract.certainty(contract.CONFIDENT) == "high"
    assert contract.certainty(contract.UNSURE) == "medium"
    assert contract.certainty(contract.UNSURE - 0.01) == "low"


def test_the_contract_rejects_a_confidence_outside_0_to_1() -> None:
    analysis = contract.failed_analysis("x.mp4", "not_a_video", "not a video", 0.1)
    assert contract.check(analysis) == []
    analysis["locomotion"]["direction_confidence"] = 1.5
    assert "locomotion.direction_confidence not in 0..1" in contract.check(analysis)
