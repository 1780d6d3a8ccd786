"""Shared by accuracy_logo.py and train_direction_model.py: every real clip's tracks in every
variant (``clip_variants.py``), read by the rules and cut into window features, plus synthetic
catalogue draws with their true direction per window.

A reading is one track read one way: each track is also read reversed in time (the baby then
travels against its heading), so a forward crawl gives forward and backward readings.
``load_real`` caches what it computed beside each track (``<variant>/readings/``); delete those
folders after the motion code changes (``--refresh``).
"""

from __future__ import annotations

import argparse
import csv
import pickle
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from accuracy_clips import reversed_camera, reversed_track
from crawlcoach.motion import CameraMotion, analyze_motion
from crawlcoach.motion.clean import clean_track
from crawlcoach.motion.heading import estimate_heading
from crawlcoach.motion.travel import depth_trend_per_s, measure_travel
from crawlcoach.motion.windows import Windows, window_features
from crawlcoach.parameters import AnalysisParams
from crawlcoach.pose.track import PoseTrack
from crawlcoach.synth import generate
from crawlcoach.synth.scenarios import standard_suite
from pose_common import DEV, NEGATIVES, NON_CRAWLING

DEFAULT_PARAMS = AnalysisParams()
VARIANTS = ("original", "reencoded", "compressed", "mirrored", "reversed")
# The variants that must read like the original (stability), and the one played backwards.
SAME_AS_ORIGINAL = ("reencoded", "compressed", "mirrored")


@dataclass
class Reading:
    set: str  # dev | negatives | non-crawling | synth
    stem: str
    group: str  # source group: dev g01-g10, the source repository for the others
    variant: str
    time_reversed: bool
    expected_direction: str | None  # forward / backward / stationary; None: not labelled
    expected_crawling: bool | None  # None: ambiguous (rolling, pivoting)
    style_label: str  # dev labels.csv style; "" elsewhere
    rules: dict  # the rule-based locomotion section
    windows: Windows
    window_sign: np.ndarray | None = None  # synth: +1/-1/0 true direction per window
    depth_trend: float = 0.0  # travel.depth_trend_per_s: what settles a split (mixed) reading

    @property
    def played_backwards(self) -> bool:
        return self.variant == "reversed"


def read(
    track: PoseTrack, cam: CameraMotion | None, params: AnalysisParams = DEFAULT_PARAMS
) -> tuple[dict, Windows, float]:
    """The rules' locomotion section, the window features and the depth trend of one track."""
    result = analyze_motion(track, camera_motion=cam, params=params, learned_direction=False)
    clean = clean_track(track, cam, params.clean)
    heading = estimate_heading(clean, params.heading)
    windows = window_features(measure_travel(clean, heading, params.bouts), heading, params.windows)
    return result.locomotion.to_dict(), windows, depth_trend_per_s(clean, heading)


def analysis_params(overrides: str) -> tuple[AnalysisParams, str]:
    """``stage.field=value[,stage.field=value]`` (e.g. ``bouts.min_speed=0.125``) applied to the
    product's parameters, and a name for the cache of the readings they give ("" when they are
    the product's): the rules' readings and the windows do not depend on ``mixed.*``, so those
    are left out of it."""
    params = DEFAULT_PARAMS
    for item in filter(None, overrides.split(",")):
        key, _, value = item.partition("=")
        stage, _, name = key.partition(".")
        block = getattr(params, stage)
        default = getattr(block, name)
        flag = isinstance(default, bool)
        typed = value.lower() in ("on", "true", "1") if flag else type(default)(value)
        params = replace(params, **{stage: replace(block, **{name: typed})})
    key = ",".join(o for o in overrides.split(",") if o and not o.startswith("mixed."))
    return params, key


