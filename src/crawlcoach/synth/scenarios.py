"""The shared catalogue of synthetic scenarios for tests and the accuracy benchmark.

``named(seed)`` gives every scenario by name; ``standard_suite(seed)`` the same as a list. The seed
varies what a family's phone would vary (heading, speed, cadence, size in the frame, jitter) and
the baby itself, but never the labels: a scenario named "..._forward_..." always travels forward.
Together they cover every style, direction, pattern, view and camera motion, and limb use at four
degrees: 1.0 (full), about 0.7 (a little less: still symmetric), 0.3-0.45 (reduced: used but
asymmetric) and 0.0 (not used: held still and dragged).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, cast

import numpy as np

from crawlcoach.synth.scenario import LIMB_NAMES, LimbName, Scenario, Segment


def _use(**changes: float) -> dict[LimbName, float]:
    use: dict[LimbName, float] = dict.fromkeys(LIMB_NAMES, 1.0)
    use.update(cast(dict[LimbName, float], changes))  # keyword names cannot be typed as limbs
    return use


def _seg(*parts: tuple[float, str]) -> tuple[Segment, ...]:
    return tuple(Segment(d, direction) for d, direction in parts)  # type: ignore[arg-type]


# name -> fields that define it (the labels); the seed adds the rest.
_CATALOGUE: dict[str, dict[str, Any]] = {
    # hands and knees: every direction, view and camera motion
    "hk_forward_side_static": dict(style="hands_and_knees", segments=_seg((8, "forward"))),
    "hk_backward_side_static": dict(style="hands_and_knees", segments=_seg((6, "backward"))),
    "hk_pivoting_above_static": dict(style="hands_and_knees", segments=_seg((5, "pivoting")),
                                     view="above"),
    "hk_stationary_rocking_side": dict(style="hands_and_knees", segments=_seg((6, "stationary"))),
    "hk_forward_front_static": dict(style="hands_and_knees", segments=_seg((6, "forward")),
                                    view="front", body_length_px=70.0),
    "hk_forward_front_retreat": dict(style="hands_and_knees", segments=_seg((8, "forward")),
                                     view="front", camera="retreat"),
    "hk_forward_behind_follow": dict(style="hands_and_knees", segments=_seg((8, "forward")),
                                     view="behind", camera="follow"),
    "hk_backward_behind_static": dict(style="hands_and_knees", segments=_seg((6, "backward")),
                                      view="behind", body_length_px=80.0),
    "hk_forward_side_pan": dict(style="hands_and_knees", segments=_seg((8, "forward")),
                                camera="pan"),
    "hk_forward_side_follow": dict(style="hands_and_knees", segments=_seg((8, "forward")),
                                   camera="follow"),
    "hk_forward_above_shake": dict(style="hands_and_knees", segments=_seg((6, "forward")),
                                   view="above", camera="shake"),
    "hk_mixed_side_follow": dict(style="hands_and_knees", camera="follow",
                                 segments=_seg((3, "forward"), (2, "stationary"), (3, "backward"))),
    "hk_still_then_forward_side": dict(style="hands_and_knees",
                                       segments=_seg((3, "stationary"), (5, "forward"))),
    "hk_pivot_then_forward_above": dict(style="hands_and_knees", view="above",
                                        segments=_seg((3, "pivoting"), (5, "forward"))),
    # coordination patterns
    "hk_lateral_side_static": dict(style="hands_and_knees", segments=_seg((8, "forward")),
                                   pattern="lateral"),
    "hk_synchronous_side_follow": dict(style="hands_and_knees", segments=_seg((8, "forward")),
                                       pattern="synchronous", camera="follow"),
    "hk_irregular_side_static": dict(style="hands_and_knees", segments=_seg((8, "forward")),
                                     pattern="irregular"),
    # belly
    "belly_forward_side_static": dict(style="belly", segments=_seg((8, "forward"))),
    "belly_backward_above_static": dict(style="belly", segments=_seg((6, "backward")),
                                        view="above"),
    "belly_synchronous_front_follow": dict(style="belly", segments=_seg((8, "forward")),
                                           view="front", camera="follow", pattern="synchronous"),
    "belly_irregular_side_pan": dict(style="belly", segments=_seg((8, "forward")),
                                     pattern="irregular", camera="pan"),
    "belly_pivoting_above_static": dict(style="belly", segments=_seg((5, "pivoting")),
                                        view="above"),
    # other styles
    "bear_forward_side_pan": dict(style="bear", segments=_seg((8, "forward")), camera="pan"),
    "bear_forward_behind_static": dict(style="bear", segments=_seg((6, "forward")),
                                       view="behind", body_length_px=80.0),
    "scoot_forward_side_static": dict(style="bottom_scoot", segments=_seg((8, "forward")),
                                      pattern="synchronous"),
    "scoot_forward_front_follow": dict(style="bottom_scoot", segments=_seg((8, "forward")),
                                       view="front", camera="follow"),
    "crab_backward_side_static": dict(style="crab", segments=_seg((6, "backward"))),
    "crab_backward_above_static": dict(style="crab", segments=_seg((6, "backward")),
                                       view="above"),
    "rolling_above_static": dict(style="rolling", segments=_seg((6, "forward")), view="above"),
    "rolling_front_pan": dict(style="rolling", segments=_seg((2, "stationary"), (5, "forward")),
                              view="front", camera="pan"),
    "walking_forward_side_static": dict(style="walking", segments=_seg((6, "forward")),
                                        ),
    "walking_forward_front_retreat": dict(style="walking", segments=_seg((8, "forward")),
                                          view="front", camera="retreat"),
    "none_stationary_side_static": dict(style="none", segments=_seg((6, "stationary"))),
    "none_stationary_front_shake": dict(style="none", segments=_seg((6, "stationary")),
                                        view="front", camera="shake"),
    "none_pivoting_above_static": dict(style="none", segments=_seg((5, "pivoting")),
                                       view="above"),
    # limb use and asymmetry, four degrees
    "hk_left_leg_unused_side": dict(style="hands_and_knees", segments=_seg((8, "forward")),
                                    limb_use=_use(left_leg=0.0)),
    "hk_right_arm_unused_above": dict(style="hands_and_knees", segments=_seg((8, "forward")),
                                      view="above", limb_use=_use(right_arm=0.0)),
    "hk_right_leg_reduced_side_follow": dict(style="hands_and_knees", camera="follow",
                                             segments=_seg((8, "forward")),
                                             limb_use=_use(right_leg=0.35)),
    "hk_left_arm_reduced_front_retreat": dict(style="hands_and_knees", view="front",
                                              camera="retreat", segments=_seg((8, "forward")),
                                              limb_use=_use(left_arm=0.45)),
    "hk_left_arm_slightly_less_side": dict(style="hands_and_knees", segments=_seg((8, "forward")),
                                           limb_use=_use(left_arm=0.7)),
    "belly_left_arm_unused_leg_reduced_behind": dict(style="belly", segments=_seg((8, "forward")),
                                                 view="behind", camera="follow",
                                                 limb_use=_use(left_arm=0.0, left_leg=0.3)),
    "belly_right_leg_unused_side": dict(style="belly", segments=_seg((8, "forward")),
                                        limb_use=_use(right_leg=0.0)),
    "belly_left_leg_reduced_above": dict(style="belly", segments=_seg((8, "forward")),
                                         view="above", limb_use=_use(left_leg=0.3)),
    "belly_arms_only_side_follow": dict(style="belly", segments=_seg((8, "forward")),
                                        camera="follow", pattern="synchronous",
                                        limb_use=_use(left_leg=0.0, right_leg=0.0)),
    "bear_right_leg_slightly_less_side": dict(style="bear", segments=_seg((8, "forward")),
                                              camera="pan", limb_use=_use(right_leg=0.75)),
    # what phones do to the picture
    "hk_forward_noisy_side_follow": dict(style="hands_and_knees", segments=_seg((8, "forward")),
                                         camera="follow", noise_px=4.0, dropout=0.1,
                                         occlusion=0.08, swap=0.05),
    "belly_forward_dropouts_side": dict(style="belly", segments=_seg((8, "forward")),
                                        dropout=0.2, occlusion=0.05),
    "hk_forward_small_far_side": dict(style="hands_and_knees", segments=_seg((8, "forward")),
                                      body_length_px=45.0, camera="pan"),
    "hk_forward_ucf_like_side_shake": dict(style="hands_and_knees", segments=_seg((6, "forward")),
                                           camera="shake", frame_size=(320, 240), fps=25.0,
                                           body_length_px=70.0, noise_px=2.0, occlusion=0.03),
    "belly_forward_portrait_behind": dict(style="belly", segments=_seg((8, "forward")),
                                          view="behind", camera="follow", frame_size=(720, 1280),
                                          fps=30.0, body_length_px=260.0),
}  # fmt: skip


def _vary(rng: np.random.Generator, base: Scenario, fields: dict[str, Any]) -> dict[str, Any]:
    """What the seed changes: everything a family's phone and baby vary, not the labels."""
    width = (fields.get("frame_size") or base.frame_size)[0]
    size = fields.get("body_length_px", width / 640 * rng.uniform(100.0, 150.0))
    walking = fields.get("style") == "walking"
    return {
        "heading_deg": float(rng.uniform(-25.0, 25.0)),
        "speed_body_lengths_per_s": float(rng.uniform(0.3, 0.6)),
        "cycle_hz": float(rng.uniform(1.4, 1.9) if walking else rng.uniform(0.8, 1.3)),
        "body_length_px": float(size * rng.uniform(0.9, 1.1)),
        "noise_px": float(fields.get("noise_px", rng.uniform(1.0, 2.5))),
    }


def named(seed: int = 0) -> dict[str, Scenario]:
    """Every catalogue scenario by name, varied by ``seed`` (the labels never change)."""
    rng = np.random.default_rng(seed)
    out: dict[str, Scenario] = {}
    base = Scenario()
    for i, (name, fields) in enumerate(_CATALOGUE.items()):
        varied = _vary(rng, base, fields)
        fixed = {k: v for k, v in fields.items() if k != "body_length_px"}  # varied around it
        out[name] = replace(base, **{**varied, **fixed, "seed": seed * 1000 + i, "name": name})
    return out


def standard_suite(seed: int = 0) -> list[Scenario]:
    """The catalogue as a list, in a stable order."""
    return list(named(seed).values())
