"""Each limb: does it take part in the travel (cyclic motion relative to the trunk)?

A limb's signal is its distal point (wrist; knee or ankle) relative to its own shoulder or hip,
along the body axis and across it, in trunk lengths, with the slow drift removed and narrowed to
the gait rhythm (the strongest common frequency of the limbs during travel). Its activity is the
RMS of that over travelling frames where the limb was actually seen. Judgements are deliberately
conservative: a limb is "not used" only when it is well seen and barely moves while another limb
clearly does; the asymmetry flag needs a lopsided pair (or one side not used) over seconds of
travel.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass

import numpy as np
from scipy.ndimage import uniform_filter1d
from scipy.signal import butter, filtfilt

from crawlcoach.motion.clean import HIPS, SHOULDERS, CleanTrack, K

LIMB_NAMES = ("left_arm", "right_arm", "left_leg", "right_leg")
_DISTAL = {
    "left_arm": (K["left_wrist"], K["left_elbow"]),
    "right_arm": (K["right_wrist"], K["right_elbow"]),
    "left_leg": (K["left_knee"], K["left_ankle"]),
    "right_leg": (K["right_knee"], K["right_ankle"]),
}
_DETREND_S = 1.5
GAIT_HZ = (0.4, 3.0)  # infant crawling cycles run at about 0.5-2 Hz
GAIT_BAND_RATIO = 1.4  # the band kept around the gait frequency, as a ratio either side
MIN_SEEN_S = 2.0  # a limb needs this much well-seen travel before we judge it
UNUSED_ACTIVITY = 0.06  # trunk lengths RMS in the gait band: less is "barely moves"
UNUSED_RATIO = 0.35  # ...and less than this share of the busiest other limb's activity
ASYMMETRY_INDEX = 0.45  # symmetry index below this (one side < ~40% of the other) may flag


@dataclass(frozen=True)
class LimbReport:
    used: bool | None
    activity: float | None  # trunk lengths RMS of the cyclic motion during travel
    seen_s: float  # seconds of travel in which the limb was seen


@dataclass(frozen=True)
class LimbsResult:
    limbs: dict[str, LimbReport]
    symmetry_index: float | None  # 1 = both sides move alike, 0 = one side does not move
    asymmetry_flag: bool
    asymmetry_confidence: float  # 0..1: how sure the flag (or its absence) is
    signals: dict[str, np.ndarray]  # (T,) per limb in the gait band, NaN where not seen
    problems: list[str]


def limb_signals(clean: CleanTrack, across: bool = False) -> dict[str, np.ndarray]:
    """Per limb (T,): the distal point relative to its girdle along the body axis (``across``:
    at right angles to it in the image), trunk lengths, slow drift removed; NaN where not seen."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        hip = clean.point(HIPS)
        sh = clean.point(SHOULDERS)
        u = sh - hip
        u = u / np.linalg.norm(u, axis=1)[:, None]
        if across:
            u = np.stack([-u[:, 1], u[:, 0]], axis=1)
        out: dict[str, np.ndarray] = {}
        win = max(3, round(_DETREND_S * clean.fps) | 1)
        for name, points in _DISTAL.items():
            # Relative to the limb's own shoulder or hip: a dragged limb keeps its place there,
            # while the girdle centre moves against it as the trunk rolls.
            root = clean.xy[:, K[name.replace("arm", "shoulder").replace("leg", "hip")]]
            girdle = np.where(np.isfinite(root), root, sh if "arm" in name else hip)
            series = []
            for p in points:
                along = np.einsum("ti,ti->t", clean.xy[:, p] - girdle, u) / clean.size_px
                series.append(np.where(clean.seen[:, p], along, np.nan))
            s = series[0]
            s = np.where(np.isfinite(s), s, series[1])
            known = np.isfinite(s)
            if known.sum() < 3:
                out[name] = np.full(len(s), np.nan)
                continue
            filled = np.interp(np.arange(len(s)), np.flatnonzero(known), s[known])
            trend = uniform_filter1d(filled, win, mode="nearest")
            out[name] = np.where(known, filled - trend, np.nan)
    return out


