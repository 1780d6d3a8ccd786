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
        mean[key] = complex(np.mean(np.exp(1j * (phases[p][mask] - phases[q][mask]))))
    phase_deg = {k: round(float(np.degrees(np.angle(v))), 1) for k, v in mean.items()}
    consistency = {k: round(float(abs(v)), 3) for k, v in mean.items()}

    def in_phase(key: str) -> float:
        return float(mean[key].real)  # +1 in phase, -1 anti-phase, weighted by consistency

    diagonal = (in_phase("diagonal_left_arm") + in_phase("diagonal_right_arm")) / 2
    same_side = (in_phase("same_side_left") + in_phase("same_side_right")) / 2
    girdles = (in_phase("arms") + in_phase("legs")) / 2
    scores = {
        "diagonal": (diagonal - same_side) / 2,
        "lateral": (same_side - diagonal) / 2,
        "synchronous": girdles,
    }
    best = max(scores, key=lambda k: scores[k])
    if scores[best] < _CONSISTENT:
        return CoordinationResult("irregular", round(1.0 - max(scores[best], 0.0), 3), phase_deg,
                                  consistency)
    return CoordinationResult(best, round(min(1.0, scores[best]), 3), phase_deg, consistency)
