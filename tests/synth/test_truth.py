"""``truth_for``: the labels the analysis is scored against."""

from __future__ import annotations

from crawlcoach.synth import LIMB_NAMES, Scenario, Segment, generate, truth_for


def _seg(*parts: tuple[float, str]) -> tuple[Segment, ...]:
    return tuple(Segment(d, x) for d, x in parts)  # type: ignore[arg-type]


def test_bouts_merge_equal_neighbours_and_carry_the_travel_angle() -> None:
    s = Scenario(segments=_seg((2, "forward"), (1, "forward"), (2, "stationary"), (3, "backward")))
    truth = truth_for(s)
    assert [(b.start_s, b.end_s, b.direction) for b in truth.bouts] == [
        (0.0, 3.0, "forward"), (3.0, 5.0, "stationary"), (5.0, 8.0, "backward")
    ]  # fmt: skip
    assert [b.travel_angle_deg for b in truth.bouts] == [0.0, None, 180.0]
    assert all(b.style == "hands_and_knees" for b in truth.bouts)
    assert truth.seconds == {"forward": 3.0, "backward": 3.0, "pivoting": 0.0, "stationary": 2.0}
    assert truth.dominant_direction == "mixed"


def _dominant(*parts: tuple[float, str]) -> str:
    return truth_for(Scenario(segments=_seg(*parts))).dominant_direction


def test_dominant_direction_counts_only_travel() -> None:
    assert _dominant((5, "stationary"), (3, "forward")) == "forward"
    assert _dominant((6, "stationary"), (0.5, "forward")) == "stationary"
    assert _dominant((7, "backward"), (2, "forward")) == "backward"
    assert _dominant((4, "pivoting")) == "pivoting"


def test_crawling_needs_a_crawling_style_that_translates() -> None:
    assert truth_for(Scenario(style="belly")).crawling
    assert truth_for(Scenario(style="rolling")).crawling
    assert not truth_for(Scenario(style="walking")).crawling
    assert not truth_for(Scenario(style="none", segments=_seg((4, "stationary")))).crawling
    assert not truth_for(Scenario(segments=_seg((4, "pivoting")))).crawling


def test_limb_use_and_asymmetry_thresholds() -> None:
    use = dict.fromkeys(LIMB_NAMES, 1.0)
    t = truth_for(Scenario(limb_use={**use, "right_leg": 0.1}))
    assert t.limb_used == {
        "left_arm": True,
        "right_arm": True,
        "left_leg": True,
        "right_leg": False,
    }
    assert t.asymmetric
    assert truth_for(Scenario(limb_use={**use, "left_arm": 0.4})).asymmetric  # used, but less
    assert truth_for(Scenario(limb_use={**use, "left_arm": 0.4})).limb_used["left_arm"]
    assert not truth_for(Scenario(limb_use={**use, "left_arm": 0.7})).asymmetric
    both = truth_for(Scenario(limb_use={**use, "left_leg": 0.0, "right_leg": 0.0}))
    assert not both.asymmetric and not both.limb_used["left_leg"]


def test_pattern_only_where_there_is_crawl_travel() -> None:
    assert truth_for(Scenario(pattern="lateral")).pattern == "lateral"
    assert truth_for(Scenario(segments=_seg((5, "stationary")))).pattern is None
    assert truth_for(Scenario(segments=_seg((5, "pivoting")))).pattern is None
    assert truth_for(Scenario(style="walking")).pattern is None
    assert truth_for(Scenario(style="rolling")).pattern is None


def test_sideways_travel_of_rolling_and_crab_is_labelled() -> None:
    roll = truth_for(Scenario(style="rolling", seed=3)).bouts[0].travel_angle_deg
    crab = truth_for(Scenario(style="crab", segments=_seg((5, "backward")), seed=3))
    assert roll is not None and abs(roll) == 90.0
    angle = crab.bouts[0].travel_angle_deg
    assert angle is not None and 140.0 <= abs(angle) <= 170.0


def test_generate_and_truth_for_agree() -> None:
    s = Scenario(style="crab", segments=_seg((3, "backward"), (2, "stationary")), seed=11)
    assert generate(s).truth == truth_for(s)