def gait_frequency(
    signals: dict[str, np.ndarray], travelling: np.ndarray, fps: float
) -> float | None:
    """The crawling cycle's frequency (Hz): the strongest common rhythm of the limbs in travel."""
    if travelling.sum() < 2 * fps or fps <= 0:
        return None
    n = len(travelling)
    freqs = np.fft.rfftfreq(n, 1.0 / fps)
    power = np.zeros(len(freqs))
    window = np.hanning(n)
    for sig in signals.values():
        x = np.where(travelling & np.isfinite(sig), sig, 0.0)
        power += np.abs(np.fft.rfft((x - x.mean()) * window)) ** 2
    band = (freqs >= GAIT_HZ[0]) & (freqs <= min(GAIT_HZ[1], 0.45 * fps))
    if not band.any() or power[band].max() <= 0:
        return None
    return float(freqs[band][np.argmax(power[band])])


def gait_band(
    signals: dict[str, np.ndarray], travelling: np.ndarray, fps: float
) -> dict[str, np.ndarray]:
    """Each limb signal narrowed to the gait rhythm: body sway and pose jitter spread over all
    frequencies, a limb that crawls concentrates on the cycle. Unchanged when no rhythm shows."""
    f0 = gait_frequency(signals, travelling, fps)
    if f0 is None:
        return signals
    nyq = fps / 2
    lo, hi = f0 / GAIT_BAND_RATIO, min(f0 * GAIT_BAND_RATIO, 0.9 * nyq)
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


def analyze_limbs(clean: CleanTrack, travelling: np.ndarray) -> LimbsResult:
    signals = limb_signals(clean)
    dt = np.gradient(clean.timestamps_s) if len(clean) > 1 else np.ones(len(clean))
    reports: dict[str, LimbReport] = {}
    problems: list[str] = []
    activity: dict[str, float | None] = {}
    seen_s: dict[str, float] = {}
    # Activity counts the motion across the axis too (a hand lifts, a knee swings out): seen from
    # behind or in front, the stepping along the axis is foreshortened.
    cyclic = gait_band(signals, travelling, clean.fps)
    cyclic_across = gait_band(limb_signals(clean, across=True), travelling, clean.fps)
    for name, sig in signals.items():
        mask = travelling & np.isfinite(sig)
        seen_s[name] = float(np.sum(dt[mask]))
        power = cyclic[name] ** 2 + cyclic_across[name] ** 2
        activity[name] = float(np.sqrt(np.mean(power[mask]))) if mask.sum() >= 5 else None
    travel_s = float(np.sum(dt[travelling]))
    for name in LIMB_NAMES:
        act = activity[name]
        used: bool | None = None
        # The yardstick is the busiest other well-seen limb: its partner, or (both legs
        # dragging) the arms.
        others = [
            a for other, a in activity.items()
            if other != name and a is not None and seen_s[other] >= MIN_SEEN_S
        ]  # fmt: skip
        if act is not None and seen_s[name] >= MIN_SEEN_S:
            used = not (others and act < UNUSED_ACTIVITY and act < UNUSED_RATIO * max(others))
        reports[name] = LimbReport(
            used=used,
            activity=None if act is None else round(act, 4),
            seen_s=round(seen_s[name], 2),
        )
    if travel_s < MIN_SEEN_S:
        problems.append(
            f"only {travel_s:.1f} s of travel: too little to judge how each arm and leg takes part"
        )
    elif any(r.used is None for r in reports.values()):
        hidden = [n.replace("_", " ") for n, r in reports.items() if r.used is None]
        problems.append(f"not seen well enough during travel to judge: {', '.join(hidden)}")

    pair_indices = []
    pair_support = []
    for left, right in (("left_arm", "right_arm"), ("left_leg", "right_leg")):
        a, b = activity[left], activity[right]
        if a is None or b is None or min(seen_s[left], seen_s[right]) < MIN_SEEN_S:
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
        evidence = float(np.clip(travel_s / 6.0, 0.0, 1.0)) * support
        one_side_still = any(
            {reports[a].used, reports[b].used} == {True, False}
            for a, b in (("left_arm", "right_arm"), ("left_leg", "right_leg"))
        )
        if (symmetry < ASYMMETRY_INDEX or one_side_still) and support >= 0.6 and travel_s >= 3.0:
            flag = True
            margin = float(np.clip((ASYMMETRY_INDEX - symmetry) / 0.3, 0, 1))
            confidence = round(evidence * margin, 3)
        else:
            confidence = round(evidence * float(np.clip((symmetry - 0.2) / 0.5, 0, 1)), 3)
    return LimbsResult(reports, symmetry, flag, confidence, cyclic, problems)
