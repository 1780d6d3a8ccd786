"""A travel gate for the rules' ``crawling`` (issue 17: babies who stay put called crawlers),
tried and not kept: its sweep, leave-one-group-out.

    .venv/bin/python bench/travel_gate_sweep.py --variants /work/data/variants   # ~5 min, then ~1

The idea: the rules call a clip crawling from bouts of travel along the heading; a baby on its
back kicking makes such bouts out of limb and size noise. A small logistic model over clip
features (how far the body centre got over the floor, in body lengths, from the camera-free
travel signals; limb motion against the trunk; how the trunk stood; backend depth of knees and
ankles against the hips) gives a calibrated probability of crawling travel, and the rules'
``crawling`` is overruled below a cut. Every feature is even under time reversal and mirroring.

Data: one row per track and way in time, every clip in every variant (``clip_variants.py``).
Crawling (1): dev clips labelled with a direction of travel (g04_c04, stationary, is 0). Not
crawling (0): negatives/ and the non-crawling/ clips whose ``expected_crawling`` is false
(ambiguous ones left out). Synthetic catalogue draws (seeds 0-2) with the generator's
``crawling`` truth, weighted ``SYNTH_WEIGHT``. Groups: dev g01-g10, the non-crawling clips'
source ``repo`` (negatives N1 is the same video as a dvirbuss clip; N2 its own), the synthetic
draws their seed. Model: L2-regularised logistic regression with a constant term on
standardised features (scipy), Platt slope and offset fitted on inner held-out groups. For
each real source group the gate is fitted without it and read on it.

Printed per feature set and cut: of the readings the rules call crawling, how many dev crawls
the gate would overrule (must be 0) and how many ``false`` rows it would put right.
"""

from __future__ import annotations

import argparse
import dataclasses
import pickle
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy.ndimage import median_filter

from accuracy_clips import reversed_camera, reversed_track
from crawlcoach.motion import CameraMotion
from crawlcoach.motion.clean import HIPS, SHOULDERS, CleanTrack, K, clean_track
from crawlcoach.motion.heading import Heading, estimate_heading
from crawlcoach.motion.posture import Posture, measure_posture
from crawlcoach.motion.travel import TravelSignals, measure_travel
from crawlcoach.pose.track import PoseTrack
from crawlcoach.synth import generate
from crawlcoach.synth.scenarios import standard_suite
from logo_data import VARIANTS, _labels, load_real

L2 = 1.0
SYNTH_WEIGHT = 0.5

FEATURES = (
    "log_planar_extent",  # log body lengths the centre spanned in the image plane (floor-fixed)
    "log_depth_extent",  # log body lengths it spanned toward / away from the camera (from size)
    "depth_trust",  # 1 - mean in-plane share: how much the size channel should count
    "log_limb_to_body",  # log (limb motion against the trunk / body travel): kicking is high
    "upright_share",  # share of frames with the trunk standing up in the image
    "standing_share",  # ... and the ankles well below the hips (on its feet)
    "log_duration",  # log seconds of known travel: short clips span less
    "knee_depth",  # knees farther from the camera than the hips (trunk lengths; backend depth)
    "ankle_depth",  # ... and the ankles: a baby on its back, legs raised, reads negative
)
_LIMBS = ("left_wrist", "right_wrist", "left_ankle", "right_ankle")
_EPS = 0.05  # body lengths: extents below this are noise (logs stay finite)


def gate_features(
    clean: CleanTrack, heading: Heading, travel: TravelSignals, posture: Posture
) -> np.ndarray:
    """The clip's ``FEATURES`` (NaN-free; zeros where nothing was known)."""
    t = clean.timestamps_s
    v = travel.velocity
    ok = np.all(np.isfinite(v), axis=1) & clean.present
    if ok.sum() < 5:
        return np.array([np.log(_EPS), np.log(_EPS), 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0])
    dt = np.gradient(t)
    # Position over the floor, integrated from the capped, camera-free velocity, then held
    # over about a second so a kick or a pose jump does not count as being somewhere.
    pos = np.cumsum(np.where(ok[:, None], v, 0.0) * dt[:, None], axis=0)[ok]
    hold = max(3, round(clean.fps) | 1)
    pos = np.stack([median_filter(pos[:, i], size=hold, mode="nearest") for i in range(3)], 1)
    centre = np.median(pos, axis=0)
    planar = 2 * float(np.percentile(np.linalg.norm(pos[:, :2] - centre[:2], axis=1), 95))
    depth = 2 * float(np.percentile(np.abs(pos[:, 2] - centre[2]), 95))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        in_plane = float(np.nanmean(heading.in_plane[ok]))
        limb = _limb_motion(clean)
        upright = np.nan_to_num(posture.trunk_up[clean.present]) > 0.6
        standing = upright & (np.nan_to_num(posture.ankle_below[clean.present]) > 1.0)
    body = max(_EPS, float(np.hypot(planar, depth * (1 - in_plane))))
    duration = float(np.sum(dt[ok]))
    return np.array([
        np.log(max(_EPS, planar)),
        np.log(max(_EPS, depth)),
        1.0 - np.nan_to_num(in_plane, nan=1.0),
        np.log(max(_EPS, limb) / body),
        float(np.mean(upright)) if upright.size else 0.0,
        float(np.mean(standing)) if standing.size else 0.0,
        np.log(max(0.5, duration)),
        _depth_behind(clean, ("left_knee", "right_knee")),
        _depth_behind(clean, ("left_ankle", "right_ankle")),
    ])  # fmt: skip


