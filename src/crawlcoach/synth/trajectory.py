"""Where the baby's trunk centre goes on the floor, and which way it faces, frame by frame.

Each segment asks for one direction relative to the heading. Changes of direction are eased over
about half a second (a baby does not start or stop instantly), so the true bout boundaries are the
segment boundaries give or take a quarter second. While travelling, speed pulses twice per limb
cycle (each step pushes) and the heading meanders by a few degrees.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from crawlcoach.synth.gait import smooth_noise
from crawlcoach.synth.scenario import Direction, Scenario

EASE_S = 0.5  # seconds over which the velocity changes between segments
PIVOT_DEG_PER_BODY_LENGTH = 120.0  # pivot turn rate per unit of speed_body_lengths_per_s


@dataclass(frozen=True)
class RootPath:
    """The body root: trunk centre projected on the floor (metres, world frame) and its heading."""

    t: np.ndarray  # (T,) seconds
    xy: np.ndarray  # (T, 2) metres on the floor
    yaw: np.ndarray  # (T,) radians, world angle of the heading (where the head points)
    roll: np.ndarray  # (T,) radians about the long axis (rolling only, else 0)
    activity: np.ndarray  # (T,) 0..1, how much the limbs cycle (1 while travelling)
    velocity_body: np.ndarray  # (T, 2) m/s in the body frame (x toward the head, y to its left)
    yaw_rate: np.ndarray  # (T,) rad/s


def segment_frames(scenario: Scenario, t: np.ndarray) -> np.ndarray:
    """(T,) index of the segment each frame belongs to."""
    ends = np.cumsum([s.duration_s for s in scenario.segments])
    return np.minimum(np.searchsorted(ends, t, side="right"), len(ends) - 1)


def travel_angle_deg(direction: Direction, sideways_deg: float) -> float | None:
    """Angle of floor travel relative to the heading; None when the body does not translate."""
    if direction == "forward":
        return sideways_deg
    if direction == "backward":
        angle = (sideways_deg + 180.0) % 360.0
        return angle - 360.0 if angle > 180.0 else angle
    return None


def _ease(values: np.ndarray, fps: float) -> np.ndarray:
    """Smooth step changes with a Hann window, holding the ends."""
    width = max(3, round(EASE_S * fps) | 1)
    window = np.hanning(width + 2)[1:-1]
    window /= window.sum()
    pad = width // 2
    padded = np.concatenate([np.repeat(values[:1], pad, 0), values, np.repeat(values[-1:], pad, 0)])
    return np.stack(
        [np.convolve(padded[:, j], window, mode="valid") for j in range(values.shape[1])], axis=1
    )


def _eased_targets(
    scenario: Scenario, t: np.ndarray, speed_m: float, sideways_deg: float, pivot_sign: float
) -> np.ndarray:
    """(T, 4): body-frame velocity x, y (m/s), yaw rate (rad/s), limb activity (0..1), eased."""
    turn = np.radians(PIVOT_DEG_PER_BODY_LENGTH * scenario.speed_body_lengths_per_s) * pivot_sign
    targets = np.zeros((len(scenario.segments), 4))
    for i, s in enumerate(scenario.segments):
        angle = travel_angle_deg(s.direction, sideways_deg)
        if angle is not None:
            a = np.radians(angle)
            targets[i] = (speed_m * np.cos(a), speed_m * np.sin(a), 0.0, 1.0)
        elif s.direction == "pivoting":
            targets[i, 2:] = (turn, 1.0)
    eased = _ease(targets[segment_frames(scenario, t)], scenario.fps)
    eased[:, 3] = np.clip(eased[:, 3], 0.0, 1.0)
    return eased


def limb_activity(scenario: Scenario, t: np.ndarray) -> np.ndarray:
    """(T,) 0..1: how much the limbs cycle (1 while travelling or pivoting, eased between)."""
    return _eased_targets(scenario, t, 0.0, 0.0, 1.0)[:, 3]


def root_path(
    scenario: Scenario,
    t: np.ndarray,
    body_length_m: float,
    sideways_deg: float,
    pivot_sign: float,
    roll_radius_m: float,
    pulse: np.ndarray,
    rng: np.random.Generator,
) -> RootPath:
    """Integrate the eased per-segment velocities into a path on the floor.

    ``sideways_deg`` turns the travel away from the body axis (crab: a few tens of degrees;
    rolling: 90, the body rolls sideways). ``pulse`` (T,) modulates speed within each limb cycle.
    """
    speed = scenario.speed_body_lengths_per_s * body_length_m
    eased = _eased_targets(scenario, t, speed, sideways_deg, pivot_sign)
    activity = eased[:, 3]
    surge = (1.0 + 0.12 * smooth_noise(rng, t, 0.25)[:, 0]) * pulse
    velocity = eased[:, :2] * surge[:, None]
    yaw_rate = eased[:, 2] * surge
    dt = 1.0 / scenario.fps
    meander = np.radians(4.0) * smooth_noise(rng, t, 0.15)[:, 0] * activity
    meander -= meander[0]  # start exactly at heading_deg
    yaw = np.radians(scenario.heading_deg) + (np.cumsum(yaw_rate) - yaw_rate[0]) * dt + meander
    cos, sin = np.cos(yaw), np.sin(yaw)
    world_v = np.stack([cos * velocity[:, 0] - sin * velocity[:, 1],
                        sin * velocity[:, 0] + cos * velocity[:, 1]], axis=1)  # fmt: skip
    xy = (np.cumsum(world_v, axis=0) - world_v[:1]) * dt
    xy += 0.004 * smooth_noise(rng, t, 0.5, count=2)  # weight shifts
    roll = np.zeros_like(t)
    if scenario.style == "rolling":
        roll = -(np.cumsum(velocity[:, 1]) - velocity[0, 1]) * dt / roll_radius_m
    return RootPath(t=t, xy=xy, yaw=yaw, roll=roll, activity=activity,
                    velocity_body=velocity, yaw_rate=yaw_rate)  # fmt: skip
