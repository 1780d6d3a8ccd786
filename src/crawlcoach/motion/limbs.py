"""Each limb: does it take part in the travel (cyclic motion relative to the trunk)?

A limb's signal is its distal points (wrist and elbow; knee and ankle; averaged where both are
seen) relative to its own shoulder or hip, along the body axis and across it, in trunk lengths,
with the slow drift removed and narrowed to
the gait rhythm (the strongest common frequency of the limbs during travel). Its activity is the
RMS, over travelling frames where the limb was seen, of the part of that motion that keeps a steady
phase to another limb (pose jitter, largest on limbs hidden behind the body, keeps none).
Judgements are deliberately conservative: a limb is "not used" only when it is well seen and
barely moves, out of step, while its partner and the busiest limb clearly move; the asymmetry
flag needs a lopsided pair (or one side not used) over seconds of travel.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass

import numpy as np
from scipy.ndimage import uniform_filter1d
from scipy.signal import butter, filtfilt, hilbert

from crawlcoach.contract import Note
from crawlcoach.motion.clean import HIPS, SHOULDERS, CleanTrack, K
from crawlcoach.notes import note
from crawlcoach.parameters import LimbParams, frames
from crawlcoach.vocabulary import LIMBS, NoteCode

LIMB_NAMES = LIMBS
_DISTAL = {
    "left_arm": (K["left_wrist"], K["left_elbow"]),
    "right_arm": (K["right_wrist"], K["right_elbow"]),
    "left_leg": (K["left_knee"], K["left_ankle"]),
    "right_leg": (K["right_knee"], K["right_ankle"]),
}
_PARTNER = {
    "left_arm": "right_arm",
    "right_arm": "left_arm",
    "left_leg": "right_leg",
    "right_leg": "left_leg",
}


@dataclass(frozen=True)
class LimbReport:
    used: bool | None
    activity: float | None  # trunk lengths RMS of the cyclic motion during travel
    seen_s: float  # seconds of travel in which the limb was seen
    coherence: float | None = None  # 0..1: share of its gait-band motion in step with the others


@dataclass(frozen=True)
class LimbsResult:
    limbs: dict[str, LimbReport]
    symmetry_index: float | None  # 1 = both sides move alike, 0 = one side does not move
    asymmetry_flag: bool
    asymmetry_confidence: float  # 0..1: how sure the flag (or its absence) is
    signals: dict[str, np.ndarray]  # (T,) per limb in the gait band, NaN where not seen
    problems: list[Note]  # what kept a limb from being judged


def limb_signals(
    clean: CleanTrack,
    across: bool = False,
    steady: bool = False,
    params: LimbParams = LimbParams(),
) -> dict[str, np.ndarray]:
    """Per limb (T,): the distal point relative to its girdle along the body axis (``across``:
    at right angles to it in the image), trunk lengths, slow drift removed; NaN where not seen.
    ``steady``: along the body axis averaged over the detrending window instead of the axis of
    each frame, so that the trunk's own sway does not count as limb motion."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        hip = clean.point(HIPS)
        sh = clean.point(SHOULDERS)
        u = sh - hip
        u = u / np.linalg.norm(u, axis=1)[:, None]
        win = max(3, round(params.detrend_s * clean.fps) | 1)
        if steady:
            u = _smooth_directions(u, win)
        if across:
            u = np.stack([-u[:, 1], u[:, 0]], axis=1)
        out: dict[str, np.ndarray] = {}
        for name, points in _DISTAL.items():
            # Relative to the limb's own shoulder or hip: a dragged limb keeps its place there,
            # while the girdle centre moves against it as the trunk rolls.
            root = clean.xy[:, K[name.replace("arm", "shoulder").replace("leg", "hip")]]
            girdle = np.where(np.isfinite(root), root, sh if "arm" in name else hip)
            series = []
            for p in points:
                along = np.einsum("ti,ti->t", clean.xy[:, p] - girdle, u) / clean.size_px
                series.append(np.where(clean.seen[:, p], along, np.nan))
            # Both points where both are seen: their jitter is independent, their stepping not.
            s = np.where(np.isfinite(series[1]), (series[0] + series[1]) / 2, series[0])
            s = np.where(np.isfinite(s), s, series[1])
            known = np.isfinite(s)
            if known.sum() < 3:
                out[name] = np.full(len(s), np.nan)
                continue
            filled = np.interp(np.arange(len(s)), np.flatnonzero(known), s[known])
            trend = uniform_filter1d(filled, win, mode="nearest")
            out[name] = np.where(known, filled - trend, np.nan)
    return out


