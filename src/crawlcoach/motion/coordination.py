"""Interlimb coordination during travel, from the phases of the limb signals.

Diagonal (trot-like): each arm moves with the opposite leg. Lateral (pace-like): each arm moves
with the leg on its own side. Synchronous: both arms together (and both legs). Irregular: no
consistent relation. Phases come from the analytic signal of the band-passed limb signals.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.signal import butter, filtfilt, hilbert

MIN_FRAMES = 24
_CONSISTENT = 0.45  # mean resultant length of a phase difference that counts as a relation


@dataclass(frozen=True)
class CoordinationResult:
    pattern: str  # diagonal | lateral | synchronous | irregular | unknown
    confidence: float
    phase_deg: dict[str, float]  # mean phase difference per limb pair
    consistency: dict[str, float]  # 0..1 per pair


def analyze_coordination(
    signals: dict[str, np.ndarray], travelling: np.ndarray, fps: float
) -> CoordinationResult:
    """``signals``: the limbs that take part (a limb left out, e.g. one not used, is not judged)."""
    mask = travelling.copy()
    for s in signals.values():
        mask &= np.isfinite(s)
    if mask.sum() < MIN_FRAMES or fps <= 0:
        return CoordinationResult("unknown", 0.0, {}, {})
    phases: dict[str, np.ndarray] = {}
    nyq = fps / 2
    b, a = butter(2, [0.3 / nyq, min(3.0, 0.9 * nyq) / nyq], btype="band")
    for name, s in signals.items():
        filled = np.where(np.isfinite(s), s, 0.0)
        band = filtfilt(b, a, filled, padlen=min(3 * max(len(a), len(b)), len(filled) - 1))
        phases[name] = np.angle(hilbert(band))
    pairs = {
        "arms": ("left_arm", "right_arm"),
        "legs": ("left_leg", "right_leg"),
        "diagonal_left_arm": ("left_arm", "right_leg"),
        "diagonal_right_arm": ("right_arm", "left_leg"),
        "same_side_left": ("left_arm", "left_leg"),
        "same_side_right": ("right_arm", "right_leg"),
    }
    mean: dict[str, complex] = {}
    for key, (p, q) in pairs.items():
        if p in phases and q in phases:
            mean[key] = complex(np.mean(np.exp(1j * (phases[p][mask] - phases[q][mask]))))
    phase_deg = {k: round(float(np.degrees(np.angle(v))), 1) for k, v in mean.items()}
    consistency = {k: round(float(abs(v)), 3) for k, v in mean.items()}

    def in_phase(*keys: str) -> float | None:
        """+1 in phase, -1 anti-phase, weighted by consistency; None where no pair is judged."""
        vals = [mean[k].real for k in keys if k in mean]
        return float(np.mean(vals)) if vals else None

    diagonal = in_phase("diagonal_left_arm", "diagonal_right_arm")
    same_side = in_phase("same_side_left", "same_side_right")
    girdles = in_phase("arms", "legs")
    if diagonal is None or same_side is None:
        return CoordinationResult("unknown", 0.0, phase_deg, consistency)
    scores = {"diagonal": (diagonal - same_side) / 2, "lateral": (same_side - diagonal) / 2}
    if girdles is not None:
        scores["synchronous"] = girdles
    best = max(scores, key=lambda k: scores[k])
    if scores[best] < _CONSISTENT:
        return CoordinationResult("irregular", round(1.0 - max(scores[best], 0.0), 3), phase_deg,
                                  consistency)
    return CoordinationResult(best, round(min(1.0, scores[best]), 3), phase_deg, consistency)
