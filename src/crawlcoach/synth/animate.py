"""Move the posture of a style through time: trunk sway, stepping limbs, IK, hands, feet, head.

The result is every BlazePose keypoint in the body frame (metres; x toward the head, y to the
baby's left, z up, origin on the floor under the trunk centre). What the limbs do, as the analysis
sees it relative to the trunk:

- a used limb cycles at ``cycle_hz`` while the baby travels: a stepping hand (or knee, or foot)
  stays planted on the floor while the body passes over it, then swings ahead, lifted;
- a free limb (``wave``: a bottom-scooter's arms, a walker's arms, a crab's legs, a roller's limbs)
  swings a few centimetres in time with the same cycle;
- a limb with ``limb_use`` 0 keeps its place relative to the trunk and is dragged along with it;
  in between, its movement shrinks in proportion;
- while the baby stays put the trunk rocks or pushes up and the limbs fidget without a cycle, so
  "limbs move" does not imply "travel".
"""

from __future__ import annotations

import numpy as np

from crawlcoach.pose.keypoints import COUNT, INDEX
from crawlcoach.synth.body import BodyDims
from crawlcoach.synth.gait import smooth_noise, stance_swing
from crawlcoach.synth.postures import Posture
from crawlcoach.synth.trajectory import RootPath

SIDES = (1.0, -1.0, 1.0, -1.0)  # LIMB_NAMES order: left arm, right arm, left leg, right leg
_MIRROR = np.array([[1.0, 1.0, 1.0], [1.0, -1.0, 1.0]])


def _mirror(v: np.ndarray, side: float) -> np.ndarray:
    return v * _MIRROR[0 if side > 0 else 1]


def _unit(v: np.ndarray) -> np.ndarray:
    return v / np.maximum(np.linalg.norm(v, axis=-1, keepdims=True), 1e-9)


def _rotate_z(v: np.ndarray, angle: np.ndarray) -> np.ndarray:
    """Rotate vectors (3,) or (T, 3) about the vertical by per-frame angles (T,)."""
    v = np.broadcast_to(v, (len(angle), 3))
    c, s = np.cos(angle), np.sin(angle)
    return np.stack([c * v[:, 0] - s * v[:, 1], s * v[:, 0] + c * v[:, 1], v[:, 2]], axis=1)


def _rotate_x(points: np.ndarray, angle: np.ndarray) -> np.ndarray:
    """Rotate points (T, K, 3) about the body's long axis by per-frame angles (T,)."""
    c, s = np.cos(angle)[:, None], np.sin(angle)[:, None]
    y, z = points[..., 1], points[..., 2]
    return np.stack([points[..., 0], c * y - s * z, s * y + c * z], axis=-1)


