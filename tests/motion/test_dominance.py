"""How sure the clip's direction is: clear crawls are sure both ways round, thin evidence is
not, and a near-miss of the dominance rule is less clearly "mixed" than an even split."""

from __future__ import annotations

from dataclasses import replace

import pytest
from motion_helpers import catalogue, played_backwards

from crawlcoach import contract
from crawlcoach.contract import CONFIDENT, UNSURE, certainty
from crawlcoach.motion import analyze_motion
from crawlcoach.motion.bouts import Bout
from crawlcoach.motion.dominance import direction_confidence, dominant_direction


def _bout(
    direction: str, seconds: float, net: float, confidence: float, start: float = 0.0
) -> Bout:
    return Bout(
        start_s=start,
        end_s=start + seconds,
        direction=direction,
        start_index=0,
        end_index=1,
        distance_body_lengths=abs(net) * 1.5,
        net_forward_body_lengths=net,
        confidence=confidence,
        sideways=0.0,
        sideways_in_image=0.0,
    )


def test_a_sure_bout_that_makes_little_progress_gives_an_unsure_direction() -> None:
    far = [_bout("forward", 4.0, 2.0, 0.9)]
    barely = [_bout("forward", 4.0, 0.2, 0.9)]
    assert direction_confidence("forward", far, upright=False) == pytest.approx(0.9)
    assert direction_confidence("forward", barely, upright=False) == pytest.approx(0.18)
    assert certainty(0.18) == "low"


def test_backward_bouts_that_cancel_the_progress_lower_the_confidence() -> None:
    alone = [_bout("forward", 4.0, 1.2, 0.8)]
    undone = [*alone, _bout("backward", 1.0, -0.6, 0.8, start=4.0)]
    sure_alone = direction_confidence("forward", alone, upright=False)
    sure_undone = direction_confidence("forward", undone, upright=False)
    assert sure_undone < sure_alone


def test_an_upright_walker_is_judged_by_the_distance_walked() -> None:
    # The trunk axis of a standing child points up: its progress along the heading says nothing.
    walk = [replace(_bout("forward", 3.0, 0.0, 0.7), distance_body_lengths=2.0)]
    assert direction_confidence("forward", walk, upright=True) == pytest.approx(0.7)
    assert direction_confidence("forward", walk, upright=False) == 0.0


def test_an_even_split_is_more_surely_mixed_than_a_near_miss() -> None:
    even = [_bout("forward", 3.0, 1.5, 0.9), _bout("backward", 3.0, -1.5, 0.9, start=3.0)]
    near = [_bout("forward", 4.1, 2.0, 0.9), _bout("backward", 1.9, -1.5, 0.9, start=4.1)]
    seconds_even = {"forward": 3.0, "backward": 3.0, "pivoting": 0.0, "stationary": 0.0}
    assert dominant_direction(seconds_even, False, 0.0, 4.5) == "mixed"
    sure_even = direction_confidence("mixed", even, upright=False)
    sure_near = direction_confidence("mixed", near, upright=False)
    assert sure_even == pytest.approx(0.9)
    assert sure_near < UNSURE < sure_even


def test_unknown_is_never_sure() -> None:
    assert direction_confidence("unknown", [], upright=False) == 0.0
    assert contract.unknown_sections()["locomotion"]["direction_confidence"] == 0.0


@pytest.mark.parametrize(
    "name", ["hk_forward_side_static", "hk_forward_front_static", "bear_forward_behind_static"]
)
def test_a_clear_crawl_is_sure_both_ways_round(name: str) -> None:
    clip = catalogue(name, seed=0)
    ahead = clip.analyse().locomotion
    track, camera = played_backwards(clip.track, clip.camera)
    back = analyze_motion(track, camera_motion=camera).locomotion
    assert ahead.dominant_direction == "forward"
    assert ahead.direction_confidence >= CONFIDENT
    # A clip played backwards is as sure of "backward" as the original of "forward".
    assert back.dominant_direction == "backward"
    assert back.direction_confidence == pytest.approx(ahead.direction_confidence, abs=0.05)
