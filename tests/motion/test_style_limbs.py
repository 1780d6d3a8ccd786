"""Style, limb use and coordination on synthetic clips whose truth is known (``crawlcoach.synth``).

Each case is one the analysis used to get wrong: thighs hanging down seen from behind read as
legs lying flat, the far-side limb's pose jitter read as use, a roll split into half turns.
"""

from __future__ import annotations

import numpy as np
import pytest

from crawlcoach.motion import analyze_motion
from crawlcoach.motion.clean import clean_track
from crawlcoach.motion.posture import measure_posture

synth = pytest.importorskip("crawlcoach.synth")

LIMBS = ("left_arm", "right_arm", "left_leg", "right_leg")


def _analyse(**fields: object) -> dict[str, dict]:
    clip = synth.generate(synth.Scenario(**fields))  # type: ignore[arg-type]
    return analyze_motion(clip.track).contract_sections()


def _use(**changes: float) -> dict[str, float]:
    return {**dict.fromkeys(LIMBS, 1.0), **changes}


@pytest.mark.parametrize("seed", [11, 12])
def test_hands_and_knees_seen_from_behind_is_not_belly(seed: int) -> None:
    # From above and behind, thighs hanging down to the knees project like legs lying flat;
    # the shins trailing about hip width apart and the hands under the shoulders tell.
    loco = _analyse(view="behind", body_length_px=120.0, seed=seed)["locomotion"]
    assert loco["dominant_style"] == "hands_and_knees"


@pytest.mark.parametrize("view", ["side", "above"])
def test_belly_crawl_is_belly_from_the_side_and_above(view: str) -> None:
    # (From behind it mostly reads hands and knees: the safe default when the legs are ambiguous.)
    loco = _analyse(style="belly", view=view, body_length_px=140.0, seed=21)["locomotion"]
    assert loco["dominant_style"] == "belly"


def test_crab_seen_from_the_side() -> None:
    loco = _analyse(style="crab", segments=(synth.Segment(6.0, "backward"),), seed=5)["locomotion"]
    assert loco["dominant_style"] == "crab"


def test_rolling_seen_from_above_is_not_walking() -> None:
    loco = _analyse(style="rolling", view="above", seed=3)["locomotion"]
    assert loco["dominant_style"] == "rolling"


def test_feet_splay_wider_than_the_hips_in_a_belly_crawl_seen_from_above() -> None:
    spreads = {}
    for style in ("belly", "hands_and_knees"):
        clip = synth.generate(synth.Scenario(style=style, view="behind", seed=4))
        posture = measure_posture(clean_track(clip.track))
        ratio = posture.ankle_spread / posture.hip_spread
        spreads[style] = float(np.nanmedian(ratio))
    assert spreads["belly"] > 1.5 > spreads["hands_and_knees"]


@pytest.mark.parametrize("seed", [0, 2])
def test_far_side_leg_not_used_is_found_despite_pose_jitter(seed: int) -> None:
    # The left leg is on the far side in a side view: hidden, so its keypoints jitter three
    # times as much, which used to pass for use.
    limbs = _analyse(limb_use=_use(left_leg=0.0), seed=seed)["limbs"]
    assert limbs["left_leg"]["used"] is False
    assert [limbs[n]["used"] for n in ("left_arm", "right_arm", "right_leg")] == [True] * 3
    assert limbs["asymmetry_flag"] is True


def test_both_legs_dragged_are_not_used_and_not_asymmetric() -> None:
    limbs = _analyse(
        style="belly", pattern="synchronous", limb_use=_use(left_leg=0.0, right_leg=0.0), seed=7
    )["limbs"]
    assert (limbs["left_leg"]["used"], limbs["right_leg"]["used"]) == (False, False)
    assert limbs["left_arm"]["used"] and limbs["right_arm"]["used"]
    assert limbs["asymmetry_flag"] is False


@pytest.mark.parametrize("use", [0.35, 0.7])
def test_a_limb_used_less_is_still_used(use: float) -> None:
    # Reduced use moves in step with the others; only a limb held still and dragged is "not used".
    limbs = _analyse(view="above", limb_use=_use(right_leg=use), seed=9)["limbs"]
    assert all(limbs[n]["used"] for n in LIMBS)


def test_unused_limb_is_left_out_of_coordination_and_the_rest_is_diagonal() -> None:
    out = _analyse(view="above", limb_use=_use(right_arm=0.0), seed=1)
    assert out["limbs"]["right_arm"]["used"] is False
    assert out["coordination"]["pattern"] == "diagonal"
    assert all("right_arm" not in key for key in out["coordination"]["phase_deg"])
