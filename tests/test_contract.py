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
