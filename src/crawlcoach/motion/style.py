"""Style of a bout from posture and the way it travels.

Upright bodies travelling across their own axis walk (legs under the hips) or scoot on the bottom
(legs out in front); a body whose sides keep swapping while it goes sideways rolls; otherwise it
crawls, on the belly when the legs trail flat behind the hips (straight from the side, splayed
wider than the hips from above or behind), crab when such legs go backward under a trunk
propped up on the arms, on hands and feet (bear) when straight legs stand under the hips, and on
hands and knees otherwise (the common case and the safe default: a wrong "belly" would under-sell
the baby). Facing the camera the legs hide and the arms decide: bent elbows with the wrists near
shoulder level pull a belly crawler, straight arms carry one on hands and knees.
"""

from __future__ import annotations

import numpy as np
from scipy.ndimage import median_filter

from crawlcoach.motion.bouts import Bout
from crawlcoach.motion.heading import Heading
from crawlcoach.motion.posture import Posture

CRAWLING_STYLES = ("hands_and_knees", "belly", "bear", "crab", "rolling", "bottom_scoot")

_FACING = 0.3  # heading.toward_camera from which the legs are out of sight
_FACING_AWAY = -0.5  # heading.toward_camera below which the legs are nearest the camera
_UPRIGHT = 0.6  # trunk pointing up in the image by this many trunk lengths
_SIDEWAYS = 0.55  # share of travel across the heading for walking / rolling / crab
_LEVEL = 0.5  # |heading.toward_camera| below this: head and hips about as far from the camera
_SIDEWAYS_3D = 0.65  # the same counting the travel toward or away from the camera
_SITS_IN_DEPTH = 0.5  # heading.sitting_toward from which a sitter faces the camera
_ROLL_SIDEWAYS = 0.75
_ROLL_CONTEXT_S = 1.0  # side swaps are also counted this long before and after a bout
_ROLL_HOLD_FRAMES = 7  # a side swap must hold for about this many frames (half a second)
_STRAIGHT_KNEE = 115.0
_BELLY_KNEE_BEHIND = 0.25
_BELLY_ANKLE_BEHIND = 0.6
_FROG_KNEE_BEHIND = 0.2  # splayed frog legs: knees and feet this far behind the hips suffice
_FROG_ANKLE_BEHIND = 0.4
_BEAR_ANKLE_BELOW = 0.7
_HIPS_APART = 0.2  # trunk lengths across the axis: the legs are seen from above or behind
_HIPS_SQUARE_ON = 0.4  # trunk lengths: hips seen nearly full width (squarely from above/behind)
_FEET_NARROW = 1.2  # feet (ankles) apart per hip width: at most this, shins trail (not belly)
_FEET_SPLAYED = 1.5  # at least this: splayed frog legs
_FROG_KNEE = 80.0  # splayed legs may bend this much (2-D angle) and still lie flat
_STRAIGHT_LEG_KNEE = 150.0  # 2-D knee angle: a frog leg bends clearly; a straight one reads 160-180
_ARMS_HANG = -0.5  # wrists this far behind the shoulders along the axis (trunk lengths)
_CRAB_TRUNK_UP = 0.5  # a belly crawler's trunk lies level (about 0-0.2), a crab's is propped up
_PROPPED_IN_PLANE = 0.6  # a trunk propped 30-50 degrees up keeps this share of its length in view
_HEAD_ON = 0.6  # heading.toward_camera from which the trunk points at the camera (front view)
_ELBOWS_BENT = 110.0  # 2-D elbow angle (degrees) below which the arms pull bent, not stand
_WRISTS_NEAR_SHOULDERS = 0.6  # trunk lengths; straight arms put the wrists ~0.7-1.2 below
_KNEES_UNDER_HIPS = 0.2  # knees this little behind the hips (trunk lengths) stand under them...
_KNEES_UP_FRONT = -0.25  # ...but not this far toward the shoulders: a sitter's knees point up
_PIVOT_TURN_DEG = 45.0  # a resting body that turns this much pivots (on its belly if frog-legged)
_BENT_KNEE = 110.0
_MIN_RESTING_FRAMES = 10