def _smooth_directions(u: np.ndarray, win: int) -> np.ndarray:
    """(T, 2) unit vectors averaged over ``win`` frames; NaN rows bridged from their neighbours."""
    known = np.isfinite(u).all(axis=1)
    if known.sum() < 2:
        return u
    idx = np.arange(len(u))
    filled = np.stack([np.interp(idx, idx[known], u[known, i]) for i in range(2)], axis=1)
    mean = uniform_filter1d(filled, win, axis=0, mode="nearest")
    mean /= np.maximum(np.linalg.norm(mean, axis=1), 1e-9)[:, None]
    return np.where(known[:, None], mean, np.nan)


def gait_frequency(
    signals: dict[str, np.ndarray],
    travelling: np.ndarray,
    fps: float,
    params: LimbParams = LimbParams(),
) -> float | None:
    """The crawling cycle's frequency (Hz): the strongest common rhythm of the limbs in travel."""
    if travelling.sum() < params.min_gait_travel_s * fps or fps <= 0:
        return None
    n = len(travelling)
    freqs = np.fft.rfftfreq(n, 1.0 / fps)
    power = np.zeros(len(freqs))
    window = np.hanning(n)
    for sig in signals.values():
        x = np.where(travelling & np.isfinite(sig), sig, 0.0)
        power += np.abs(np.fft.rfft((x - x.mean()) * window)) ** 2
    low, high = params.gait_hz
    band = (freqs >= low) & (freqs <= min(high, 0.45 * fps))  # under the Nyquist rate
    if not band.any() or power[band].max() <= 0:
        return None
    return float(freqs[band][np.argmax(power[band])])


def gait_band(
    signals: dict[str, np.ndarray],
    travelling: np.ndarray,
    fps: float,
    params: LimbParams = LimbParams(),
) -> dict[str, np.ndarray]:
    """Each limb signal narrowed to the gait rhythm: body sway and pose jitter spread over all
    frequencies, a limb that crawls concentrates on the cycle. Unchanged when no rhythm shows."""
    f0 = gait_frequency(signals, travelling, fps, params)
    if f0 is None:
        return signals
    nyq = fps / 2
    ratio = params.gait_band_ratio
    lo, hi = f0 / ratio, min(f0 * ratio, 0.9 * nyq)
    b, a = butter(2, [lo / nyq, hi / nyq], btype="band")
    out: dict[str, np.ndarray] = {}
    for name, sig in signals.items():
        known = np.isfinite(sig)
        if known.sum() <= 3 * max(len(a), len(b)):
            out[name] = sig
            continue
        filled = np.interp(np.arange(len(sig)), np.flatnonzero(known), sig[known])
        out[name] = np.where(known, filtfilt(b, a, filled), np.nan)
    return out


def _analytic(sig: np.ndarray) -> np.ndarray:
    known = np.isfinite(sig)
    if known.sum() < 3:
        return np.full(len(sig), np.nan, complex)
    filled = np.interp(np.arange(len(sig)), np.flatnonzero(known), sig[known])
    return np.where(known, hilbert(filled), np.nan)


def _locked_activity(
    name: str,
    along: dict[str, np.ndarray],
    across: dict[str, np.ndarray],
    mask: np.ndarray,
    least: int,
) -> tuple[float, float]:
    """RMS (trunk lengths) of the part of a limb's motion that keeps step with another limb,
    and of all its motion in the gait band.

    Pose jitter, largest on limbs hidden behind the body, has no fixed timing and averages out;
    a limb that crawls keeps a steady phase to the others whatever the pattern."""
    own = [_analytic(along[name]), _analytic(across[name])]
    raw = float(np.sqrt(np.mean(sum(np.abs(z[mask]) ** 2 for z in own)) / 2))
    best = 0.0
    for other in along:
        if other == name:
            continue
        for ref in (_analytic(along[other]), _analytic(across[other])):
            both = mask & np.isfinite(ref)
            if both.sum() < least:
                continue
            r = ref[both]
            norm = np.mean(np.abs(r) ** 2)
            if norm <= 1e-12:
                continue
            power = sum(abs(np.mean(z[both] * np.conj(r))) ** 2 for z in own) / norm
            best = max(best, float(np.sqrt(power / 2)))
    return min(best, raw), raw


