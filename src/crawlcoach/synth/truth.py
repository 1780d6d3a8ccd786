"""What the analysis should report for a scenario: ``truth_for``."""

from __future__ import annotations

from crawlcoach.synth.choices import choices_for
from crawlcoach.synth.scenario import LIMB_NAMES, Direction, Scenario, Truth, TruthBout
from crawlcoach.synth.trajectory import travel_angle_deg

UNUSED_BELOW = 0.2  # limb_use under this is "not used"
ASYMMETRIC_FROM = 0.5  # a left/right difference in limb_use of this much is asymmetric
MIN_TRAVEL_S = 1.0  # less travel than this in the whole clip counts as staying put
DOMINANT_SHARE = 0.7  # one direction needs this share of the travel time to dominate
NO_CRAWL_PATTERN = ("rolling", "walking", "none")  # styles without an interlimb crawl pattern


def truth_for(scenario: Scenario) -> Truth:
    """The labels of a scenario.

    - bouts: one per run of segments with the same direction (stationary ones included), with the
      travel angle relative to the heading (see ``TruthBout.travel_angle_deg``);
    - dominant_direction: "stationary" if the clip travels (forward, backward or pivoting) for
      less than 1 s in all; otherwise the direction with at least 70% of the travel time, else
      "mixed";
    - crawling: a crawling style (not walking, not none) that translates (forward or backward)
      for at least 1 s; pivoting in place alone is not crawling;
    - limb_used: limb_use >= 0.2; asymmetric: a left/right pair differs by >= 0.5;
    - pattern: the scenario's pattern when the clip translates (forward or backward) for at
      least 1 s, None when it does not (pivoting in place alone has no pattern to judge) or when
      the style has no crawl pattern (rolling, walking, none).
    """
    sideways = choices_for(scenario).sideways_deg
    bouts: list[TruthBout] = []
    start = 0.0
    seconds: dict[Direction, float] = dict.fromkeys(
        ("forward", "backward", "pivoting", "stationary"), 0.0
    )
    for seg in scenario.segments:
        end = start + seg.duration_s
        seconds[seg.direction] += seg.duration_s
        if bouts and bouts[-1].direction == seg.direction:
            bouts[-1] = TruthBout(bouts[-1].start_s, end, seg.direction, scenario.style,
                                  bouts[-1].travel_angle_deg)  # fmt: skip
        else:
            angle = travel_angle_deg(seg.direction, sideways)
            bouts.append(TruthBout(start, end, seg.direction, scenario.style, angle))
        start = end
    travel = {d: seconds[d] for d in ("forward", "backward", "pivoting")}
    total = sum(travel.values())
    top = max(travel, key=lambda d: travel[d])
    if total < MIN_TRAVEL_S:
        dominant = "stationary"
    else:
        dominant = top if travel[top] >= DOMINANT_SHARE * total else "mixed"
    use = scenario.limb_use
    translates = seconds["forward"] + seconds["backward"] >= MIN_TRAVEL_S
    return Truth(
        bouts=tuple(bouts),
        dominant_direction=dominant,  # type: ignore[arg-type]
        dominant_style=scenario.style,
        crawling=scenario.style not in ("walking", "none") and translates,
        limb_used={name: use[name] >= UNUSED_BELOW for name in LIMB_NAMES},
        asymmetric=abs(use["left_arm"] - use["right_arm"]) >= ASYMMETRIC_FROM
        or abs(use["left_leg"] - use["right_leg"]) >= ASYMMETRIC_FROM,
        pattern=scenario.pattern if translates and scenario.style not in NO_CRAWL_PATTERN else None,
        seconds=seconds,
    )