def _depth_behind(clean: CleanTrack, names: tuple[str, str]) -> float:
    """Median over the clip of how much farther from the camera these joints lie than the hips,
    in trunk lengths (0 without backend depth; clipped: single depth readings jump)."""
    if clean.depth is None:
        return 0.0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        joints = np.nanmean(clean.depth[:, [K[n] for n in names]], axis=1)
        hips = np.nanmean(clean.depth[:, list(HIPS)], axis=1)
        rel = ((joints - hips) / clean.size_px)[clean.present]
    rel = rel[np.isfinite(rel)]
    return float(np.clip(np.median(rel), -3.0, 3.0)) if len(rel) else 0.0


def _limb_motion(clean: CleanTrack) -> float:
    """Median over wrists and ankles of how far each moved against its trunk end (spread of
    its position relative to the shoulders or hips, in trunk lengths)."""
    spreads = []
    for name in _LIMBS:
        root = SHOULDERS if "wrist" in name else HIPS
        rel = (clean.xy[:, K[name]] - clean.point(root)) / clean.size_px[:, None]
        rel = rel[clean.seen[:, K[name]] & np.all(np.isfinite(rel), axis=1)]
        if len(rel) >= 5:
            spreads.append(float(np.sqrt(np.sum(np.var(rel, axis=0)))))
    return float(np.median(spreads)) if spreads else 0.0


@dataclass
class Row:
    set: str
    stem: str
    group: str
    variant: str
    time_reversed: bool
    label: int | None  # 1 crawling, 0 not, None ambiguous
    features: np.ndarray


def features_of(track: PoseTrack, cam: CameraMotion | None) -> np.ndarray:
    clean = clean_track(track, cam)
    heading = estimate_heading(clean)
    return gate_features(clean, heading, measure_travel(clean, heading), measure_posture(clean))


def load_rows(variants_dir: Path, cache: Path, seeds: Sequence[int]) -> list[Row]:
    if cache.exists():
        with open(cache, "rb") as fh:
            return [Row(**d) for d in pickle.load(fh)]
    rows = []
    for lab in _labels():
        stem = Path(lab["file"]).stem
        if lab["set"] == "dev":
            label: int | None = int(lab["direction"] in ("forward", "backward"))
        else:
            label = None if lab["crawling"] is None else int(bool(lab["crawling"]))
        for variant in VARIANTS:
            tpath = variants_dir / variant / "tracks" / f"{stem}.npz"
            if not tpath.exists():
                continue
            track = PoseTrack.load(tpath)
            cpath = variants_dir / variant / "camera" / f"{stem}.npz"
            cam = None
            if cpath.exists():
                d = np.load(cpath)
                cam = CameraMotion(d["timestamps_s"], d["to_reference"], d["valid"])
            for flip in (False, True):
                tr = reversed_track(track) if flip else track
                cm = None if cam is None else (reversed_camera(cam) if flip else cam)
                rows.append(Row(lab["set"], stem, lab["group"], variant, flip, label,
                                features_of(tr, cm)))  # fmt: skip
    for seed in seeds:
        for scenario in standard_suite(seed):
            clip = generate(scenario)
            cam = CameraMotion.from_point_tracks(clip.track.timestamps_s, clip.background_px)
            for flip in (False, True):
                tr = reversed_track(clip.track) if flip else clip.track
                cm = reversed_camera(cam) if flip else cam
                rows.append(Row("synth", scenario.name, f"synth{seed}", "synth", flip,
                                int(clip.truth.crawling), features_of(tr, cm)))  # fmt: skip
    with open(cache, "wb") as fh:
        pickle.dump([dataclasses.asdict(r) for r in rows], fh)  # plain: any script can load it
    return rows


def _logistic(x: np.ndarray, y: np.ndarray, w: np.ndarray, l2: float) -> np.ndarray:
    """[weights..., bias] minimising sum w*log-loss + l2/2 |weights|^2 (the bias is not
    penalised), by Newton's method: ten unknowns, a handful of steps."""
    xb = np.concatenate([x, np.ones((len(x), 1))], axis=1)
    pen = np.full(xb.shape[1], l2)
    pen[-1] = 1e-6
    b = np.zeros(xb.shape[1])
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-np.clip(xb @ b, -50, 50)))
        grad = xb.T @ (w * (p - y)) + pen * b
        hess = (xb * (w * p * (1 - p))[:, None]).T @ xb + np.diag(pen)
        step = np.linalg.solve(hess, grad)
        b -= step
        if np.max(np.abs(step)) < 1e-8:
            break
    return b