def analyze_limbs(
    clean: CleanTrack, travelling: np.ndarray, params: LimbParams = LimbParams()
) -> LimbsResult:
    p = params
    signals = limb_signals(clean, params=p)
    dt = np.gradient(clean.timestamps_s) if len(clean) > 1 else np.ones(len(clean))
    reports: dict[str, LimbReport] = {}
    problems: list[Note] = []
    activity: dict[str, float | None] = {}
    seen_s: dict[str, float] = {}
    coherence: dict[str, float] = {}
    # Activity counts the motion across the axis too (a hand lifts, a knee swings out): seen from
    # behind or in front, the stepping along the axis is foreshortened.
    # Measured twice, against the trunk axis of each frame and against its steady direction, and
    # the smaller kept: a limb carried along rigidly with the swaying trunk is still in the first,
    # one that keeps its place while the trunk sways over it is still in the second; a limb that
    # steps moves in both.
    fps = clean.fps
    cyclic = gait_band(signals, travelling, fps, p)
    axes = [
        (cyclic, gait_band(limb_signals(clean, across=True, params=p), travelling, fps, p)),
        tuple(
            gait_band(limb_signals(clean, across=a, steady=True, params=p), travelling, fps, p)
            for a in (False, True)
        ),
    ]
    least = frames(p.min_activity_s, clean.frame_rate)
    for name, sig in signals.items():
        mask = travelling & np.isfinite(sig)
        seen_s[name] = float(np.sum(dt[mask]))
        if mask.sum() < least:
            activity[name] = None
            continue
        locked, raw = min(
            _locked_activity(name, along, across, mask, least) for along, across in axes
        )
        activity[name] = locked
        coherence[name] = locked / raw if raw > 0 else 0.0
    travel_s = float(np.sum(dt[travelling]))
    judged = {
        n: a for n, a in activity.items() if a is not None and seen_s[n] >= p.min_seen_s
    }  # fmt: skip
    busiest = max(judged.values(), default=0.0)
    for name in LIMB_NAMES:
        act = activity[name]
        used: bool | None = None
        if name in judged and act is not None:
            # Still against the busiest limb, and against its partner unless that one is still
            # too (both legs dragged in a belly crawl): a noisy but stepping limb keeps some
            # rhythm of its own and keeps up with its partner.
            partner = judged.get(_PARTNER[name])
            lagging = (
                partner is None
                or act < p.unused_ratio * partner
                or (partner < p.unused_ratio * busiest)
            )
            used = not (
                act < p.unused_activity
                and act < p.unused_ratio * busiest
                and lagging
                and coherence[name] < p.unused_coherence
            )
        reports[name] = LimbReport(
            used=used,
            activity=None if act is None else round(act, 4),
            seen_s=round(seen_s[name], 2),
            coherence=None if act is None else round(coherence[name], 3),
        )
    if travel_s < p.min_seen_s:
        problems.append(
            note(NoteCode.TOO_LITTLE_TRAVEL_FOR_LIMBS, travel_s=round(travel_s, 2),
                 needed_s=p.min_seen_s)
        )  # fmt: skip
    elif any(r.used is None for r in reports.values()):
        hidden = [n for n, r in reports.items() if r.used is None]
        problems.append(note(NoteCode.LIMBS_NOT_SEEN, limbs=hidden))

    pair_indices = []
    pair_support = []
    for left, right in (("left_arm", "right_arm"), ("left_leg", "right_leg")):
        a, b = activity[left], activity[right]
        if a is None or b is None or min(seen_s[left], seen_s[right]) < p.min_seen_s:
            continue
        if a + b < 1e-6 or (reports[left].used is False and reports[right].used is False):
            continue  # both still (e.g. legs dragged in a belly crawl) is symmetric
        pair_indices.append(1.0 - abs(a - b) / (a + b))
        pair_support.append(min(seen_s[left], seen_s[right]) / max(travel_s, 1e-9))
    symmetry = round(float(min(pair_indices)), 3) if pair_indices else None
    flag = False
    confidence = 0.0
    if symmetry is not None:
        k = int(np.argmin(pair_indices))
        support = float(np.clip(pair_support[k], 0.0, 1.0))
        evidence = float(np.clip(travel_s / p.sure_flag_travel_s, 0.0, 1.0)) * support
        # How clearly a limb reported still lags its moving partner (0 at the unused_ratio
        # line, 1 when it does not move at all).
        still_margin = max(
            (
                float(np.clip(1.0 - still / (p.unused_ratio * moving), 0, 1))
                for a, b in _PARTNER.items()
                if reports[a].used is False
                and reports[b].used is True
                and (still := activity[a]) is not None
                and (moving := activity[b])
            ),
            default=None,
        )
        lopsided = symmetry < p.asymmetry_index or still_margin is not None
        if lopsided and support >= p.min_flag_support and travel_s >= p.min_flag_travel_s:
            margin = float(np.clip((p.asymmetry_index - symmetry) / p.sure_flag_margin, 0, 1))
            confidence = round(evidence * max(margin, still_margin or 0.0), 3)
            # A flag we are barely sure of frightens more than it helps: not raised, and the
            # absence is not sure either.
            flag = confidence >= p.min_flag_confidence
            confidence = confidence if flag else 0.0
        else:
            sure = (symmetry - p.symmetric_from) / p.symmetric_span
            confidence = round(evidence * float(np.clip(sure, 0, 1)), 3)
    return LimbsResult(reports, symmetry, flag, confidence, axes[1][0], problems)
