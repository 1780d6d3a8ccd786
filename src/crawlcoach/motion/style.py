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
from crawlcoach.parameters import StyleParams, frames


def classify_style(
    bout: Bout, posture: Posture, heading: Heading, fps: float, params: StyleParams = StyleParams()
) -> str:
    """The style of one bout; ``fps``: the track's frame rate (``CleanTrack.frame_rate``)."""
    p = params
    sl = slice(bout.start_index, bout.end_index)
    # Legs are judged only where the body lies across the view: facing the camera they hide
    # behind the body, and the backend then draws them straight, as if the baby stood.
    # Facing away, the legs are nearest the camera and in full view however foreshortened.
    toward = heading.toward_camera[sl]
    in_plane = ((heading.in_plane[sl] > p.legs_in_plane) | (toward < p.facing_away)) & (
        toward < p.facing
    )
    least = frames(p.min_median_s, fps)

    def med(values: np.ndarray, mask: np.ndarray | None = None) -> float:
        return _median(values[sl] if mask is None else values[sl][mask], min_count=least)

    # A body whose sides keep swapping rolls, whatever it looks like in between (seen from
    # above, a lying body can look upright).
    if bout.direction in ("forward", "backward") and bout.sideways > p.roll_sideways:
        # Count side swaps only where the shoulders are clearly apart (else the sign is noise),
        # and only swaps that last: the backend swaps left and right for a frame or two at times.
        # A roll travels sideways in half turns whose along-heading sign alternates, so its
        # bouts are short: count the swaps a little beyond the bout as well.
        bout_fps = (bout.end_index - bout.start_index) / max(bout.end_s - bout.start_s, 1e-6)
        pad = round(p.roll_context_s * bout_fps)
        wide = slice(max(0, bout.start_index - pad), bout.end_index + pad)
        signs = posture.side_sign[wide][posture.shoulder_width[wide] > p.roll_shoulders_apart]
        hold = frames(p.roll_hold_s, fps)
        signs = median_filter(signs[signs != 0], size=hold, mode="nearest")
        flips = np.count_nonzero(np.diff(signs))
        if flips >= p.roll_min_swaps:
            return "rolling"
    trunk_up = med(posture.trunk_up, in_plane)
    ankle_below = med(posture.ankle_below, in_plane)
    # Whether the trunk stands up needs no legs in view: a child sitting or walking toward the
    # camera still shows an upright trunk (the `across` and `level` tests below keep out lying
    # bodies that merely look upright).
    trunk_up_any_view = med(posture.trunk_up)
    # Upright trunks travel across their own axis in the image; a crawler seen from above and
    # behind also looks "upright" but travels along it.
    across = bout.sideways_in_image > p.sideways or bout.sideways > p.sideways_3d
    # An upright body has its head and hips about as far from the camera; a lying one seen from
    # above and behind (or in front) looks upright in the image but its head is clearly farther
    # (or nearer).
    level = abs(med(heading.toward_camera)) < p.level
    # A sitter facing the camera travels along its legs, in depth: not across its upright trunk.
    sits_in_depth = med(heading.sitting_toward) > p.sits_in_depth
    upright = trunk_up_any_view > p.upright and (across or sits_in_depth) and level
    if upright:
        if ankle_below > p.walking_ankle_below:
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
    feet = med(posture.ankle_spread, in_plane) / hip_spread if hip_spread > p.hips_apart else np.nan
    if feet < p.feet_narrow:
        legs_flat = False
    elif feet > p.feet_splayed:
        legs_flat = knee_angle > p.frog_knee
    else:
        legs_flat = knee_angle > p.straight_knee
    trailing = knee_behind > p.belly_knee_behind and ankle_behind > p.belly_ankle_behind
    trailing = trailing or _frog_legs(hip_spread, feet, knee_behind, ankle_behind, knee_angle, p)
    # Hands far back toward the hips in the image: arms hanging down from a raised trunk seen
    # from above and behind (a belly crawler's hands reach ahead or lie beside the chest).
    if med(posture.wrist_ahead, in_plane) < p.arms_hang:
        legs_flat = False
    if bout.direction == "backward" and _crab_from_above(sl, posture, heading, p):
        return "crab"
    if np.isnan(knee_behind) and _pulls_on_forearms(sl, posture, heading, p):
        return "belly"
    if trailing and legs_flat:
        # Legs trailing flat under a trunk propped up on straight arms, pushed backward: crab.
        # Seen from the side here (from above, the raised trunk shows in depth: see above).
        side_view = not hip_spread > p.hips_apart
        if bout.direction == "backward" and side_view and trunk_up > p.crab_trunk_up:
            return "crab"
        return "belly"
    standing_legs = knee_angle > p.straight_knee and ankle_below > p.bear_ankle_below
    if standing_legs and trunk_up < p.bear_trunk_level:
        # A bear crawler stands on its hands. Straight legs with the hands at or above the
        # shoulders are a child standing, held up by the hands (the backend then often lays
        # its trunk down in the image).
        if med(posture.wrist_below) < 0:
            return "walking"
        return "bear"
    return "hands_and_knees"