def _labels() -> list[dict]:
    rows = []
    with open(DEV / "labels.csv", newline="") as fh:
        for r in csv.DictReader(fh):
            rows.append({"set": "dev", "file": r["file"], "group": r["group"],
                         "direction": r["direction"], "crawling": r["direction"] != "stationary",
                         "style": r["style"]})  # fmt: skip
    with open(NEGATIVES / "labels.csv", newline="") as fh:
        for r in csv.DictReader(fh):
            # N1 is the same video as non-crawling/dvirbuss_prone_video8 (same source group)
            group = "dvirbuss/Infant-Analyzer-app" if r["file"].startswith("N1") else r["file"]
            rows.append({"set": "negatives", "file": r["file"], "group": group,
                         "direction": r["direction"], "crawling": False, "style": ""})  # fmt: skip
    with open(NON_CRAWLING / "labels.csv", newline="") as fh:
        for r in csv.DictReader(fh):
            crawling = {"false": False, "true": True}.get(r["expected_crawling"])
            rows.append({"set": "non-crawling", "file": r["file"], "group": r["repo"],
                         "direction": None, "crawling": crawling, "style": ""})  # fmt: skip
    return rows


def load_real(variants_dir: Path, *, refresh: bool = False, overrides: str = "") -> list[Reading]:
    """Every track present under ``variants_dir`` (missing or no-baby ones are left out: the
    benchmark counts them from ``missing_real``), read forward and reversed in time, with the
    product's analysis parameters changed by ``overrides`` (``analysis_params``). Each track's
    two readings are cached beside it (``<variant>/readings/<stem>.pkl``; with overrides in
    ``readings-<overrides>/``)."""
    params, key = analysis_params(overrides)
    folder = f"readings-{key}" if key else "readings"
    out = []
    for row in _labels():
        stem = Path(row["file"]).stem
        for variant in VARIANTS:
            tpath = variants_dir / variant / "tracks" / f"{stem}.npz"
            if not tpath.exists():
                continue
            cache = variants_dir / variant / folder / f"{stem}.pkl"
            if cache.exists() and not refresh:
                with open(cache, "rb") as fh:
                    cached = pickle.load(fh)
                if _current(cached):
                    out.extend(cached)
                    continue
            track = PoseTrack.load(tpath)
            cpath = variants_dir / variant / "camera" / f"{stem}.npz"
            cam = None
            if cpath.exists():
                data = np.load(cpath)
                cam = CameraMotion(data["timestamps_s"], data["to_reference"], data["valid"])
            pair = []
            for flip in (False, True):
                tr = reversed_track(track) if flip else track
                cm = None if cam is None else (reversed_camera(cam) if flip else cam)
                loco, windows, trend = read(tr, cm, params)
                expected = row["direction"]
                if expected in ("forward", "backward") and (flip != (variant == "reversed")):
                    expected = "backward" if expected == "forward" else "forward"
                pair.append(Reading(row["set"], stem, row["group"], variant, flip, expected,
                                    row["crawling"], row["style"], loco, windows,
                                    depth_trend=trend))  # fmt: skip
            cache.parent.mkdir(parents=True, exist_ok=True)
            with open(cache, "wb") as fh:
                pickle.dump(pair, fh)
            out.extend(pair)
    return out


def _current(cached: list[Reading]) -> bool:
    """Cached readings hold every field ``Reading`` has now (else they are computed again)."""
    return all("depth_trend" in vars(r) for r in cached)


def missing_real(variants_dir: Path) -> list[tuple[str, str, str]]:
    """(set, stem, variant) of every clip without a track (no baby found, or not yet made)."""
    out = []
    for row in _labels():
        stem = Path(row["file"]).stem
        for variant in VARIANTS:
            if not (variants_dir / variant / "tracks" / f"{stem}.npz").exists():
                out.append((row["set"], stem, variant))
    return out


