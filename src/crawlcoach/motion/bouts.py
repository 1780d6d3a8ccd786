"""Bouts: stretches of travel (forward / backward), pivoting in place, and staying put."""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from crawlcoach.motion.travel import TravelSignals
from crawlcoach.parameters import BoutParams

# Timestamps of a clip played backwards differ in the last bits: a run of exactly min_bout_s
# must count as long both ways.
_TIME_EPS_S = 1e-6


@dataclass(frozen=True)
class Bout:
    start_s: float
    end_s: float
    direction: str  # forward | backward | pivoting | stationary
    start_index: int
    end_index: int  # exclusive
    distance_body_lengths: float  # path length of net travel
    net_forward_body_lengths: float  # progress along the heading (negative: backward)
    confidence: float  # 0..1
    sideways: float  # 0..1 share of the net travel across the heading (rolling, crab, walking)
    sideways_in_image: float  # the same in the image plane only (no noisy depth-from-size part)

    @property
    def duration_s(self) -> float:
        return self.end_s - self.start_s

    @property
    def speed_body_lengths_per_s(self) -> float:
        return self.distance_body_lengths / self.duration_s if self.duration_s > 0 else 0.0


def frame_labels(travel: TravelSignals, params: BoutParams = BoutParams()) -> np.ndarray:
    """(T,) per-frame direction, or '' where unknown."""
    p = params
    labels = np.full(len(travel.timestamps_s), "", dtype=object)
    known = np.isfinite(travel.speed) & np.isfinite(travel.forward)
    moving = known & (travel.speed > p.min_speed)
    along = np.where(known, travel.forward / np.maximum(travel.speed, 1e-9), 0.0)
    turning = known & ~moving & (np.nan_to_num(travel.turn_deg_s) > p.pivot_deg_s)
    labels[known] = "stationary"
    labels[turning] = "pivoting"
    # Sideways travel keeps the sign of its along-heading part (a crab or roll still goes some way).
    labels[moving & (along >= 0)] = "forward"
    labels[moving & (along < 0)] = "backward"
    return labels


def find_bouts(travel: TravelSignals, params: BoutParams = BoutParams()) -> list[Bout]:
    p = params
    t = travel.timestamps_s
    if len(t) < 2:
        return []
    dt = np.gradient(t)
    labels = _merge_short(frame_labels(travel, p), t, p.min_bout_s)
    # Rocking and pose jitter make short spells of "speed" that go nowhere: travel needs progress
    # along the heading, or clear displacement whichever way (an upright walker's trunk axis
    # points up while it walks across the view or toward the camera; rolling goes sideways).
    fwd = np.nan_to_num(travel.forward)
    moved = np.nan_to_num(travel.velocity)
    for a, b, lab in _runs(labels):
        # Pivoting turns the body round; settling a few degrees this way and that is staying put.
        if lab == "pivoting" and _net_turn_deg(travel.heading_deg[a:b]) < p.min_pivot_deg:
            labels[a:b] = "stationary"
        if lab not in ("forward", "backward"):
            continue
        progress = abs(float(np.sum(fwd[a:b] * dt[a:b])))
        shift = float(np.linalg.norm(np.sum(moved[a:b] * dt[a:b, None], axis=0)))
        if progress < p.min_progress and shift < p.min_shift:
            labels[a:b] = "stationary"
    labels = _merge_short(labels, t, p.min_bout_s)
    bouts: list[Bout] = []
    start = 0
    for i in range(1, len(labels) + 1):
        if i < len(labels) and labels[i] == labels[start]:
            continue
        if labels[start]:
            bouts.append(_bout(travel, dt, labels[start], start, i, p))
        start = i
    return bouts


def join_bouts(first: Bout, last: Bout, travel: TravelSignals, params: BoutParams) -> Bout:
    """One bout from ``first`` to ``last`` (same direction, neighbours or with only unknown frames
    between), measured over all their frames as ``find_bouts`` measures a bout, keeping their
    direction and the lower of their confidences (a joined bout is no surer than its parts)."""
    dt = np.gradient(travel.timestamps_s)
    whole = _bout(travel, dt, first.direction, first.start_index, last.end_index, params)
    return replace(
        whole, direction=first.direction, confidence=min(first.confidence, last.confidence)
    )


