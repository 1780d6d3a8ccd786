from crawlcoach import contract
from crawlcoach.contract import Analysis
from crawlcoach.guidance import assess
from crawlcoach.report.text import summarize
from crawlcoach.web.videos.presentation import limb_cards


def test_a_failure_says_why() -> None:
    text = summarize(
        contract.failed_analysis("clip.mp4", "not_a_video", "clip.mp4: not a video", 0)
    )
    assert text.splitlines() == ["clip.mp4", "  could not analyse: clip.mp4: not a video"]


def analysis() -> dict:
    result = contract.failed_analysis("baby.mp4", "x", "x", 1.0)
    result["error"] = None
    result["video"].update(duration_s=12.0, fps=30.0, width=1080, height=1920)
    result["quality"] = {"pose_coverage": 0.9, "usable": True, "problems": ["a note"]}
    result["locomotion"].update(
        crawling=True,
        dominant_direction="backward",
        direction_confidence=0.72,
        dominant_style="hands_and_knees",
        seconds={"forward": 1.0, "backward": 8.0, "pivoting": 0.0, "stationary": 3.0},
    )
    for limb in ("left_arm", "right_arm", "left_leg", "right_leg"):
        result["limbs"][limb] = {"used": True}
    return result


def test_the_summary_says_what_was_measured_in_plain_words() -> None:
    text = summarize(analysis())
    assert "mostly: backward (high certainty, 0.72); style: on hands and knees" in text
    assert "backward 8.0 s" in text
    assert "left leg takes part" in text
    assert "note: a note" in text


def test_a_limb_seen_and_barely_used_reads_as_on_the_web_page() -> None:
    result = analysis()
    result["limbs"]["left_leg"] = {"used": False}
    result["limbs"]["right_arm"] = {"used": None}
    text = summarize(result)
    assert "left leg hardly used" in text  # not "not seen": it was seen
    assert "right arm could not tell" in text
    cards = {c.title: c.value for c in limb_cards(Analysis.from_dict(result))}
    assert cards["Left leg"].lower() == "hardly used"
    assert cards["Right arm"].lower() == "could not tell"


def test_nothing_judged_says_so_once() -> None:
    text = summarize(contract.failed_analysis("clip.mp4", "x", "x", 0) | {"error": None})
    assert "arms and legs: could not tell" in text
    assert "mostly: could not tell; style: could not tell" in text


def test_the_assessment_shows_activity_titles_not_ids() -> None:
    result = analysis()
    result["assessment"] = assess("2026-02-01", today="2026-11-24", analyses=[result]).as_contract()
    text = summarize(result)
    plan = result["assessment"]["plan"]
    assert plan and all(activity["title"] in text for activity in plan)
    assert not any(activity["id"] in text for activity in plan)
