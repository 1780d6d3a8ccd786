"""The asymmetry flag is raised only when we are reasonably sure: a false alarm frightens a
parent. A limb called still by a hair, next to a partner that moves hardly more, is no flag; a
leg that does not take part is."""

from __future__ import annotations

import pytest
from motion_helpers import catalogue

from crawlcoach.parameters import LimbParams


@pytest.mark.parametrize("seed", [0, 6])
def test_one_leg_barely_quieter_than_the_other_is_no_flag(seed: int) -> None:
    # Rolling: both legs trail with little rhythm; one reads 'not used', at the other's level.
    limbs = catalogue("rolling_above_static", seed).analyse().limbs
    assert limbs.asymmetry_flag is False


@pytest.mark.parametrize("seed", [0, 2, 11])
def test_a_leg_that_takes_no_part_is_flagged(seed: int) -> None:
    limbs = catalogue("hk_left_leg_unused_side", seed).analyse().limbs
    assert limbs.left_leg.used is False
    assert limbs.asymmetry_flag is True
    assert limbs.asymmetry_confidence >= LimbParams().min_flag_confidence
