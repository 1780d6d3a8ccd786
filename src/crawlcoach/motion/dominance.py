"""Which direction a clip's bouts add up to, and how sure that reading is.

How the confidence reads as a level (``contract.certainty``) was calibrated against the
development clips in four forms (original, two re-encodes, played backwards;
``bench/direction_confidence.py``).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from crawlcoach.motion.bouts import Bout
from crawlcoach.parameters import DominanceParams
from crawlcoach.vocabulary import BOUT_DIRECTIONS, TRAVEL_DIRECTIONS

TRAVEL = TRAVEL_DIRECTIONS


def dominant_direction(
    seconds: dict[str, float],
    upright: bool,
    net_forward: float,
    path: float,
    params: DominanceParams = DominanceParams(),
) -> str:
    """The direction with ``dominant_share`` of the moving time (travel and pivoting), else
    mixed; staying put when the baby moves for less than ``min_travel_s`` or ``still_share`` of
    the clip. A 2:1 split (67%), e.g. 3 s of turning in place then 5 s forward, is mixed."""
    p = params
    fwd, bwd, piv, still = (seconds[k] for k in BOUT_DIRECTIONS)
    total = fwd + bwd + piv + still
    if total <= 0:
        return "unknown"
    moving = fwd + bwd + piv
    if moving < p.min_travel_s or moving < p.still_share * total:
        return "stationary"
    if upright and fwd + bwd >= piv:
        return "forward" if fwd >= bwd else "backward"
    shares = {"forward": fwd, "backward": bwd, "pivoting": piv}
    top = max(shares, key=lambda k: shares[k])
    if shares[top] >= p.dominant_share * moving:
        return top
    # Travel time split between forward and backward often means noisy per-frame labels: clear
    # net progress along the heading then decides.
    net = abs(net_forward)
    clear = net >= p.net_decides_body_lengths and net >= p.net_decides_share * path
    if piv < (1 - p.dominant_share) * moving and clear:
        return "forward" if net_forward > 0 else "backward"
    return "mixed"


def direction_confidence(
    direction: str,
    bouts: Sequence[Bout],
    *,
    upright: bool,
    params: DominanceParams = DominanceParams(),
) -> float:
    """0..1: how sure the clip's ``dominant_direction`` is.

    - forward / backward: the time-weighted confidence of the bouts that went that way, scaled
      down when the net progress that way is under ``sure_progress_body_lengths`` (for an upright
      walker, whose trunk axis says nothing about where it faces, the distance walked instead);
    - pivoting / stationary: the time-weighted confidence of those bouts;
    - mixed: the less sure of the two directions that split the time, each judged as above
      (both must surely have happened), and less sure the nearer the larger one came to
      dominating (a 69:31 split is a near miss, a 50:50 one is clearly mixed);
    - unknown: 0.
    """
    p = params
    if direction in TRAVEL:
        travel = [b for b in bouts if b.direction in TRAVEL]
        if upright:
            progress = sum(b.distance_body_lengths for b in travel)
        else:
            sign = 1.0 if direction == "forward" else -1.0
            progress = sign * sum(b.net_forward_body_lengths for b in travel)
        return round(_weighted_confidence(bouts, direction) * _evidence(progress, p), 3)
    if direction in ("pivoting", "stationary"):
        return round(_weighted_confidence(bouts, direction), 3)
    if direction == "mixed":
        moving = (*TRAVEL, "pivoting")
        time = {d: sum(b.duration_s for b in bouts if b.direction == d) for d in moving}
        split = sorted(moving, key=lambda d: time[d], reverse=True)[:2]
        top_share = time[split[0]] / max(sum(time.values()), 1e-9)
        share = p.dominant_share
        even = float(np.clip((share - top_share) / (share - 0.5), 0.0, 1.0))
        return round(min(_part_confidence(bouts, d, p) for d in split) * even, 3)
    return 0.0


def _weighted_confidence(bouts: Sequence[Bout], direction: str) -> float:
    chosen = [b for b in bouts if b.direction == direction]
    total = sum(b.duration_s for b in chosen)
    if total <= 0:
        return 0.0
    return sum(b.confidence * b.duration_s for b in chosen) / total


def _part_confidence(bouts: Sequence[Bout], direction: str, p: DominanceParams) -> float:
    """How surely the baby went this way at some point: its bouts' confidence, and for travel
    the progress those bouts made."""
    if direction not in TRAVEL:
        return _weighted_confidence(bouts, direction)
    progress = abs(sum(b.net_forward_body_lengths for b in bouts if b.direction == direction))
    return _weighted_confidence(bouts, direction) * _evidence(progress, p)


def _evidence(progress: float, p: DominanceParams) -> float:
    return float(np.clip(progress / p.sure_progress_body_lengths, 0.0, 1.0))
