"""Style of a bout from posture and the way it travels.

Upright bodies travelling across their own axis walk (legs under the hips) or scoot on the bottom
(legs out in front); a body whose sides keep swapping while it goes sideways rolls; otherwise it
crawls, on the belly when the legs trail flat behind the hips (straight from the side, splayed
wider than the hips from above or behind), crab when such legs go backward under a trunk
propped up on the arms, on hands and feet (bear) when straight legs stand under the hips, and on
hands and knees otherwise (the common case and the safe default: a wrong "belly" would under-sell
the baby).
"""

from __future__ import annotations

import warnings

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
_ROLL_SIDEWAYS = 0.75
_ROLL_CONTEXT_S = 1.0  # side swaps are also counted this long before and after a bout
_ROLL_HOLD_FRAMES = 7  # a side swap must hold for about this many frames (half a second)
_STRAIGHT_KNEE = 115.0
_BELLY_KNEE_BEHIND = 0.25
_BELLY_ANKLE_BEHIND = 0.6
_BEAR_ANKLE_BELOW = 0.7
_HIPS_APART = 0.2  # trunk lengths across the axis: the legs are seen from above or behind
_FEET_NARROW = 1.2  # feet (ankles) apart per hip width: at most this, shins trail (not belly)
_FEET_SPLAYED = 1.5  # at least this: splayed frog legs
_FROG_KNEE = 80.0  # splayed legs may bend this much (2-D angle) and still lie flat
_ARMS_HANG = -0.5  # wrists this far behind the shoulders along the axis (trunk lengths)
_CRAB_TRUNK_UP = 0.5  # a belly crawler's trunk lies level (about 0-0.2), a crab's is propped up
_KNEES_UNDER_HIPS = 0.2  # knees this little behind the hips (trunk lengths) stand under them
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
        v = values[sl] if mask is None else values[sl][mask]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            return float(np.nanmedian(v)) if np.isfinite(v).sum() >= 3 else float("nan")

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
    # Upright trunks travel across their own axis in the image; a crawler seen from above and
    # behind also looks "upright" but travels along it.
    across = bout.sideways_in_image > _SIDEWAYS or bout.sideways > _SIDEWAYS_3D
    # An upright body has its head and hips about as far from the camera; a lying one seen from
    # above and behind (or in front) looks upright in the image but its head is clearly farther
    # (or nearer).
    level = abs(med(heading.toward_camera)) < _LEVEL
    upright = trunk_up > _UPRIGHT and across and level
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
    # Hands far back toward the hips in the image: arms hanging down from a raised trunk seen
    # from above and behind (a belly crawler's hands reach ahead or lie beside the chest).
    if med(posture.wrist_ahead, in_plane) < _ARMS_HANG:
        legs_flat = False
    if knee_behind > _BELLY_KNEE_BEHIND and ankle_behind > _BELLY_ANKLE_BEHIND and legs_flat:
        # Legs trailing flat under a trunk propped up on straight arms, pushed backward: crab.
        # Seen from the side only (from above a raised trunk does not show).
        side_view = not hip_spread > _HIPS_APART
        if bout.direction == "backward" and side_view and trunk_up > _CRAB_TRUNK_UP:
            return "crab"
        return "belly"
    if knee_angle > _STRAIGHT_KNEE and ankle_below > _BEAR_ANKLE_BELOW and trunk_up < 0.4:
        return "bear"
    return "hands_and_knees"


def resting_style(posture: Posture, heading: Heading, mask: np.ndarray) -> str:
    """The style of a baby that does not travel, over the frames in ``mask``: hands and knees
    where the knees are clearly seen bent under the hips; else none (lying prone, propped on the
    arms or sitting look alike in a single view, and need travel to be told apart)."""
    seen = mask & (heading.in_plane > 0.8) & (heading.toward_camera < _FACING)
    knee_behind = posture.knee_behind[seen]
    knee_angle = posture.knee_angle_deg[seen]
    if np.isfinite(knee_behind).sum() < _MIN_RESTING_FRAMES:
        return "none"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        under = float(np.nanmedian(knee_behind)) < _KNEES_UNDER_HIPS
        bent = float(np.nanmedian(knee_angle)) < _BENT_KNEE
    return "hands_and_knees" if under and bent else "none"