def _train(rows: Sequence[Row]) -> tuple[np.ndarray, np.ndarray, np.ndarray, float]:
    x = np.stack([r.features for r in rows])
    y = np.array([r.label for r in rows], float)
    w = np.array([SYNTH_WEIGHT if r.set == "synth" else 1.0 for r in rows])
    # every real clip counts alike however many copies it has
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale = np.where(scale > 1e-9, scale, 1.0)
    b = _logistic((x - mean) / scale, y, w, L2)
    return mean, scale, b[:-1], float(b[-1])


def _logit(rows: Sequence[Row], model: tuple) -> np.ndarray:
    mean, scale, weights, bias = model
    x = np.stack([r.features for r in rows])
    return ((x - mean) / scale) @ weights + bias


def fit(rows: Sequence[Row]) -> tuple[tuple, np.ndarray]:
    """(model, Platt a and b), fitted on these rows only (calibration on inner held-out groups)."""
    labelled = [r for r in rows if r.label is not None]
    groups = sorted({r.group for r in labelled if r.set != "synth"})
    s_all, y_all = [], []
    for held in groups:
        train = [r for r in labelled if r.group != held]
        test = [r for r in labelled if r.group == held]
        if not test or len({r.label for r in train}) < 2:
            continue
        s_all.append(_logit(test, _train(train)))
        y_all.append(np.array([r.label for r in test], float))
    s, y = np.concatenate(s_all), np.concatenate(y_all)
    return _train(labelled), _logistic(s[:, None], y, np.ones(len(s)), 1e-3)


def held_out_p(rows: Sequence[Row]) -> dict[int, float]:
    """id(row) -> p(crawling) from a gate fitted without the row's group (synthetic draws stay
    in training: they are not what is measured)."""
    out: dict[int, float] = {}
    for held in sorted({r.group for r in rows if r.set != "synth"}):
        test = [r for r in rows if r.group == held]
        model, (a, b) = fit([r for r in rows if r.group != held])
        p = 1.0 / (1.0 + np.exp(-(a * _logit(test, model) + b)))
        out.update({id(r): float(q) for r, q in zip(test, p, strict=True)})
    return out


SUBSETS = {
    "all nine": FEATURES,
    "floor travel only": ("log_planar_extent", "log_depth_extent", "depth_trust"),
    "travel + limbs": ("log_planar_extent", "log_depth_extent", "depth_trust", "log_limb_to_body"),
    "travel + limbs + depth of legs": (
        "log_planar_extent", "log_depth_extent", "depth_trust", "log_limb_to_body",
        "knee_depth", "ankle_depth",
    ),
    "all but duration": tuple(f for f in FEATURES if f != "log_duration"),
}  # fmt: skip
CUTS = (0.1, 0.2, 0.3, 0.5)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--variants", type=Path, required=True)
    ap.add_argument("--synth-seeds", type=int, nargs="+", default=[0, 1, 2])
    args = ap.parse_args()
    cache = args.variants / f"gate_rows_{'-'.join(map(str, args.synth_seeds))}.pkl"
    rows = load_rows(args.variants, cache, args.synth_seeds)
    rules = {(r.set, r.stem, r.variant, r.time_reversed): r.rules["crawling"]
             for r in load_real(args.variants)}  # fmt: skip
    called = [r for r in rows if r.set != "synth" and rules.get(_key(r))]
    crawls = [r for r in called if r.label == 1]
    wrong = [r for r in called if r.label == 0]
    print(f"readings the rules call crawling: {len(crawls)} dev crawls, {len(wrong)} `false` rows")
    print(
        "\n| features | cut | dev crawls overruled | `false` rows put right (of "
        f"{len(wrong)}) | the three originals' held-out p |\n|---|---:|---:|---:|---|"
    )
    targets = ("TushnaE_baby_walking_processed", "dvirbuss_train_video4",
               "dvirbuss_PE_trained_supine_video20")  # fmt: skip
    for name, subset in SUBSETS.items():
        keep = np.array([f in subset for f in FEATURES], float)
        masked = [dataclasses.replace(r, features=r.features * keep) for r in rows]
        p = held_out_p(masked)
        pm = {_key(r): p[id(r)] for r in masked if id(r) in p}
        tp = " ".join(f"{pm[('non-crawling', t, 'original', False)]:.2f}" for t in targets)
        for cut in CUTS:
            lost = sum(pm[_key(r)] < cut for r in crawls)
            fixed = sum(pm[_key(r)] < cut for r in wrong)
            print(f"| {name} | {cut} | {lost} | {fixed} | {tp} |", flush=True)


def _key(r: Row) -> tuple:
    return (r.set, r.stem, r.variant, r.time_reversed)


if __name__ == "__main__":
    main()