def _window_sign(windows: Windows, bouts: tuple, *, min_share: float = 0.8) -> np.ndarray:
    """+1/-1 where a true forward/backward bout covers ``min_share`` of the window, else 0."""
    sign = np.zeros(len(windows))
    for i, (a, b) in enumerate(zip(windows.start_s, windows.end_s, strict=True)):
        for bout in bouts:
            overlap = min(b, bout.end_s) - max(a, bout.start_s)
            if bout.direction in ("forward", "backward") and overlap >= min_share * (b - a):
                if (
                    bout.travel_angle_deg is not None
                    and abs(np.cos(np.radians(bout.travel_angle_deg))) < 0.5
                ):
                    continue  # rolling: sideways, no forward or backward
                sign[i] = 1.0 if bout.direction == "forward" else -1.0
    return sign


# Pose noise of the noisy synthetic draws (``load_synth(noisy=True)``): the level at which the
# rules split plain forward crawls into forward and backward bouts (tests/motion).
NOISY_PX, NOISY_SWAP = 6.0, 0.05


def load_synth(
    seeds: list[int], cache_dir: Path | None = None, overrides: str = "", *, noisy: bool = False
) -> list[Reading]:
    """Catalogue draws, each read forward and reversed in time, with the true window signs
    (cached in ``cache_dir`` as ``synth_<seeds>[-noisy][-<overrides>].pkl`` when given).
    ``noisy``: with keypoint jitter of ``NOISY_PX`` and ``NOISY_SWAP`` left-right swaps."""
    from crawlcoach.motion.camera import CameraMotion as Cam

    params, key = analysis_params(overrides)
    cache = None
    if cache_dir is not None:
        name = "-".join(map(str, seeds)) + ("-noisy" if noisy else "") + (f"-{key}" if key else "")
        cache = cache_dir / f"synth_{name}.pkl"
        if cache.exists():
            with open(cache, "rb") as fh:
                cached = pickle.load(fh)
            if _current(cached):
                return cached
    out = []
    for seed in seeds:
        for scenario in standard_suite(seed):
            if noisy:
                scenario = replace(scenario, noise_px=NOISY_PX, swap=NOISY_SWAP)
            clip = generate(scenario)
            cam = Cam.from_point_tracks(clip.track.timestamps_s, clip.background_px)
            truth = clip.truth
            for flip in (False, True):
                tr = reversed_track(clip.track) if flip else clip.track
                cm = reversed_camera(cam) if flip else cam
                loco, windows, trend = read(tr, cm, params)
                sign = _window_sign(windows, _flip_bouts(truth.bouts, tr) if flip else truth.bouts)
                expected = truth.dominant_direction
                if flip and expected in ("forward", "backward"):
                    expected = "backward" if expected == "forward" else "forward"
                group = f"synth{seed}{'n' if noisy else ''}"
                out.append(Reading("synth", scenario.name, group, "synth", flip,
                                   expected, truth.crawling, truth.dominant_style, loco, windows,
                                   sign, trend))  # fmt: skip
    if cache is not None:
        with open(cache, "wb") as fh:
            pickle.dump(out, fh)
    return out


def _flip_bouts(bouts: tuple, track: PoseTrack) -> tuple:
    from dataclasses import replace

    end = float(track.timestamps_s[-1])
    swap = {"forward": "backward", "backward": "forward"}
    return tuple(
        replace(b, start_s=end - b.end_s, end_s=end - b.start_s,
                direction=swap.get(b.direction, b.direction))
        for b in bouts
    )  # fmt: skip


def add_synth_args(ap: argparse.ArgumentParser) -> None:
    """The synthetic draws a benchmark trains on: ``--synth-seeds`` and ``--noisy-seeds``."""
    ap.add_argument("--synth-seeds", type=int, nargs="+", default=[0, 1, 2])
    ap.add_argument(
        "--noisy-seeds",
        type=int,
        nargs="*",
        default=[],
        help="also these catalogue seeds with strong pose noise (logo_data.NOISY_PX/SWAP)",
    )


def synth_from_args(args: argparse.Namespace) -> list[Reading]:
    """The draws ``add_synth_args`` asked for (cached beside ``args.variants``)."""
    synth = load_synth(args.synth_seeds, args.variants)
    if args.noisy_seeds:
        synth += load_synth(args.noisy_seeds, args.variants, noisy=True)
    return synth
