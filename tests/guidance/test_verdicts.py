"""The verdict and its reasons over ages, analyses and what parents report."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

import pytest

from crawlcoach.contract import Analysis, Quality, failed_analysis
from crawlcoach.guidance import OBSERVATIONS, Assessment, GuidanceInputError, assess
from crawlcoach.guidance.vocabulary import LEVELS

BORN = date(2024, 1, 1)  # as in conftest.py
AtMonths = Callable[[float], date]
MakeAnalysis = Callable[..., dict[str, Any]]


def reason_ids(assessment: Assessment) -> set[str]:
    return {r.id for r in assessment.reasons}


def days_after(days: int) -> date:
    return BORN + timedelta(days=days)


# --- age windows, from the age alone --------------------------------------------------------


@pytest.mark.parametrize(
    ("days", "reason"),
    [
        (60, "before_crawling_window"),
        (158, "before_crawling_window"),  # 5.19 months
        # with no video and no report nothing is assumed about crawling
        (159, "crawling_window_now"),  # 5.22 months: the WHO window opens at 5.2
        (300, "crawling_window_now"),
        (410, "crawling_window_now"),  # 13.47 months
        (411, "some_never_crawl"),  # 13.50+ months: past the 99th percentile of 13.5
        (600, "some_never_crawl"),
    ],
)
def test_crawling_window_edges(days: int, reason: str) -> None:
    result = assess(BORN, today=days_after(days))
    assert reason in reason_ids(result)
    assert result.verdict == "typical"  # not crawling is never a concern by itself


@pytest.mark.parametrize(
    ("days", "verdict"),
    [(300, "typical"), (365, "typical"), (366, "talk_to_doctor"), (500, "talk_to_doctor")],
)
def test_not_moving_counts_from_about_12_months(days: int, verdict: str) -> None:
    # 12 months = 365.25 days
    result = assess(BORN, today=days_after(days), observations=["not_moving"])
    assert result.verdict == verdict
    assert ("no_floor_movement" in reason_ids(result)) is (verdict == "talk_to_doctor")


def test_tummy_time_for_babies_not_yet_moving(at_months: AtMonths) -> None:
    young = assess(BORN, today=at_months(3))
    assert "tummy_time" in reason_ids(young)
    crawling = assess(BORN, today=at_months(9), observations=["moves_forward"])
    assert "tummy_time" not in reason_ids(crawling)
    assert "tummy_time" not in reason_ids(assess(BORN, today=at_months(14)))


# --- parent reports -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("months", "observations", "verdict", "reason"),
    [
        (4, ["lost_skills"], "talk_to_doctor", "lost_skills"),
        (20, ["lost_skills"], "talk_to_doctor", "lost_skills"),
        (3, ["stiff"], "talk_to_doctor", "stiff_or_floppy"),
        (7, ["floppy"], "talk_to_doctor", "stiff_or_floppy"),
        (8, ["one_side_less"], "watch", "one_side_reported"),
        (8, ["reaches_with_one_hand"], "watch", "one_side_reported"),
        (11, ["not_bearing_weight"], "typical", "crawling_window_now"),
        (13, ["not_bearing_weight"], "watch", "not_bearing_weight"),
        (8, ["not_sitting"], "typical", "sitting_within_window"),
        (9.05, ["not_sitting"], "watch", "not_sitting_yet"),
        (9.3, ["not_sitting"], "talk_to_doctor", "not_sitting_after_window"),
        (9, ["moves_backward", "on_hands_and_knees"], "typical", "backward_meets_who"),
        (9, ["moves_backward"], "typical", "backward_is_common"),
        (9, ["moves_forward", "on_hands_and_knees"], "typical", "forward_hands_knees"),
        (8, ["belly_crawls"], "typical", "belly_crawling_common"),
        (10, ["bottom_scoots"], "typical", "other_style_fine"),
        (7, ["pivots"], "typical", "pivoting_early_step"),
        (13, ["walks"], "typical", "walking_fine"),
        (14, ["rolls_to_move"], "typical", "some_never_crawl"),
        (14, ["rolls_to_move", "not_moving"], "typical", "other_style_fine"),
    ],
)
def test_parent_reports(
    at_months: AtMonths, months: float, observations: list[str], verdict: str, reason: str
) -> None:
    result = assess(BORN, today=at_months(months), observations=observations)
    assert result.verdict == verdict
    assert reason in reason_ids(result)


def test_observation_words_are_forgiving_about_case_and_dashes(at_months: AtMonths) -> None:
    result = assess(BORN, today=at_months(8), observations=[" One-Side-Less "])
    assert result.observations == ("one_side_less",)


def test_unknown_observation_lists_the_valid_ones(at_months: AtMonths) -> None:
    with pytest.raises(GuidanceInputError, match="'sneezes' is not an observation") as caught:
        assess(BORN, today=at_months(8), observations=["sneezes"])
    assert all(word in str(caught.value) for word in OBSERVATIONS)


# --- what the videos show -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("direction", "style", "verdict", "present", "absent"),
    [
        (
            "backward",
            "hands_and_knees",
            "typical",
            {"backward_is_common", "backward_meets_who", "both_sides_used"},
            {"not_crawling_within_window"},
        ),
        ("mixed", "hands_and_knees", "typical", {"backward_meets_who"}, set()),
        (
            "forward",
            "hands_and_knees",
            "typical",
            {"forward_hands_knees"},
            {"not_crawling_within_window", "tummy_time"},
        ),
        (
            "forward",
            "belly",
            "typical",
            {"belly_crawling_common", "hands_knees_may_follow"},
            {"tummy_time", "not_crawling_within_window"},
        ),
        (
            "backward",
            "belly",
            "typical",
            {"belly_crawling_common", "backward_is_common"},
            {"backward_meets_who"},
        ),
        ("forward", "bottom_scoot", "typical", {"other_style_fine"}, set()),
        ("backward", "crab", "typical", {"other_style_fine", "backward_is_common"}, set()),
        ("forward", "bear", "typical", {"other_style_fine"}, {"forward_hands_knees"}),
        ("pivoting", "belly", "typical", {"pivoting_early_step", "tummy_time"}, set()),
        ("stationary", "none", "typical", {"not_crawling_within_window", "tummy_time"}, set()),
    ],
)
def test_one_video_at_nine_months(
    make_analysis: MakeAnalysis,
    at_months: AtMonths,
    direction: str,
    style: str,
    verdict: str,
    present: set[str],
    absent: set[str],
) -> None:
    result = assess(BORN, today=at_months(9), analyses=[make_analysis(direction, style)])
    assert result.verdict == verdict
    assert present <= reason_ids(result)
    assert not absent & reason_ids(result)
    assert result.videos_used == 1


@pytest.mark.parametrize(
    ("direction", "reports", "present", "absent"),
    [
        ("forward", [], {"hands_knees_either_way"}, {"forward_hands_knees"}),
        ("backward", [], {"hands_knees_either_way"}, {"backward_is_common", "backward_meets_who"}),
        # What the parent saw settles what the video could not.
        ("forward", ["moves_forward"], {"forward_hands_knees"}, {"hands_knees_either_way"}),
        ("backward", ["moves_backward"], {"backward_meets_who"}, {"hands_knees_either_way"}),
    ],
)
def test_a_direction_the_analysis_was_unsure_of_is_not_stated_as_fact(
    make_analysis: MakeAnalysis,
    at_months: AtMonths,
    direction: str,
    reports: list[str],
    present: set[str],
    absent: set[str],
) -> None:
    analysis = make_analysis(direction, "hands_and_knees")
    analysis["locomotion"]["direction_confidence"] = 0.1
    result = assess(BORN, today=at_months(9), analyses=[analysis], observations=reports)
    assert result.verdict == "typical"
    assert present <= reason_ids(result)
    assert not absent & reason_ids(result)


def test_walking_video(make_analysis: MakeAnalysis, at_months: AtMonths) -> None:
    result = assess(BORN, today=at_months(14), analyses=[make_analysis("forward", "walking")])
    assert result.verdict == "typical"
    assert "walking_fine" in reason_ids(result)
    assert "some_never_crawl" not in reason_ids(result)
    assert result.situations == ("walking",)


def test_crawling_seen_in_an_earlier_video_still_counts(
    make_analysis: MakeAnalysis, at_months: AtMonths
) -> None:
    earlier = make_analysis("backward", "hands_and_knees", recorded_on=at_months(8))
    latest = make_analysis("stationary", "none", recorded_on=at_months(8.5))
    result = assess(BORN, today=at_months(9), analyses=[earlier, latest])
    assert "not_crawling_within_window" not in reason_ids(result)


def when(at_months: AtMonths, months: float) -> str:
    return at_months(months).isoformat()


@pytest.mark.parametrize(
    ("videos", "observations", "verdict", "reason"),
    [
        # (recorded at months, limbs not used, asymmetry flag)
        ([(9.0, ("left_leg",), None)], [], "watch", "asymmetry_seen"),
        ([(9.0, (), True)], [], "watch", "asymmetry_seen"),
        (
            [(8.0, ("left_leg",), None), (9.0, ("left_leg",), None)],
            [],
            "talk_to_doctor",
            "one_side_persistent",
        ),
        (
            [(8.8, ("left_leg",), None), (9.0, ("left_leg",), None)],
            [],
            "watch",
            "asymmetry_seen",
        ),  # a week apart: not yet "weeks apart"
        (
            [(8.0, ("right_leg",), None), (9.0, ("left_leg",), None)],
            [],
            "watch",
            "asymmetry_seen",
        ),  # different sides: not one side persisting
        ([(8.0, ("left_leg",), None), (9.0, (), False)], [], "typical", "both_sides_used"),
        (
            [(8.0, ("left_arm",), None), (8.5, (), False), (9.0, ("left_leg",), None)],
            [],
            "talk_to_doctor",
            "one_side_persistent",
        ),
        ([(9.0, ("left_leg",), None)], ["one_side_less"], "talk_to_doctor", "one_side_confirmed"),
        ([(9.0, (), False)], ["one_side_less"], "watch", "one_side_reported"),
    ],
)
def test_asymmetry_over_time(
    make_analysis: MakeAnalysis,
    at_months: AtMonths,
    videos: list[tuple[float, tuple[str, ...], bool | None]],
    observations: list[str],
    verdict: str,
    reason: str,
) -> None:
    analyses = [
        make_analysis("forward", recorded_on=at_months(m), unused=unused, asymmetry=flag)
        for m, unused, flag in videos
    ]
    result = assess(BORN, today=at_months(9.1), analyses=analyses[::-1], observations=observations)
    assert result.verdict == verdict
    assert reason in reason_ids(result)
    if reason == "asymmetry_seen":
        assert result.film_again_in_days == 14


def test_a_limb_reported_still_without_the_analysis_flag_is_no_alarm(
    make_analysis: MakeAnalysis, at_months: AtMonths
) -> None:
    # The analysis weighed that limb and was not sure enough to flag it: no "watch" from us.
    analyses = [
        make_analysis("forward", recorded_on=at_months(m), unused=("left_leg",), asymmetry=False)
        for m in (8.0, 9.0)
    ]
    result = assess(BORN, today=at_months(9.1), analyses=analyses[::-1])
    assert result.verdict == "typical"
    assert not {"asymmetry_seen", "one_side_persistent"} & set(reason_ids(result))


def test_asymmetry_in_undated_videos_is_not_called_persistent(
    make_analysis: MakeAnalysis, at_months: AtMonths
) -> None:
    analyses = [make_analysis(unused=("left_leg",)), make_analysis(unused=("left_leg",))]
    result = assess(BORN, today=at_months(9), analyses=analyses)
    assert result.verdict == "watch"
    assert "asymmetry_seen" in reason_ids(result)


def test_persistent_asymmetry_names_the_days(
    make_analysis: MakeAnalysis, at_months: AtMonths
) -> None:
    analyses = [
        make_analysis(recorded_on=days_after(250), unused=("right_arm",)),
        make_analysis(recorded_on=days_after(271), unused=("right_arm",)),
    ]
    result = assess(BORN, today=days_after(272), analyses=analyses)
    assert "21 days apart" in result.reasons[0].text
    assert "right arm" in result.explanation


@pytest.mark.parametrize(
    ("videos", "observations", "verdict", "reason"),
    [
        ([11.0], [], "typical", "not_crawling_within_window"),
        ([13.0], [], "watch", "still_in_video_after_12"),
        ([12.2, 13.0], [], "talk_to_doctor", "no_floor_movement"),
        ([12.9, 13.0], [], "watch", "still_in_video_after_12"),  # days apart only
        ([12.2, 13.0], ["rolls_to_move"], "typical", "other_style_fine"),
    ],
)
def test_no_floor_movement_in_videos(
    make_analysis: MakeAnalysis,
    at_months: AtMonths,
    videos: list[float],
    observations: list[str],
    verdict: str,
    reason: str,
) -> None:
    analyses = [make_analysis("stationary", "none", recorded_on=at_months(m)) for m in videos]
    result = assess(
        BORN, today=at_months(max(videos) + 0.05), analyses=analyses, observations=observations
    )
    assert result.verdict == verdict
    assert reason in reason_ids(result)


def test_a_moving_video_clears_no_floor_movement(
    make_analysis: MakeAnalysis, at_months: AtMonths
) -> None:
    analyses = [
        make_analysis("forward", "belly", recorded_on=at_months(12.2)),
        make_analysis("stationary", "none", recorded_on=at_months(13)),
    ]
    result = assess(BORN, today=at_months(13.1), analyses=analyses)
    assert result.verdict == "watch"  # the latest video was still: film again
    assert "no_floor_movement" not in reason_ids(result)


# --- unusable and unknown -------------------------------------------------------------------


def test_unusable_videos_are_not_judged(make_analysis: MakeAnalysis, at_months: AtMonths) -> None:
    bad = make_analysis("backward", usable=False, unused=("left_leg",))
    result = assess(BORN, today=at_months(9), analyses=[bad, bad])
    assert result.verdict == "typical"
    assert result.videos_given == 2 and result.videos_used == 0
    assert "could not see enough in the 2 videos" in result.explanation
    assert result.film_again_in_days == 3
    assert result.situations == ("unknown_movement",)


def test_an_analysis_that_measured_nothing_is_not_judged(at_months: AtMonths) -> None:
    # Usable, yet every motion section unknown.
    placeholder = replace(
        Analysis.failed("a.mp4", "x", "x", 0),
        error=None,
        quality=Quality(pose_coverage=0.9, usable=True),
    )
    result = assess(BORN, today=at_months(9), analyses=[placeholder])
    assert result.videos_used == 0
    failed = failed_analysis("a.mp4", "video_damaged", "broken", 0)
    assert assess(BORN, today=at_months(9), analyses=[failed]).videos_used == 0


def test_unknown_limb_use_is_not_called_symmetric(
    make_analysis: MakeAnalysis, at_months: AtMonths
) -> None:
    analysis = make_analysis("forward")
    for limb in ("left_arm", "right_arm", "left_leg", "right_leg"):
        analysis["limbs"][limb]["used"] = None
    analysis["limbs"]["symmetry_index"] = None
    analysis["limbs"]["asymmetry_flag"] = False
    result = assess(BORN, today=at_months(9), analyses=[analysis])
    assert result.videos_used == 1
    assert "both_sides_used" not in reason_ids(result)
    assert "Both arms and both legs" not in result.explanation


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (
            lambda a: a["locomotion"].update(dominant_direction="sideways"),
            r"analysis 1 \(baby\.mp4\), locomotion\.dominant_direction is 'sideways'",
        ),
        (lambda a: a["locomotion"].update(dominant_style="commando"), "dominant_style"),
        (lambda a: a["coordination"].update(pattern="waltz"), "coordination.pattern"),
        (lambda a: a["limbs"].update(left_arm={"used": "yes"}), "limbs.left_arm"),
        (lambda a: a.update(limbs=[1, 2]), r"limbs is \[1, 2\], expected a JSON object"),
        (lambda a: a["locomotion"].update(seconds={"forward": "lots"}), "locomotion.seconds"),
        (lambda a: a["locomotion"].update(direction_confidence=7), "direction_confidence is 7"),
        (
            lambda a: a.update(recorded_on="last tuesday"),
            r"analysis 1 \(baby\.mp4\), recorded_on is 'last tuesday', expected a date",
        ),
        (lambda a: a.update(recorded_on="2023-06-01"), "outside the baby's life"),
        (lambda a: a.update(recorded_on="2030-06-01"), "outside the baby's life"),
    ],
)
def test_malformed_analyses_are_clear_errors(
    make_analysis: MakeAnalysis,
    at_months: AtMonths,
    mutate: Callable[[dict[str, Any]], None],
    message: str,
) -> None:
    analysis = make_analysis()
    mutate(analysis)
    with pytest.raises(GuidanceInputError, match=message):
        assess(BORN, today=at_months(9), analyses=[analysis])


def test_an_analysis_must_be_an_object(at_months: AtMonths) -> None:
    with pytest.raises(GuidanceInputError, match="Analysis 1 is a list"):
        assess(BORN, today=at_months(9), analyses=[[1, 2]])  # type: ignore[list-item]


# --- preterm babies -------------------------------------------------------------------------


def test_preterm_baby_is_judged_by_corrected_age() -> None:
    due = days_after(61)  # about 9 weeks early
    today = days_after(400)  # 13.1 months; corrected about 11.1
    term = assess(BORN, today=today, observations=["not_moving"])
    early = assess(BORN, due=due, today=today, observations=["not_moving"])
    assert term.verdict == "talk_to_doctor"
    assert early.verdict == "typical"
    assert early.age.corrected_age_months == pytest.approx(339 / 30.4375)
    assert "preterm_corrected" in reason_ids(early)
    assert "9 weeks early" in next(r.text for r in early.reasons if r.id == "preterm_corrected")


def test_a_baby_born_at_37_weeks_is_not_corrected() -> None:
    result = assess(BORN, due=days_after(21), today=days_after(300))
    assert result.age.corrected_age_months is None
    assert "preterm_corrected" not in reason_ids(result)


def test_no_correction_after_24_months() -> None:
    result = assess(BORN, due=days_after(70), today=days_after(800))
    assert result.age.corrected_age_months is None
    assert result.as_contract()["corrected_age_months"] is None


# --- the output -----------------------------------------------------------------------------

SCENARIOS: list[tuple[float, list[str], list[tuple[str, str]]]] = [
    (2, [], []),
    (9, ["moves_backward"], [("backward", "hands_and_knees")]),
    (9, ["lost_skills", "stiff"], [("forward", "belly")]),
    (13, ["not_moving", "not_bearing_weight", "not_sitting"], [("stationary", "none")]),
    (16, ["walks"], [("forward", "walking")]),
]


@pytest.mark.parametrize(("months", "observations", "videos"), SCENARIOS)
def test_every_reason_carries_a_source_and_the_contract_is_json(
    make_analysis: MakeAnalysis,
    at_months: AtMonths,
    months: float,
    observations: list[str],
    videos: list[tuple[str, str]],
) -> None:
    result = assess(
        BORN,
        today=at_months(months),
        observations=observations,
        analyses=[make_analysis(d, s) for d, s in videos],
    )
    assert result.reasons
    for reason in result.reasons:
        assert reason.sources, reason.id
        assert all(s.citation for s in reason.sources)
        assert "{" not in reason.text and "}" not in reason.text
    assert [LEVELS.index(r.level) for r in result.reasons] == sorted(
        (LEVELS.index(r.level) for r in result.reasons), reverse=True
    )
    assert result.verdict == result.reasons[0].level
    assert 3 <= len(result.plan) <= 5
    contract = json.loads(json.dumps(result.as_contract()))
    assert {"age_months", "corrected_age_months", "verdict", "reasons", "activities"} <= set(
        contract
    )
    assert contract["verdict"] in LEVELS
    assert contract["reasons"] == [r.text for r in result.reasons]
    assert contract["activities"] == [a.id for a in result.plan]
    assert all(d["sources"] for d in contract["reason_details"])
    assert all(p["sources"] and p["steps"] for p in contract["plan"])
    assert contract["disclaimer"] and contract["explanation"] and contract["watch_for"]
    assert isinstance(contract["film_again_in_days"], int)
    assert contract["age_months"] == pytest.approx(result.age.age_months, abs=0.01)


def test_the_assessment_is_frozen(at_months: AtMonths) -> None:
    result = assess(BORN, today=at_months(9))
    with pytest.raises(AttributeError):
        result.verdict = "watch"  # type: ignore[misc]


def test_explanation_tells_progress_over_time(
    make_analysis: MakeAnalysis, at_months: AtMonths
) -> None:
    analyses = [
        make_analysis("backward", recorded_on=at_months(8), forward_s=1.0),
        make_analysis("mixed", recorded_on=at_months(9), forward_s=6.0),
    ]
    result = assess(BORN, today=at_months(9.1), analyses=analyses)
    assert "forward travel grew from 1 to 6 seconds" in result.explanation
    assert "moved both forward and backward on hands and knees" in result.explanation
    assert result.explanation.count("In the latest video (") == 1


def test_watch_for_includes_next_milestones_and_red_flags(at_months: AtMonths) -> None:
    result = assess(BORN, today=at_months(10), observations=["moves_backward"])
    text = " ".join(result.watch_for)
    assert "by about 12 months most children pull up to standing and walk along" in text
    assert "stops doing something" in text
    assert result.watch_for[0].startswith("First pushes forward")


def test_film_again(make_analysis: MakeAnalysis, at_months: AtMonths) -> None:
    assert assess(BORN, today=at_months(9)).film_again_in_days == 7
    forward = assess(BORN, today=at_months(10), analyses=[make_analysis("forward")])
    assert forward.film_again_in_days == 28
    backward = assess(BORN, today=at_months(10), analyses=[make_analysis("backward")])
    assert backward.film_again_in_days == 14
    assert "14 days" in backward.film_again and "whole body" in backward.film_again


def test_a_single_analysis_dict_is_accepted(
    make_analysis: MakeAnalysis, at_months: AtMonths
) -> None:
    result = assess(BORN, today=at_months(9), analyses=make_analysis("backward"))  # type: ignore[arg-type]
    assert result.videos_used == 1


@pytest.mark.parametrize(
    ("sure", "hedged"), [(0.1, True), (0.45, False), (0.9, False), (None, False)]
)
def test_a_direction_hard_to_tell_is_said_to_be(
    make_analysis: MakeAnalysis, at_months: AtMonths, sure: float | None, hedged: bool
) -> None:
    analysis = make_analysis("backward")
    if sure is not None:
        analysis["locomotion"]["direction_confidence"] = sure
    result = assess(BORN, today=at_months(9), analyses=[analysis])
    assert ("take the direction lightly" in result.explanation) is hedged
    # an unsure direction is never the headline as a fact
    assert result.explanation.startswith(
        "In the latest video your baby moved on hands and knees."
        if hedged
        else "In the latest video your baby moved backward on hands and knees."
    )
    assert ("(it may have moved backward)" in result.explanation) is hedged


def test_what_got_in_the_way_is_passed_on(make_analysis: MakeAnalysis, at_months: AtMonths) -> None:
    bad = make_analysis(usable=False)
    failed = failed_analysis("b.mp4", "no_baby_found", "no baby was found in the video", 1.0)
    result = assess(BORN, today=at_months(9), analyses=[bad, failed])
    assert "What got in the way: Baby too small in the picture. No baby was found" in (
        result.explanation
    )


def test_no_window_reassurance_next_to_the_no_movement_flag(at_months: AtMonths) -> None:
    result = assess(BORN, today=at_months(13), observations=["not_moving"])
    assert reason_ids(result) == {"no_floor_movement"}


# --- the guidance never contradicts the video -------------------------------------------------

NOT_CRAWLING_YET = "not crawling yet"


@pytest.mark.parametrize("months", [4, 6, 9, 12, 13.4, 16])
@pytest.mark.parametrize(
    ("direction", "style"),
    [
        ("forward", "belly"),
        ("backward", "belly"),
        ("mixed", "belly"),
        ("forward", "bottom_scoot"),
        ("backward", "crab"),
        ("forward", "rolling"),
        ("forward", "bear"),
        ("forward", "unknown"),
    ],
)
def test_a_travelling_baby_is_never_told_it_is_not_crawling(
    make_analysis: MakeAnalysis, at_months: AtMonths, months: float, direction: str, style: str
) -> None:
    result = assess(BORN, today=at_months(months), analyses=[make_analysis(direction, style)])
    assert "not_crawling_within_window" not in reason_ids(result)
    assert all(NOT_CRAWLING_YET not in r.text.lower() for r in result.reasons)


@pytest.mark.parametrize("months", [6, 9, 12, 13.4])
def test_without_video_or_report_nothing_is_assumed_about_crawling(
    at_months: AtMonths, months: float
) -> None:
    result = assess(BORN, today=at_months(months))
    assert "crawling_window_now" in reason_ids(result)
    assert all(NOT_CRAWLING_YET not in r.text.lower() for r in result.reasons)
    assert result.verdict == "typical"


def test_a_baby_seen_staying_put_may_hear_it_is_not_crawling_yet(
    make_analysis: MakeAnalysis, at_months: AtMonths
) -> None:
    result = assess(BORN, today=at_months(9), analyses=[make_analysis("stationary", "none")])
    assert "not_crawling_within_window" in reason_ids(result)