def _merge_short(
    labels: np.ndarray, t: np.ndarray, min_bout_s: float = BoutParams().min_bout_s
) -> np.ndarray:
    """Give runs shorter than ``min_bout_s`` the label of the longer neighbour, shortest run first
    (ties: nearest the middle of the clip), so that a time-reversed clip gets the same bouts."""
    labels = labels.copy()
    middle = (t[0] + t[-1]) / 2 if len(t) else 0.0
    for _ in range(len(labels)):
        runs = _runs(labels)
        if len(runs) == 1:
            break
        short = [
            (_span(t, run), round(abs(_centre(t, run) - middle), 6), k)
            for k, run in enumerate(runs)
            if run[2] and _span(t, run) < min_bout_s - _TIME_EPS_S
        ]
        merged = False
        for _, _, k in sorted(short):
            a, b, _lab = runs[k]
            cands = [runs[j] for j in (k - 1, k + 1) if 0 <= j < len(runs) and runs[j][2]]
            if cands:
                # The longer neighbour; between two as long, the one nearer the middle (not
                # the label: a reversed clip has the labels swapped and must merge alike).
                best = max(cands, key=lambda r: (_span(t, r), -abs(_centre(t, r) - middle)))
                labels[a:b] = best[2]
                merged = True
                break
        if not merged:
            break
    return labels


def _net_turn_deg(heading_deg: np.ndarray) -> float:
    """How far the heading turned from the first to the last frame where it is known."""
    known = heading_deg[np.isfinite(heading_deg)]
    return float(abs(known[-1] - known[0])) if len(known) > 1 else 0.0


def _span(t: np.ndarray, run: tuple[int, int, str]) -> float:
    return round(float(t[run[1] - 1] - t[run[0]]), 6)


def _centre(t: np.ndarray, run: tuple[int, int, str]) -> float:
    return float(t[run[0]] + t[run[1] - 1]) / 2


def _runs(labels: np.ndarray) -> list[tuple[int, int, str]]:
    runs = []
    start = 0
    for i in range(1, len(labels) + 1):
        if i == len(labels) or labels[i] != labels[start]:
            runs.append((start, i, labels[start]))
            start = i
    return runs


def _bout(travel: TravelSignals, dt: np.ndarray, label: str, a: int, b: int, p: BoutParams) -> Bout:
    sl = slice(a, b)
    speed = np.nan_to_num(travel.speed[sl])
    fwd = np.nan_to_num(travel.forward[sl])
    distance = float(np.sum(speed * dt[sl]))
    net = float(np.sum(fwd * dt[sl]))
    known_share = float(np.mean(np.isfinite(travel.speed[sl])))
    # Sideways: how much of the net displacement (not the path, which rocking inflates) lies
    # across the heading.
    displacement = float(np.linalg.norm(np.nansum(travel.velocity[sl] * dt[sl, None], axis=0)))
    across = float(np.clip(1.0 - abs(net) / displacement, 0.0, 1.0)) if displacement > 0 else 0.0
    along = abs(net) / distance if distance > 0 else 0.0
    planar = np.nansum(travel.velocity[sl, :2] * dt[sl, None], axis=0)
    planar_along = float(np.nansum(travel.planar_forward[sl] * dt[sl]))
    planar_norm = float(np.linalg.norm(planar))
    across_image = (
        float(np.clip(1.0 - abs(planar_along) / planar_norm, 0.0, 1.0)) if planar_norm > 0 else 0.0
    )
    if label in ("forward", "backward"):
        label = "forward" if net >= 0 else "backward"  # the net progress decides, not the frames
    if label in ("forward", "backward"):
        confidence = min(1.0, along * p.travel_confidence_gain) * known_share
    elif label == "pivoting":
        # sure from twice the rate that makes a pivot
        confidence = min(1.0, float(np.nanmean(travel.turn_deg_s[sl])) / (2 * p.pivot_deg_s))
    else:
        still = 1.0 - np.mean(speed) / p.min_speed
        confidence = float(np.clip(still, p.still_confidence_floor, 1.0)) * known_share
    return Bout(
        start_s=float(travel.timestamps_s[a]),
        end_s=float(travel.timestamps_s[b - 1]),
        direction=label,
        start_index=a,
        end_index=b,
        distance_body_lengths=distance,
        net_forward_body_lengths=net,
        confidence=round(float(confidence), 3),
        sideways=across,
        sideways_in_image=across_image,
    )
