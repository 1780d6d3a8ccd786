"""Style of a bout from posture and the way it travels.

Upright bodies travelling across their own axis walk (legs under the hips) or scoot on the bottom
(legs out in front); a body whose sides keep swapping while it goes sideways rolls; otherwise it
crawls, on the belly when the legs trail straight out behind the hips, on hands and feet (bear)
when straight legs stand under the hips, and on hands and knees otherwise (the common case and the
safe default: a wrong "belly" would under-sell the baby).
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
_UPRIGHT = 0.6  # trunk pointing up in the image by this many trunk lengths
_SIDEWAYS = 0.55  # share of travel across the heading for walking / rolling / crab
_LEVEL = 0.5  # |heading.toward_camera| below this: head and hips about as far from the camera
_SIDEWAYS_3D = 0.65  # the same counting the travel toward or away from the camera
_ROLL_SIDEWAYS = 0.75
_ROLL_HOLD_FRAMES = 7  # a side swap must hold for about this many frames (half a second)
_STRAIGHT_KNEE = 115.0
_BELLY_KNEE_BEHIND = 0.25
_BELLY_ANKLE_BEHIND = 0.6
_BEAR_ANKLE_BELOW = 0.7
_KNEES_UNDER_HIPS = 0.2  # knees this little behind the hips (trunk lengths) stand under them
_BENT_KNEE = 110.0
_MIN_RESTING_FRAMES = 10


def classify_style(bout: Bout, posture: Posture, heading: Heading) -> str:
    sl = slice(bout.start_index, bout.end_index)
    # Legs are judged only where the body lies across the view: facing the camera they hide
    # behind the body, and the backend then draws them straight, as if the baby stood.
    in_plane = (heading.in_plane[sl] > 0.8) & (heading.toward_camera[sl] < _FACING)

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
        signs = posture.side_sign[sl][posture.shoulder_width[sl] > 0.5]
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
    if (
        knee_angle > _STRAIGHT_KNEE
        and knee_behind > _BELLY_KNEE_BEHIND
        and ankle_behind > _BELLY_ANKLE_BEHIND
    ):
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