def classify_style(bout: Bout, posture: Posture, heading: Heading) -> str:
    sl = slice(bout.start_index, bout.end_index)
    # Legs are judged only where the body lies across the view: facing the camera they hide
    # behind the body, and the backend then draws them straight, as if the baby stood.
    # Facing away, the legs are nearest the camera and in full view however foreshortened.
    toward = heading.toward_camera[sl]
    in_plane = ((heading.in_plane[sl] > 0.8) | (toward < _FACING_AWAY)) & (toward < _FACING)

    def med(values: np.ndarray, mask: np.ndarray | None = None) -> float:
        return _median(values[sl] if mask is None else values[sl][mask], min_count=3)

    # A body whose sides keep swapping rolls, whatever it looks like in between (seen from
    # above, a lying body can look upright).
    if bout.direction in ("forward", "backward") and bout.sideways > _ROLL_SIDEWAYS:
        # Count side swaps only where the shoulders are clearly apart (else the sign is noise),
        # and only swaps that last: the backend swaps left and right for a frame or two at times.
        # A roll travels sideways in half turns whose along-heading sign alternates, so its
        # bouts are short: count the swaps a little beyond the bout as well.
        fps = (bout.end_index - bout.start_index) / max(bout.end_s - bout.start_s, 1e-6)
        pad = round(_ROLL_CONTEXT_S * fps)
        wide = slice(max(0, bout.start_index - pad), bout.end_index + pad)
        signs = posture.side_sign[wide][posture.shoulder_width[wide] > 0.5]
        signs = median_filter(signs[signs != 0], size=_ROLL_HOLD_FRAMES, mode="nearest")
        flips = np.count_nonzero(np.diff(signs))
        if flips >= 2:
            return "rolling"
    trunk_up = med(posture.trunk_up, in_plane)
    ankle_below = med(posture.ankle_below, in_plane)
    # Whether the trunk stands up needs no legs in view: a child sitting or walking toward the
    # camera still shows an upright trunk (the `across` and `level` tests below keep out lying
    # bodies that merely look upright).
    trunk_up_any_view = med(posture.trunk_up)
    # Upright trunks travel across their own axis in the image; a crawler seen from above and
    # behind also looks "upright" but travels along it.
    across = bout.sideways_in_image > _SIDEWAYS or bout.sideways > _SIDEWAYS_3D
    # An upright body has its head and hips about as far from the camera; a lying one seen from
    # above and behind (or in front) looks upright in the image but its head is clearly farther
    # (or nearer).
    level = abs(med(heading.toward_camera)) < _LEVEL
    # A sitter facing the camera travels along its legs, in depth: not across its upright trunk.
    sits_in_depth = med(heading.sitting_toward) > _SITS_IN_DEPTH
    upright = trunk_up_any_view > _UPRIGHT and (across or sits_in_depth) and level
    if upright:
        if ankle_below > 0.4:
            return "walking"
        return "bottom_scoot" if bout.direction in ("forward", "backward") else "none"
    knee_behind = med(posture.knee_behind, in_plane)
    ankle_behind = med(posture.ankle_behind, in_plane)
    knee_angle = med(posture.knee_angle_deg, in_plane)
    # Seen from above or behind (hips clearly apart across the axis) the feet tell: a belly
    # crawler's legs splay frog-like, knees bent out to the sides and feet well wider than the
    # hips; a hands-and-knees crawler's shins trail about hip width apart (thighs hanging down
    # to the knees then look just like thighs lying flat). Else a flat leg is a straight one.
    hip_spread = med(posture.hip_spread, in_plane)
    feet = med(posture.ankle_spread, in_plane) / hip_spread if hip_spread > _HIPS_APART else np.nan
    if feet < _FEET_NARROW:
        legs_flat = False
    elif feet > _FEET_SPLAYED:
        legs_flat = knee_angle > _FROG_KNEE
    else:
        legs_flat = knee_angle > _STRAIGHT_KNEE
    trailing = knee_behind > _BELLY_KNEE_BEHIND and ankle_behind > _BELLY_ANKLE_BEHIND
    trailing = trailing or _frog_legs(hip_spread, feet, knee_behind, ankle_behind, knee_angle)
    # Hands far back toward the hips in the image: arms hanging down from a raised trunk seen
    # from above and behind (a belly crawler's hands reach ahead or lie beside the chest).
    if med(posture.wrist_ahead, in_plane) < _ARMS_HANG:
        legs_flat = False
    if bout.direction == "backward" and _crab_from_above(sl, posture, heading):
        return "crab"
    if np.isnan(knee_behind) and _pulls_on_forearms(sl, posture, heading):
        return "belly"
    if trailing and legs_flat:
        # Legs trailing flat under a trunk propped up on straight arms, pushed backward: crab.
        # Seen from the side here (from above, the raised trunk shows in depth: see above).
        side_view = not hip_spread > _HIPS_APART
        if bout.direction == "backward" and side_view and trunk_up > _CRAB_TRUNK_UP:
            return "crab"
        return "belly"
    if knee_angle > _STRAIGHT_KNEE and ankle_below > _BEAR_ANKLE_BELOW and trunk_up < 0.4:
        return "bear"
    return "hands_and_knees"


