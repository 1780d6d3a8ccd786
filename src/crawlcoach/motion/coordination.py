"""Interlimb coordination during travel, from the relative phases of the limb signals.

Diagonal (trot-like): each arm moves with the opposite leg. Lateral (pace-like): each arm moves
with the leg on its own side. Synchronous: both arms together (and both legs). Irregular: no
consistent relation. Each limb signal (fore-aft motion against its girdle, narrowed to the gait
rhythm) gets a phase from its analytic signal; for every limb pair the mean phase difference and
its consistency (mean resultant length, 1 = the same lag in every cycle) are compared with what
each pattern predicts. Where the evidence is thin (few cycles, far-side limbs rarely seen, left
and right drawn on top of each other) the answer is ``unknown`` with the reason in ``note`` (a
note code, its figures in the details).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
from scipy.signal import hilbert

from crawlcoach.contract import Note
from crawlcoach.motion.clean import CleanTrack, K
from crawlcoach.motion.limbs import gait_frequency
from crawlcoach.notes import note
from crawlcoach.parameters import CoordinationParams, LimbParams
from crawlcoach.vocabulary import NoteCode

PAIRS: dict[str, tuple[str, str]] = {
    # key: (limb, reference); the angle is the limb's phase lead over the reference
    "arms": ("right_arm", "left_arm"),
    "legs": ("right_leg", "left_leg"),
    "diagonal_left_arm": ("right_leg", "left_arm"),
    "diagonal_right_arm": ("left_leg", "right_arm"),
    "same_side_left": ("left_leg", "left_arm"),
    "same_side_right": ("right_leg", "right_arm"),
}
_DIAGONAL = ("diagonal_left_arm", "diagonal_right_arm")
_SAME_SIDE = ("same_side_left", "same_side_right")
_GIRDLES = ("arms", "legs")
_DISTAL = {"arms": ("wrist", "elbow"), "legs": ("knee", "ankle")}


@dataclass(frozen=True)
class CoordinationResult:
    pattern: str  # diagonal | lateral | synchronous | irregular | unknown
    confidence: float  # 0..1
    phase_deg: dict[str, float]  # per limb pair (see PAIRS): the first limb's mean phase lead
    consistency: dict[str, float]  # 0..1 per pair
    note: Note | None = None  # why the pattern is unknown


def analyze_coordination(
    signals: dict[str, np.ndarray],
    travelling: np.ndarray,
    fps: float,
    clean: CleanTrack | None = None,
    in_depth: bool = False,
    params: CoordinationParams = CoordinationParams(),
    limb_params: LimbParams = LimbParams(),
) -> CoordinationResult:
    """``signals``: gait-band limb signals of the limbs that take part (a limb left out, e.g. one
    not used, is not judged). ``clean``: the track, to check that left and right limbs were both
    seen; without it that check is skipped. ``in_depth``: the baby crawled mostly toward or away
    from the camera, so the limbs step in depth and the image shows only part of it.
    ``limb_params``: how the gait frequency is found (as for the limbs)."""
    result = _judge(signals, travelling, fps, clean, in_depth, params, limb_params)
    if in_depth and result.pattern == "unknown" and result.note is not None:
        # Said to the parent as the one thing to change; the reason found stays in the details.
        details = {"reason": result.note.code, **result.note.details}
        return replace(result, note=note(NoteCode.RHYTHM_HIDDEN_IN_DEPTH, **details))
    return result


def _judge(
    signals: dict[str, np.ndarray],
    travelling: np.ndarray,
    fps: float,
    clean: CleanTrack | None,
    in_depth: bool,
    cp: CoordinationParams,
    limb_params: LimbParams,
) -> CoordinationResult:
    if fps <= 0 or not travelling.any():
        return _unknown(note(NoteCode.NO_TRAVEL_FOR_RHYTHM))
    f0 = gait_frequency(signals, travelling, fps, limb_params)
    if f0 is None:
        return _unknown(note(NoteCode.NO_STEADY_RHYTHM))
    analytic = {name: hilbert(np.where(np.isfinite(s), s, 0.0)) for name, s in signals.items()}
    mean: dict[str, complex] = {}
    frames: dict[str, np.ndarray] = {}
    for key, (p, q) in PAIRS.items():
        if p not in signals or q not in signals:
            continue
        both = travelling & np.isfinite(signals[p]) & np.isfinite(signals[q])
        if f0 * both.sum() / fps < cp.min_cycles:
            continue  # too few cycles with both limbs in view
        a, b = analytic[p][both], analytic[q][both]
        # Amplitude-weighted (coherence): frames where a limb pauses carry little phase.
        norm = np.sqrt(np.mean(np.abs(a) ** 2) * np.mean(np.abs(b) ** 2))
        if norm > 1e-12:
            mean[key] = complex(np.mean(a * np.conj(b)) / norm)
            frames[key] = both
    phase_deg = {k: round(float(np.degrees(np.angle(v))), 1) for k, v in mean.items()}
    consistency = {k: round(float(abs(v)), 3) for k, v in mean.items()}
    if not any(k in mean for k in _GIRDLES):
        return _unknown(
            note(NoteCode.TOO_FEW_CYCLES, needed_cycles=cp.min_cycles),
            phase_deg,
            consistency,
        )
    mask = np.any(list(frames.values()), axis=0)
    cycles = f0 * mask.sum() / fps

    girdles = [g for g in _GIRDLES if g in mean]
    seen = _both_sides_seen(clean, girdles, travelling) if clean is not None else {}
    poorly = {g: s for g, s in seen.items() if s < cp.sides_seen}
    if poorly:
        shares = {g: round(s, 3) for g, s in poorly.items()}
        return _unknown(
            note(NoteCode.SIDES_NOT_SEEN_TOGETHER, seen_together=shares, needed=cp.sides_seen),
            phase_deg,
            consistency,
        )
    sides_seen = min(seen.values(), default=1.0)

    scores = _template_scores(mean, cp.arm_leg_lead_deg)
    best = max(scores, key=lambda k: scores[k])
    confidence = round(float(np.clip(scores[best], 0, 1)) * min(1.0, cycles / cp.sure_cycles), 3)
    if best != "synchronous" and scores[best] >= (cp.depth_score if in_depth else cp.pattern_score):
        other = "lateral" if best == "diagonal" else "diagonal"
        if scores[best] - scores[other] >= cp.side_margin:
            return CoordinationResult(best, confidence, phase_deg, consistency)
        return _unknown(
            note(NoteCode.ARM_LEG_TIMING_UNCLEAR, scores=_rounded(scores)),
            phase_deg,
            consistency,
        )
    # "Synchronous" and "irregular" are what pose errors look like (one side drawn over the
    # other, noise), so both need all of the evidence: both girdles, both sides well seen, and
    # every limb stepping to a rhythm.
    full_view = all(g in mean for g in _GIRDLES if _limbs_of(g) <= signals.keys())
    clear = (
        full_view
        and sides_seen >= cp.sides_seen_strict
        and _steady_rhythm(signals, travelling, f0, fps, cp.rhythm_band) >= cp.rhythm
    )
    if best == "synchronous" and scores[best] >= cp.sync_score:
        if clear and not in_depth and _clearly_synchronous(mean, cp):
            return CoordinationResult(best, confidence, phase_deg, consistency)
        return _unknown(
            note(NoteCode.LIMBS_LOOKED_IN_STEP, scores=_rounded(scores)),
            phase_deg,
            consistency,
        )
    steady = float(np.mean(list(consistency.values()))) >= cp.irregular_consistency
    if clear and not in_depth and not steady and max(scores.values()) < cp.pattern_score:
        return CoordinationResult(
            "irregular", round(1.0 - max(scores[best], 0.0), 3), phase_deg, consistency
        )
    # A steady timing that matches no crawling pattern is what pose errors look like; otherwise
    # the timing fits no pattern clearly and the limbs were not seen clearly enough to call it
    # irregular.
    unmatched = clear and steady and not in_depth
    code = NoteCode.STEADY_TIMING_UNMATCHED if unmatched else NoteCode.TIMING_UNCLEAR
    return _unknown(note(code, scores=_rounded(scores)), phase_deg, consistency)


def _rounded(scores: dict[str, float]) -> dict[str, float]:
    return {k: round(v, 3) for k, v in scores.items()}


def _limbs_of(girdle: str) -> set[str]:
    return {f"left_{girdle[:-1]}", f"right_{girdle[:-1]}"}


def _template_scores(mean: dict[str, complex], arm_leg_lead_deg: float) -> dict[str, float]:
    """Per pattern, the mean over judged pairs of consistency x cos(measured - predicted lead)."""
    lead = np.radians(arm_leg_lead_deg)
    predicted = {
        "diagonal": {"arms": np.pi, "legs": np.pi}
        | dict.fromkeys(_DIAGONAL, lead)
        | dict.fromkeys(_SAME_SIDE, lead - np.pi),
        "lateral": {"arms": np.pi, "legs": np.pi}
        | dict.fromkeys(_SAME_SIDE, lead)
        | dict.fromkeys(_DIAGONAL, lead - np.pi),
    }
    scores: dict[str, float] = {}
    for pattern, expect in predicted.items():
        vals = [
            abs(mean[k]) * np.cos(np.angle(mean[k]) - a) for k, a in expect.items() if k in mean
        ]
        scores[pattern] = float(np.mean(vals))
    # Synchronous: girdles in phase; the legs may follow the arms at once or half a cycle later.
    vals = [mean[k].real for k in _GIRDLES if k in mean]
    vals += [abs(mean[k].real) for k in _DIAGONAL + _SAME_SIDE if k in mean]
    scores["synchronous"] = float(np.mean(vals))
    return scores


def _clearly_synchronous(mean: dict[str, complex], p: CoordinationParams) -> bool:
    girdles = [abs(mean[k]) >= p.sync_girdle and mean[k].real > 0 for k in _GIRDLES if k in mean]
    arm_leg = [abs(mean[k].real) for k in _DIAGONAL + _SAME_SIDE if k in mean]
    return all(girdles) and (not arm_leg or float(np.mean(arm_leg)) >= p.sync_arm_leg)


def _both_sides_seen(
    clean: CleanTrack, girdles: list[str], travelling: np.ndarray
) -> dict[str, float]:
    """Per girdle: the share of travel in which a distal point of the left limb and one of the
    right limb were both measured (not guessed by the pose model, nor bridged)."""
    out: dict[str, float] = {}
    for girdle in girdles:
        points = _DISTAL[girdle]
        left = np.any([clean.seen[:, K[f"left_{p}"]] for p in points], axis=0)
        right = np.any([clean.seen[:, K[f"right_{p}"]] for p in points], axis=0)
        out[girdle] = float(np.mean((left & right)[travelling]))
    return out


def _steady_rhythm(
    signals: dict[str, np.ndarray],
    travelling: np.ndarray,
    f0: float,
    fps: float,
    band: tuple[float, float],
) -> float:
    """The smallest share, over the limbs, of travel frames in which the limb's phase advances
    at a crawling pace (``band`` times the gait frequency): a limb that steps, even out of step
    with the others, keeps a rhythm of its own; pose noise does not."""
    shares = []
    for s in signals.values():
        known = travelling & np.isfinite(s)
        if known.sum() < 3:
            continue
        phase = np.unwrap(np.angle(hilbert(np.where(np.isfinite(s), s, 0.0))))
        hz = np.diff(phase, prepend=phase[0]) * fps / (2 * np.pi)
        shares.append(float(np.mean((hz[known] > band[0] * f0) & (hz[known] < band[1] * f0))))
    return min(shares, default=0.0)


def _unknown(
    why: Note,
    phase_deg: dict[str, float] | None = None,
    consistency: dict[str, float] | None = None,
) -> CoordinationResult:
    return CoordinationResult("unknown", 0.0, phase_deg or {}, consistency or {}, why)