def two_link(
    root: np.ndarray, end: np.ndarray, a: float, b: float, hint: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Middle joint and (reachable) end of a two-segment limb, bending toward ``hint``."""
    d = end - root
    dist = np.linalg.norm(d, axis=-1, keepdims=True)
    u = d / np.maximum(dist, 1e-9)
    dist = np.clip(dist, abs(a - b) + 1e-3, 0.995 * (a + b))
    cos_a = (a * a + dist * dist - b * b) / (2 * a * dist)
    n = hint - np.sum(hint * u, axis=-1, keepdims=True) * u
    n = _unit(n)
    mid = root + a * (cos_a * u + np.sqrt(np.clip(1 - cos_a**2, 0, 1)) * n)
    return mid, root + u * dist


def animate(
    posture: Posture,
    dims: BodyDims,
    path: RootPath,
    phases: np.ndarray,
    use: np.ndarray,
    cycle_hz: float,
    rng: np.random.Generator,
    *,
    rolling: bool = False,
    walking: bool = False,
) -> np.ndarray:
    """(T, 33, 3) keypoints in the body frame, metres."""
    t, act = path.t, path.activity
    n = len(t)
    still = 1.0 - act
    lead = 2 * np.pi * phases[:, 0]
    wobble = np.radians(3.0 if walking else 6.0) * np.sin(lead) * act * (not rolling)
    bob = 0.006 * np.cos(2 * lead) * act * (not rolling)
    trunk_roll = np.radians(4.0) * np.sin(lead) * act * (not rolling)
    rock_hz = rng.uniform(0.5, 1.2)
    rock = np.sin(2 * np.pi * rock_hz * t + rng.uniform(0, 2 * np.pi))
    rock *= (0.65 + 0.35 * smooth_noise(rng, t, 0.2)[:, 0]) * still
    legs_phase = 2 * np.pi * phases[:, 2]

    def trunk_point(p0: np.ndarray, rock_vec: np.ndarray, lean: float) -> np.ndarray:
        p = _rotate_z(p0, wobble)
        p[:, 2] += bob
        p += rock[:, None] * rock_vec[None, :]
        p[:, 0] += lean * np.sin(legs_phase) * act
        if walking:
            p[:, 1] += 0.012 * np.sin(legs_phase) * act
        return p

    shoulder_c = trunk_point(
        posture.shoulder_centre, posture.rock_shoulders, posture.lean_with_legs
    )
    hip_c = trunk_point(posture.hip_centre, posture.rock_hips, 0.0)
    axis = _unit(shoulder_c - hip_c)
    lateral = _rotate_z(np.array([0.0, 1.0, 0.0]), wobble)
    lateral = _unit(lateral - np.sum(lateral * axis, axis=1, keepdims=True) * axis)
    across = np.cross(axis, lateral)
    lateral = np.cos(trunk_roll)[:, None] * lateral + np.sin(trunk_roll)[:, None] * across

    reach, lift = stance_swing(phases, posture.duty)
    fidget = 0.02 * smooth_noise(rng, t, 0.8, count=12).reshape(n, 4, 3) * still[:, None, None]
    fidget[..., 2] = np.abs(fidget[..., 2])
    kp = np.full((n, COUNT, 3), np.nan)

    for k, side in enumerate(SIDES):
        is_arm = k < 2
        name = ("left" if side > 0 else "right") + "_"
        girdle_c, half = (shoulder_c, dims.shoulder_half) if is_arm else (hip_c, dims.hip_half)
        girdle = girdle_c + side * half * lateral
        girdle0 = (posture.shoulder_centre if is_arm else posture.hip_centre) + np.array(
            [0.0, side * half, 0.0]
        )
        mode = posture.arm_mode if is_arm else posture.leg_mode
        end0 = _mirror(posture.wrist if is_arm else posture.leg_end, side)
        amp = posture.arm_lift if is_arm else posture.leg_lift
        move = np.zeros((n, 3))
        if mode == "wave":
            swing = 2 * np.pi * phases[:, k]
            move[:, 0] = amp * np.sin(swing) * act
            move[:, 2] = amp * 0.6 * (1 - np.cos(swing)) * act
        else:
            # velocity of the floor under this limb, in the body frame
            v = path.velocity_body + path.yaw_rate[:, None] * np.array([-end0[1], end0[0]])
            move[:, :2] = reach[:, k, None] * v / cycle_hz
            move[:, 2] = amp * lift[:, k] * act
        end = end0 + use[k] * (move + fidget[:, k]) + (1 - use[k]) * (girdle - girdle0)
        if is_arm:
            mid, end = two_link(girdle, end, dims.upper_arm, dims.forearm,
                                _mirror(posture.elbow_hint, side))  # fmt: skip
            hand = (_unit(end - mid) if posture.hand_dir is None
                    else np.broadcast_to(_mirror(posture.hand_dir, side), (n, 3)))  # fmt: skip
            medial = (
                np.array([0.0, -side, 0.0]) - np.sum(hand * [0.0, -side, 0.0], 1)[:, None] * hand
            )
            medial = _unit(medial)
            hl = dims.hand
            kp[:, INDEX[name + "shoulder"]] = girdle
            kp[:, INDEX[name + "elbow"]] = mid
            kp[:, INDEX[name + "wrist"]] = end
            kp[:, INDEX[name + "index"]] = end + hl * (0.85 * hand + 0.15 * medial)
            kp[:, INDEX[name + "pinky"]] = end + hl * (0.75 * hand - 0.3 * medial)
            kp[:, INDEX[name + "thumb"]] = end + hl * (0.45 * hand + 0.45 * medial)
        else:
            if mode == "knee":
                knee = girdle + dims.thigh * _unit(end - girdle)
                ankle = knee + dims.shank * _mirror(posture.shank_dir, side)
            else:
                knee, ankle = two_link(girdle, end, dims.thigh, dims.shank,
                                       _mirror(posture.knee_hint, side))  # fmt: skip
            foot, sole = _mirror(posture.foot_dir, side), _mirror(posture.sole, side)
            fl = dims.foot
            kp[:, INDEX[name + "hip"]] = girdle
            kp[:, INDEX[name + "knee"]] = knee
            kp[:, INDEX[name + "ankle"]] = ankle
            kp[:, INDEX[name + "heel"]] = ankle + fl * (-0.25 * foot + 0.3 * sole)
            kp[:, INDEX[name + "foot_index"]] = ankle + fl * (0.75 * foot + 0.3 * sole)

    _place_head(kp, posture, dims, shoulder_c, wobble, act, t, rng)
    if rolling:
        kp = _rotate_x(kp, path.roll + 0.25 * rock)
        kp[..., 2] += dims.trunk_half_thickness * 1.1
    return kp


def _place_head(
    kp: np.ndarray,
    posture: Posture,
    dims: BodyDims,
    shoulder_c: np.ndarray,
    wobble: np.ndarray,
    act: np.ndarray,
    t: np.ndarray,
    rng: np.random.Generator,
) -> None:
    """Head keypoints; the baby looks around, less while travelling."""
    head_dir = _rotate_z(posture.head_dir, wobble)
    centre = shoulder_c + dims.neck * head_dir
    turn = np.radians(25.0) * smooth_noise(rng, t, 0.3)[:, 0] * (1.0 - 0.7 * act)
    face = _rotate_z(posture.face, wobble + turn)
    up = _unit(head_dir - np.sum(head_dir * face, axis=1, keepdims=True) * face)
    left = np.cross(up, face)
    r = dims.head_radius

    def at(f: float, u: float, lft: float) -> np.ndarray:
        return centre + r * (f * face + u * up + lft * left)

    kp[:, INDEX["nose"]] = at(0.95, -0.1, 0.0)
    for side, name in ((1.0, "left"), (-1.0, "right")):
        kp[:, INDEX[f"{name}_eye_inner"]] = at(0.8, 0.3, 0.15 * side)
        kp[:, INDEX[f"{name}_eye"]] = at(0.75, 0.3, 0.3 * side)
        kp[:, INDEX[f"{name}_eye_outer"]] = at(0.65, 0.3, 0.45 * side)
        kp[:, INDEX[f"{name}_ear"]] = at(0.0, 0.1, 0.95 * side)
        kp[:, INDEX[f"mouth_{name}"]] = at(0.8, -0.4, 0.2 * side)
