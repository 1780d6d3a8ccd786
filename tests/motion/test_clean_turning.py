"""Apparent size changes when the baby turns about the vertical, not only when it comes nearer:
from facing the camera to side-on the trunk grows in the image while the shoulders, hips and
ears narrow. That is no travel in depth; coming nearer grows both."""

from __future__ import annotations

import numpy as np

from crawlcoach.motion.clean import clean_track
from crawlcoach.pose import keypoints
from crawlcoach.pose.track import PoseTrack

FPS = 15.0
FOCAL = 500.0
CENTRE = np.array([320.0, 240.0])


def _body(heading_deg: float) -> dict[str, np.ndarray]:
    """World points (metres, z up) of a baby on hands and knees, hips centre at the origin."""
    a = np.radians(heading_deg)
    u = np.array([np.sin(a), -np.cos(a), 0.0])  # hips -> head; 0 degrees: toward the camera
    v = np.array([np.cos(a), np.sin(a), 0.0])  # to the baby's left
    up = np.array([0.0, 0.0, 1.0])
    hip, shoulder, head = 0.3 * up, 0.2 * u + 0.3 * up, 0.3 * u + 0.33 * up
    pts = {"nose": head + 0.05 * u, "left_ear": head + 0.05 * v, "right_ear": head - 0.05 * v}
    for side, s in (("left", 1.0), ("right", -1.0)):
        pts[f"{side}_eye"] = head + 0.04 * u + 0.02 * s * v
        pts[f"{side}_shoulder"] = shoulder + 0.07 * s * v
        pts[f"{side}_elbow"] = shoulder + 0.07 * s * v - 0.15 * up
        pts[f"{side}_wrist"] = shoulder + 0.07 * s * v + 0.02 * u - 0.3 * up
        pts[f"{side}_hip"] = hip + 0.05 * s * v
        pts[f"{side}_knee"] = hip + 0.05 * s * v - 0.3 * up
        pts[f"{side}_ankle"] = hip + 0.05 * s * v - 0.2 * u - 0.3 * up
    return pts


def _project(points: dict[str, np.ndarray], distance: float) -> np.ndarray:
    """(K, 2) pixels seen by a camera ``distance`` m away on the -y side, 25 degrees above."""
    e = np.radians(25.0)
    position = np.array([0.0, -distance * np.cos(e), distance * np.sin(e)])
    forward = -position / np.linalg.norm(position)
    right = np.cross(forward, [0.0, 0.0, 1.0])
    right /= np.linalg.norm(right)
    down = np.cross(forward, right)
    out = np.full((keypoints.COUNT, 2), np.nan)
    for name, p in points.items():
        rel = p - position
        z = rel @ forward
        out[keypoints.INDEX[name]] = CENTRE + FOCAL * np.array([rel @ right, rel @ down]) / z
    return out


def _track(headings_deg: np.ndarray, distances: np.ndarray) -> PoseTrack:
    kp = np.stack([_project(_body(h), d) for h, d in zip(headings_deg, distances, strict=True)])
    conf = np.where(np.isfinite(kp[..., 0]), 0.9, 0.0)
    t = np.arange(len(kp)) / FPS
    return PoseTrack(t, kp, conf, (640, 480), "test: turning", meta={"backend": "test"})


def test_turning_from_facing_the_camera_to_side_on_is_no_travel_in_depth() -> None:
    n = round(4 * FPS)
    # still for a second, a quarter turn over two seconds, still again; always 1.5 m away
    headings = np.clip((np.arange(n) / FPS - 1.0) * 45.0, 0.0, 90.0)
    clean = clean_track(_track(headings, np.full(n, 1.5)))
    turning = (clean.timestamps_s > 1.4) & (clean.timestamps_s < 2.6)
    assert np.all(np.abs(clean.growth_per_s[turning]) < 0.05), clean.growth_per_s[turning]


def test_coming_nearer_still_grows() -> None:
    n = round(4 * FPS)
    # side-on and coming from 2 m to 1.2 m: 0.2 m/s, about a body length per second
    clean = clean_track(_track(np.full(n, 45.0), np.linspace(2.0, 1.2, n)))
    middle = (clean.timestamps_s > 1.0) & (clean.timestamps_s < 3.0)
    assert np.all(clean.growth_per_s[middle] > 0.05)


def test_turning_on_round_to_facing_away_is_no_travel_either() -> None:
    # Past side-on the left shoulder shows on the other side of the body axis, for good: that
    # is no left-right mix-up of the backend.
    n = round(5 * FPS)
    headings = np.clip((np.arange(n) / FPS - 1.0) * 50.0, 0.0, 150.0)
    clean = clean_track(_track(headings, np.full(n, 1.5)))
    turning = (clean.timestamps_s > 1.4) & (clean.timestamps_s < 3.6)
    growth = clean.growth_per_s[turning]
    # Side-on, trunk and widths both pass their extremes: a moment's small reading is left.
    assert np.all(np.abs(growth) < 0.2), growth
    assert abs(float(np.sum(growth)) / FPS) < 0.05  # log size "travelled" over the turn