def _frog_legs(
    hip_spread: float, feet: float, knee_behind: float, ankle_behind: float, knee_angle: float
) -> bool:
    """Frog legs seen squarely from above or behind: splayed wider than the hips, knees bent out
    to the sides. The bend brings knees and feet nearer the hips along the axis than straight
    trailing legs, so here the spread, not how far they trail, shows that they lie flat
    (obliquely the spread is partly depth; straight straddled legs are a bear's)."""
    return (
        hip_spread > _HIPS_SQUARE_ON
        and feet > _FEET_SPLAYED
        and _FROG_KNEE < knee_angle < _STRAIGHT_LEG_KNEE
        and knee_behind > _FROG_KNEE_BEHIND
        and ankle_behind > _FROG_ANKLE_BEHIND
    )


def _pulls_on_forearms(sl: slice, posture: Posture, heading: Heading) -> bool:
    """Facing the camera, with the legs out of sight, the arms tell: a hands-and-knees crawler
    stands on straight arms, wrists an arm's length below the shoulders; a belly crawler pulls
    with elbows bent on the floor and forearms reaching ahead, wrists near shoulder level. A
    straight arm looks straight from any view (a bent one seen edge-on may not: that errs toward
    the safe hands-and-knees); the wrists' drop guards against a misplaced elbow."""
    facing = heading.toward_camera[sl] > _HEAD_ON
    if facing.mean() < 0.5:
        return False
    elbow = _median(posture.elbow_angle_deg[sl][facing])
    wrist_below = _median(posture.wrist_below[sl][facing])
    return elbow < _ELBOWS_BENT and wrist_below < _WRISTS_NEAR_SHOULDERS


def _crab_from_above(sl: slice, posture: Posture, heading: Heading) -> bool:
    """Seen from above, a trunk propped up on straight arms tilts its head end toward the camera
    (foreshortened, head nearer, yet far from head-on), while the legs trail straight behind the
    hips on the floor in full view (a belly crawler's trunk lies flat, a hands-and-knees
    crawler's knees stay under the hips)."""
    toward = heading.toward_camera[sl]
    raised = (heading.in_plane[sl] > _PROPPED_IN_PLANE) & (toward >= _FACING) & (toward < _HEAD_ON)
    if raised.mean() < 0.5:
        return False
    knees = _median(posture.knee_behind[sl][raised])
    ankles = _median(posture.ankle_behind[sl][raised])
    angle = _median(posture.knee_angle_deg[sl][raised])
    return knees > _BELLY_KNEE_BEHIND and ankles > _BELLY_ANKLE_BEHIND and angle > _STRAIGHT_KNEE


def resting_style(posture: Posture, heading: Heading, mask: np.ndarray) -> str:
    """The style of a baby that does not travel, over the frames in ``mask``: hands and knees
    where the knees are clearly seen bent under the hips; belly where it pivots with frog legs
    lying behind the hips (seen from above or behind); else none (lying prone, propped on the
    arms or sitting look alike in a single view, and need travel to be told apart)."""
    seen = mask & (heading.in_plane > 0.8) & (heading.toward_camera < _FACING)
    knee_behind = posture.knee_behind[seen]
    knee_angle = posture.knee_angle_deg[seen]
    if np.isfinite(knee_behind).sum() < _MIN_RESTING_FRAMES:
        return "none"
    knees = _median(knee_behind)
    angle = _median(knee_angle)
    hip_spread = _median(posture.hip_spread[seen])
    feet = _median(posture.ankle_spread[seen]) / hip_spread
    ankles = _median(posture.ankle_behind[seen])
    if _KNEES_UP_FRONT < knees < _KNEES_UNDER_HIPS and angle < _BENT_KNEE:
        return "hands_and_knees"
    # Pivoting on the belly: the legs push frog-like; a baby propped on its forearms turns with
    # the arms alone, legs straight. A still baby needs travel to be told apart (see above).
    frog_legs = _frog_legs(hip_spread, feet, knees, ankles, angle)
    if frog_legs and _turn_deg(heading, seen) > _PIVOT_TURN_DEG:
        return "belly"
    return "none"


def _median(values: np.ndarray, min_count: int = 1) -> float:
    """Median of the finite values; NaN when fewer than ``min_count`` (no warnings)."""
    finite = values[np.isfinite(values)]
    return float(np.median(finite)) if len(finite) >= max(1, min_count) else float("nan")


def _turn_deg(heading: Heading, mask: np.ndarray) -> float:
    """How far the body axis turned in the image over the frames in ``mask`` (degrees)."""
    xy = heading.direction_xy[mask & heading.known]
    if len(xy) < _MIN_RESTING_FRAMES:
        return 0.0
    angle = np.degrees(np.unwrap(np.arctan2(xy[:, 1], xy[:, 0])))
    angle = median_filter(angle, size=_ROLL_HOLD_FRAMES, mode="nearest")  # brief pose errors
    return float(np.ptp(angle))
