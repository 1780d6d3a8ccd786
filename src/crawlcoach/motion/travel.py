"""Travel over the floor, per frame: speed and its part along the heading, in body lengths.

Motion in the image plane comes from the torso centre in floor-fixed (camera-motion-free)
coordinates; motion toward or away from the camera from the change of apparent size
(a baby that grows by 10% came 10% of its distance nearer), converted with the focal length.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass

import numpy as np
from scipy.ndimage import uniform_filter1d
from scipy.stats import theilslopes

from crawlcoach.motion.clean import HIPS, SHOULDERS, CleanTrack
from crawlcoach.motion.heading import Heading
from crawlcoach.parameters import BoutParams


@dataclass(frozen=True, eq=False)
class TravelSignals:
    """Axes: T frames; speeds in body lengths per second; NaN where unknown."""

    timestamps_s: np.ndarray
    velocity: np.ndarray  # (T, 3) image x, image y, toward the camera
    forward: np.ndarray  # (T,) along the heading (negative: backward), averaged over window_s
    speed: np.ndarray  # (T,) magnitude of the velocity averaged over window_s (net travel)
    turn_deg_s: np.ndarray  # (T,) turning of the in-plane heading, averaged over window_s
    known: np.ndarray  # (T,) bool
    planar_forward: np.ndarray  # (T,) image-plane velocity along the in-plane heading direction
    heading_deg: np.ndarray  # (T,) in-plane heading angle, unwrapped (NaN where unknown)


def measure_travel(
    clean: CleanTrack, heading: Heading, params: BoutParams = BoutParams()
) -> TravelSignals:
    p = params
    t = clean.timestamps_s
    n = len(t)
    if n < 3:
        empty = np.full(n, np.nan)
        return TravelSignals(
            t, np.full((n, 3), np.nan), empty, empty, empty, np.zeros(n, bool), empty, empty
        )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        centre = np.nanmean(np.stack([clean.point(SHOULDERS), clean.point(HIPS)]), axis=0)
        centre = np.where(np.isfinite(centre), centre, clean.point(SHOULDERS))
        body_px = clean.body_length_px
        v_xy = np.gradient(centre, t, axis=0) / body_px[:, None]
        grow = clean.growth_per_s
        v_toward = grow * clean.focal_px / body_px
    # Infants crawl at up to about a body length per second; faster readings are the pose or the
    # size measure jumping (the apparent-size part multiplies its noise by the distance).
    with np.errstate(invalid="ignore", divide="ignore"):
        too_fast = np.linalg.norm(v_xy, axis=1) / p.max_speed
    v_xy = v_xy / np.fmax(too_fast, 1.0)[:, None]
    v_toward = np.clip(v_toward, -p.max_speed, p.max_speed)
    velocity = np.concatenate([v_xy, v_toward[:, None]], axis=1)
    h3 = heading.vector3()
    forward_inst = np.einsum("ti,ti->t", velocity, h3)
    known = np.isfinite(forward_inst) & heading.known
    fps = clean.fps
    win = max(3, round(p.window_s * fps) | 1)  # odd: centred, so time reversal is exact
    least = p.window_min_known
    forward = _masked_mean(forward_inst, known, win, least)
    net_v = np.stack([_masked_mean(velocity[:, i], known, win, least) for i in range(3)], axis=1)
    speed = np.linalg.norm(net_v, axis=1)
    # Unwrap the finite angles only: NaN would spread to every later frame (and so differ in a
    # clip played backwards).
    angle = np.arctan2(heading.direction_xy[:, 1], heading.direction_xy[:, 0])
    finite = np.isfinite(angle)
    angle[finite] = np.unwrap(angle[finite])
    turn_inst = np.degrees(np.abs(np.gradient(angle, t))) * heading.in_plane
    turn = _masked_mean(turn_inst, known & np.isfinite(turn_inst), win, least)
    planar_forward = np.einsum("ti,ti->t", v_xy, heading.direction_xy)
    return TravelSignals(
        t, velocity, forward, speed, turn, known, planar_forward, np.degrees(angle)
    )


# Theil-Sen compares every pair of points: a long clip is thinned to this many frames.
_TREND_MAX_POINTS = 600


def depth_trend_per_s(clean: CleanTrack, heading: Heading) -> float:
    """How fast the baby comes nearer along the way it faces, over the whole clip: the robust
    (Theil-Sen) slope of log apparent size against time, times the mean facing (+1 at the
    camera, -1 away). > 0: head first, coming nearer facing the camera or going away facing
    away (forward); < 0: feet first (backward).

    One slope over the clip sees a slow approach that each second's size noise hides, and a
    baby that goes one way and comes back has no slope. Odd under time reversal, the same
    mirrored."""
    ok = clean.present & np.isfinite(clean.size_px) & (clean.size_px > 0)
    idx = np.flatnonzero(ok)
    if len(idx) < 3:
        return 0.0
    step = -(-len(idx) // _TREND_MAX_POINTS)
    if step > 1:
        # Every step-th frame counted from the middle out, so a clip played backwards keeps the
        # same frames.
        rank = np.arange(len(idx))
        idx = idx[np.abs(2 * rank - (len(idx) - 1)) % (2 * step) == (len(idx) - 1) % 2]
    slope = float(theilslopes(np.log(clean.size_px[idx]), clean.timestamps_s[idx])[0])
    facing = float(np.mean(heading.facing()[idx]))
    return slope * facing if np.isfinite(slope) and np.isfinite(facing) else 0.0


def _masked_mean(values: np.ndarray, mask: np.ndarray, win: int, least: float) -> np.ndarray:
    """Centered moving mean over ``win`` frames using only masked-in values (NaN where fewer
    than ``least`` of the window's frames are)."""
    v = np.where(mask & np.isfinite(values), values, 0.0)
    m = (mask & np.isfinite(values)).astype(float)
    num = uniform_filter1d(v, win, mode="nearest")
    den = uniform_filter1d(m, win, mode="nearest")
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(den > least, num / den, np.nan)
