"""The body held in each style, as the analysis will see it.

All positions are for the baby's LEFT side in the body frame (metres; x toward the head along the
floor, y to the baby's left, z up; origin on the floor under the trunk centre). The right side is
the mirror image. What each style looks like:

- hands_and_knees: trunk roughly horizontal at knee-to-hip height behind and arm length in front
  (shoulders above hips), wrists on the floor under the shoulders, knees on the floor under the
  hips, shins and feet lying on the floor behind the knees. Hands and knees step.
- belly: shoulders and hips at the floor (a few cm up), head lifted; hands reach ahead and pull with
  elbows out; legs lie behind and push with the knees flexing out sideways (frog-like).
- bear: hands and feet on the floor, knees nearly straight, hips highest, head low.
- bottom_scoot: sitting upright on the bottom, trunk nearly vertical, legs in front with knees up;
  the heels plant and the bottom slides toward them, the trunk leans with each push; the arms are
  free and swing.
- crab: propped on straight arms with the hips on the floor and legs trailing; the hands push the
  body backward (and a little sideways); the legs only kick a little.
- rolling: lying stretched out, the body turns about its long axis and travels sideways, arms
  overhead, legs straight; limbs only wave.
- walking: upright on the feet, trunk vertical, feet alternate; arms in a high guard or low,
  swinging only a little.
- none: prone propped on the forearms (the only variant that may pivot) or sitting; limbs fidget.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

import numpy as np

from crawlcoach.synth.body import BodyDims
from crawlcoach.synth.scenario import Style

LimbMode = Literal["step", "knee", "wave"]  # planted end that steps / knee planted / free limb


def _unit(*v: float) -> np.ndarray:
    a = np.array(v, dtype=float)
    return a / np.linalg.norm(a)


@dataclass(frozen=True)
class Posture:
    shoulder_centre: np.ndarray
    hip_centre: np.ndarray
    head_dir: np.ndarray  # shoulder centre -> head centre
    face: np.ndarray  # where the face points
    arm_mode: LimbMode
    wrist: np.ndarray  # neutral left wrist
    elbow_hint: np.ndarray  # which way the left elbow bends
    hand_dir: np.ndarray | None  # left hand, wrist -> fingers; None: along the forearm
    arm_lift: float  # swing height (step) or wave amplitude (wave), metres
    leg_mode: LimbMode
    leg_end: np.ndarray  # neutral left knee ("knee" mode) or ankle
    knee_hint: np.ndarray
    shank_dir: np.ndarray  # "knee" mode: knee -> ankle
    foot_dir: np.ndarray  # heel -> toes
    sole: np.ndarray  # which way the sole faces
    leg_lift: float
    duty: float = 0.6  # share of each cycle a stepping limb is planted
    rock_shoulders: np.ndarray = field(default_factory=lambda: np.zeros(3))  # sway when still
    rock_hips: np.ndarray = field(default_factory=lambda: np.zeros(3))
    lean_with_legs: float = 0.0  # metres the shoulders lean forward with each leg push


def _trunk(d: BodyDims, shoulder_z: float, hip_z: float, lean_x: float | None = None) -> tuple:
    """Shoulder and hip centres at the given heights, centred over the origin."""
    dz = shoulder_z - hip_z
    dx = np.sqrt(max(d.trunk**2 - dz**2, (0.15 * d.trunk) ** 2)) if lean_x is None else lean_x
    return np.array([dx / 2, 0.0, shoulder_z]), np.array([-dx / 2, 0.0, hip_z])


def posture_for(style: Style, d: BodyDims, variant: int) -> Posture:
    """The neutral posture of ``style``; ``variant`` picks between the forms a style can take."""
    sh, hh = d.shoulder_half, d.hip_half
    if style == "hands_and_knees":
        s, h = _trunk(d, 0.95 * d.arm + 0.01, 0.93 * d.thigh + 0.015)
        return Posture(
            s, h, _unit(0.87, 0, 0.5), _unit(1, 0, -0.2),
            "step", np.array([s[0] + 0.02, sh + 0.01, 0.015]), _unit(-1, 0.3, 0),
            _unit(1, 0.2, 0), 0.035,
            "knee", np.array([h[0] + 0.01, hh + 0.015, 0.015]), _unit(1, 0, 0),
            _unit(-1, 0.08, 0.12), _unit(-1, 0, 0.3), _unit(0, 0, 1), 0.02,
            rock_shoulders=np.array([0.03, 0, 0]), rock_hips=np.array([0.03, 0, 0.005]),
        )  # fmt: skip
    if style == "belly":
        s, h = _trunk(d, 0.06, 0.045)
        return Posture(
            s, h, _unit(1, 0, 0.8), _unit(1, 0, -0.1),
            "step", np.array([s[0] + 0.09, sh + 0.05, 0.015]), _unit(0, 1, -0.6),
            _unit(1, 0.1, 0), 0.025,
            "step", np.array([h[0] - 0.15, hh + 0.04, 0.02]), _unit(0.2, 1, -0.3),
            np.zeros(3), _unit(-1, 0, -0.3), _unit(-0.3, 0, 1), 0.01, duty=0.65,
            rock_shoulders=np.array([0, 0, 0.02]),
        )  # fmt: skip
    if style == "bear":
        foot = np.array([0.0, hh + 0.03, 0.025])
        hip_z = foot[2] + np.sqrt((0.97 * d.leg) ** 2 - 0.02**2 - 0.03**2)
        s, h = _trunk(d, 0.95 * d.arm + 0.01, hip_z)
        return Posture(
            s, h, _unit(1, 0, 0.1), _unit(1, 0, -0.6),
            "step", np.array([s[0] + 0.02, sh + 0.015, 0.015]), _unit(-1, 0.3, 0),
            _unit(1, 0.2, 0), 0.04,
            "step", foot + np.array([h[0] - 0.02, 0, 0]), _unit(1, 0.2, 0),
            np.zeros(3), _unit(1, 0.15, -0.1), _unit(0, 0, -1), 0.045,
            rock_shoulders=np.array([0.02, 0, 0]), rock_hips=np.array([0.02, 0, 0]),
        )  # fmt: skip
    if style == "bottom_scoot" or (style == "none" and variant == 1):
        lean = np.radians(12)
        h = np.array([0.0, 0.0, 0.05])
        s = h + d.trunk * np.array([np.sin(lean), 0, np.cos(lean)])
        shift = np.array([(s[0] + h[0]) / 2, 0, 0])
        s, h = s - shift, h - shift
        still = style == "none"
        return Posture(
            s, h, _unit(0.1, 0, 1), _unit(1, 0, 0 if still else -0.1),
            "wave", np.array([s[0] + 0.08, sh + 0.07, s[2] - 0.14]), _unit(-0.3, 1, -0.5),
            None, 0.04,
            "wave" if still else "step", np.array([h[0] + 0.16, hh + 0.025, 0.03]),
            _unit(0.3, 0.3, 1), np.zeros(3), _unit(0.3, 0.1, 1), _unit(1, 0, -0.2), 0.025,
            duty=0.55, rock_shoulders=np.array([0.02, 0, 0]), lean_with_legs=0.0 if still else 0.03,
        )  # fmt: skip
    if style == "crab":
        s, h = _trunk(d, 0.95 * d.arm + 0.01, 0.06)
        return Posture(
            s, h, _unit(1, 0, 0.9), _unit(1, 0, -0.2),
            "step", np.array([s[0] + 0.03, sh + 0.02, 0.015]), _unit(-1, 0.3, 0),
            _unit(1, 0.2, 0), 0.03,
            "wave", np.array([h[0] - 0.18, hh + 0.02, 0.025]), _unit(0, 0.5, 1),
            np.zeros(3), _unit(-1, 0, -0.2), _unit(0, 0, 1), 0.03,
            rock_shoulders=np.array([0.02, 0, 0.01]),
        )  # fmt: skip
    if style == "rolling":
        # prone at roll 0, about an axis on the floor; the generator rolls and lifts it
        s, h = np.array([d.trunk / 2, 0, 0]), np.array([-d.trunk / 2, 0, 0])
        return Posture(
            s, h, _unit(1, 0, 0), _unit(0.3, 0, -1),
            "wave", np.array([s[0] + 0.15, sh + 0.03, 0.0]), _unit(0, 1, 0.5), None, 0.04,
            "wave", np.array([h[0] - 0.19, hh + 0.005, 0.0]), _unit(0, 0, -1),
            np.zeros(3), _unit(-1, 0, 0), _unit(0, 0, 1), 0.03,
        )  # fmt: skip
    if style == "walking":
        foot = np.array([0.0, hh + 0.035, 0.025])
        hip_z = foot[2] + np.sqrt((0.96 * d.leg) ** 2 - 0.035**2)
        h = np.array([-0.005, 0, hip_z])
        s = h + np.array([0.01, 0, d.trunk])
        high_guard = variant == 0
        wrist = (np.array([s[0] + 0.05, sh + 0.08, s[2] - 0.02]) if high_guard
                 else np.array([s[0] + 0.03, sh + 0.04, s[2] - 0.17]))  # fmt: skip
        return Posture(
            s, h, _unit(0.05, 0, 1), _unit(1, 0, 0),
            "wave", wrist, _unit(-0.3, 1, -1) if high_guard else _unit(-1, 0, 0), None, 0.025,
            "step", foot, _unit(1, 0, 0), np.zeros(3), _unit(1, 0.15, 0), _unit(0, 0, -1), 0.04,
            rock_shoulders=np.array([0, 0.01, 0]), rock_hips=np.array([0, 0.01, 0]),
        )  # fmt: skip
    # none, prone propped on the forearms
    s, h = _trunk(d, 0.1, 0.045)
    return Posture(
        s, h, _unit(1, 0, 0.9), _unit(1, 0, -0.1),
        "step", np.array([s[0] + 0.10, sh + 0.02, 0.015]), _unit(-0.5, 0, -1),
        _unit(1, 0, 0), 0.02,
        "wave", np.array([h[0] - 0.19, hh + 0.02, 0.02]), _unit(0, 0, 1),
        np.zeros(3), _unit(-1, 0, -0.2), _unit(0, 0, 1), 0.03,
        rock_shoulders=np.array([0, 0, 0.02]),
    )  # fmt: skip