def lies_on_back(
    mask: np.ndarray, posture: Posture, heading: Heading, fps: float, params: StyleParams
) -> bool:
    """Whether the baby lies on its back (or side) over the frames in
    ``mask``. Seen from the side, a crawler carries its trunk on hands and knees, or lies on
    forearms and thighs: wrists and knees at or below the trunk. A baby on its back kicking and
    waving holds both above it. Judged only where the body lies across the view in most of
    those frames: head-on or from above the image cannot tell up from forward, and a crawler
    coming head-on that the backend takes for a side view shows its limbs "above" the trunk
    (docs/benchmarks.md: Babies on their backs)."""
    p = params
    across = (
        mask & (heading.in_plane > p.legs_in_plane) & (np.abs(posture.trunk_up) < p.lying_across)
    )
    if across.sum() < max(1, p.lying_share * mask.sum()):
        return False
    least = frames(p.min_median_s, fps)
    wrists = _median(posture.wrist_below[across], min_count=least)
    knees = _median(posture.knee_below[across], min_count=least)
    return bool(wrists < 0 and knees < 0)


def _frog_legs(
    hip_spread: float,
    feet: float,
    knee_behind: float,
    ankle_behind: float,
    knee_angle: float,
    p: StyleParams,
) -> bool:
    """Frog legs seen squarely from above or behind: splayed wider than the hips, knees bent out
    to the sides. The bend brings knees and feet nearer the hips along the axis than straight
    trailing legs, so here the spread, not how far they trail, shows that they lie flat
    (obliquely the spread is partly depth; straight straddled legs are a bear's)."""
    return (
        hip_spread > p.hips_square_on
        and feet > p.feet_splayed
        and p.frog_knee < knee_angle < p.straight_leg_knee
        and knee_behind > p.frog_knee_behind
        and ankle_behind > p.frog_ankle_behind
    )


def _pulls_on_forearms(sl: slice, posture: Posture, heading: Heading, p: StyleParams) -> bool:
    """Facing the camera, with the legs out of sight, the arms tell: a hands-and-knees crawler
    stands on straight arms, wrists an arm's length below the shoulders; a belly crawler pulls
    with elbows bent on the floor and forearms reaching ahead, wrists near shoulder level. A
    straight arm looks straight from any view (a bent one seen edge-on may not: that errs toward
    the safe hands-and-knees); the wrists' drop guards against a misplaced elbow."""
    facing = heading.toward_camera[sl] > p.head_on
    if facing.mean() < p.view_share:
        return False
    elbow = _median(posture.elbow_angle_deg[sl][facing])
    wrist_below = _median(posture.wrist_below[sl][facing])
    return elbow < p.elbows_bent and wrist_below < p.wrists_near_shoulders


def _crab_from_above(sl: slice, posture: Posture, heading: Heading, p: StyleParams) -> bool:
    """Seen from above, a trunk propped up on straight arms tilts its head end toward the camera
    (foreshortened, head nearer, yet far from head-on), while the legs trail straight behind the
    hips on the floor in full view (a belly crawler's trunk lies flat, a hands-and-knees
    crawler's knees stay under the hips)."""
    toward = heading.toward_camera[sl]
    propped = heading.in_plane[sl] > p.propped_in_plane
    raised = propped & (toward >= p.facing) & (toward < p.head_on)
    if raised.mean() < p.view_share:
        return False
    knees = _median(posture.knee_behind[sl][raised])
    ankles = _median(posture.ankle_behind[sl][raised])
    angle = _median(posture.knee_angle_deg[sl][raised])
    return knees > p.belly_knee_behind and ankles > p.belly_ankle_behind and angle > p.straight_knee


def resting_style(
    posture: Posture,
    heading: Heading,
    mask: np.ndarray,
    fps: float,
    params: StyleParams = StyleParams(),
) -> str:
    """The style of a baby that does not travel, over the frames in ``mask``: hands and knees
    where the knees are clearly seen bent under the hips; belly where it pivots with frog legs
    lying behind the hips (seen from above or behind); else none (lying prone, propped on the
    arms or sitting look alike in a single view, and need travel to be told apart)."""
    p = params
    seen = mask & (heading.in_plane > p.legs_in_plane) & (heading.toward_camera < p.facing)
    knee_behind = posture.knee_behind[seen]
    knee_angle = posture.knee_angle_deg[seen]
    if np.isfinite(knee_behind).sum() < frames(p.min_resting_s, fps):
        return "none"
    knees = _median(knee_behind)
    angle = _median(knee_angle)
    hip_spread = _median(posture.hip_spread[seen])
    feet = _median(posture.ankle_spread[seen]) / hip_spread
    ankles = _median(posture.ankle_behind[seen])
    if p.knees_up_front < knees < p.knees_under_hips and angle < p.bent_knee:
        return "hands_and_knees"
    # Pivoting on the belly: the legs push frog-like; a baby propped on its forearms turns with
    # the arms alone, legs straight. A still baby needs travel to be told apart (see above).
    frog_legs = _frog_legs(hip_spread, feet, knees, ankles, angle, p)
    if frog_legs and _turn_deg(heading, seen, fps, p) > p.pivot_turn_deg:
        return "belly"
    return "none"


def _median(values: np.ndarray, min_count: int = 1) -> float:
    """Median of the finite values; NaN when fewer than ``min_count`` (no warnings)."""
    finite = values[np.isfinite(values)]
    return float(np.median(finite)) if len(finite) >= max(1, min_count) else float("nan")


def _turn_deg(heading: Heading, mask: np.ndarray, fps: float, p: StyleParams) -> float:
    """How far the body axis turned in the image over the frames in ``mask`` (degrees)."""
    xy = heading.direction_xy[mask & heading.known]
    if len(xy) < frames(p.min_resting_s, fps):
        return 0.0
    angle = np.degrees(np.unwrap(np.arctan2(xy[:, 1], xy[:, 0])))
    hold = frames(p.roll_hold_s, fps)
    angle = median_filter(angle, size=hold, mode="nearest")  # brief pose errors
    return float(np.ptp(angle))
