"""The asymmetry flag is raised only when we are reasonably sure: a false alarm frightens a
parent. A limb called still by a hair, next to a partner that moves hardly more, is no flag; a
leg that does not take part is."""

from __future__ import annotations

import pytest

from crawlcoach.motion import analyze_motion
from crawlcoach.motion.camera import CameraMotion
from crawlcoach.motion.limbs import MIN_FLAG_CONFIDENCE

synth = pytest.importorskip("crawlcoach.synth")
scenarios = pytest.importorskip("crawlcoach.synth.scenarios")


def _limbs(name: str, seed: int) -> dict:
    clip = synth.generate(scenarios.named(seed)[name])
    camera = CameraMotion.from_point_tracks(clip.track.timestamps_s, clip.background_px)
    return analyze_motion(clip.track, camera_motion=camera).limbs


@pytest.mark.parametrize("seed", [0, 6])
def test_one_leg_barely_quieter_than_the_other_is_no_flag(seed: int) -> None:
    # Rolling: both legs trail with little rhythm; one reads 'not used', at the other's level.
    limbs = _limbs("rolling_above_static", seed)
    assert limbs["asymmetry_flag"] is False


@pytest.mark.parametrize("seed", [0, 2, 11])
def test_a_leg_that_takes_no_part_is_flagged(seed: int) -> None:
    limbs = _limbs("hk_left_leg_unused_side", seed)
    assert limbs["left_leg"]["used"] is False
    assert limbs["asymmetry_flag"] is True
    assert limbs["asymmetry_confidence"] >= MIN_FLAG_CONFIDENCE
