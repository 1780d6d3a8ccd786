"""A learned belly vs hands-and-knees classifier (issue 12, item 3), tried and not kept: its
sweep, leave-one-group-out.

    .venv/bin/python bench/style_model_sweep.py --variants /work/data/variants   # ~2 min

Per clip: the medians, over the frames of the rules' travel bouts (the whole clip when there are
none), of every posture measure (``motion.posture``: knees and ankles behind the hips, knee and
elbow angles, trunk standing up, ankles and wrists below, hip and ankle spread, shoulder width,
wrists ahead) and the share of the body axis in the image plane. Rows: the 48 dev clips
labelled belly or hands and knees (labels.csv) in five forms, and the synthetic catalogue's
belly and hands-and-knees draws, seeds 0-2, weighted ``--synth-weight``. L2-regularised logistic
regression on standardised features; for each dev group, fitted without it and read on it. All
six belly clips are in g06, so held out they are read by a model that saw belly crawls only in
synthetic draws. Printed beside the rules' figures (tuned on all groups: not held out).
"""

from __future__ import annotations

import argparse
import pickle
import warnings
from pathlib import Path

import numpy as np

from crawlcoach.motion import CameraMotion
from crawlcoach.motion.bouts import find_bouts
from crawlcoach.motion.clean import clean_track
from crawlcoach.motion.heading import estimate_heading
from crawlcoach.motion.posture import measure_posture
from crawlcoach.motion.travel import measure_travel
from crawlcoach.pose.track import PoseTrack
from crawlcoach.synth import generate
from crawlcoach.synth.scenarios import standard_suite
from logo_data import VARIANTS, _labels, load_real
from travel_gate_sweep import _logistic

MEASURES = (
    "knee_behind", "ankle_behind", "knee_angle_deg", "trunk_up", "ankle_below", "hip_spread",
    "ankle_spread", "wrist_below", "elbow_angle_deg", "shoulder_width", "wrist_ahead",
)  # fmt: skip
STYLES = ("belly", "hands_and_knees")


def features(track: PoseTrack, cam: CameraMotion | None) -> np.ndarray:
    clean = clean_track(track, cam)
    heading = estimate_heading(clean)
    posture = measure_posture(clean)
    mask = np.zeros(len(clean), bool)
    for bout in find_bouts(measure_travel(clean, heading)):
        if bout.direction in ("forward", "backward"):
            mask[bout.start_index : bout.end_index] = True
    if mask.sum() < 5:
        mask = clean.present
    out = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        for name in MEASURES:
            v = getattr(posture, name)[mask]
            v = v[np.isfinite(v)]
            out.append(float(np.median(v)) if len(v) else 0.0)
        out.append(float(np.nanmean(heading.in_plane[mask])))
    return np.nan_to_num(np.asarray(out))


def load_rows(variants_dir: Path, seeds: list[int]) -> list[dict]:
    cache = variants_dir / f"style_rows_{'-'.join(map(str, seeds))}.pkl"
    if cache.exists():
        with open(cache, "rb") as fh:
            return pickle.load(fh)
    rows = []
    for lab in _labels():
        if lab["set"] != "dev" or lab["style"] not in STYLES:
            continue
        stem = Path(lab["file"]).stem
        for variant in VARIANTS:
            tpath = variants_dir / variant / "tracks" / f"{stem}.npz"
            if not tpath.exists():
                continue
            d = np.load(variants_dir / variant / "camera" / f"{stem}.npz")
            cam = CameraMotion(d["timestamps_s"], d["to_reference"], d["valid"])
            rows.append({"set": "dev", "stem": stem, "group": lab["group"], "variant": variant,
                         "belly": lab["style"] == "belly",
                         "x": features(PoseTrack.load(tpath), cam)})  # fmt: skip
    for seed in seeds:
        for scenario in standard_suite(seed):
            if scenario.style not in STYLES:
                continue
            clip = generate(scenario)
            cam = CameraMotion.from_point_tracks(clip.track.timestamps_s, clip.background_px)
            rows.append({"set": "synth", "stem": scenario.name, "group": f"synth{seed}",
                         "variant": "synth", "belly": scenario.style == "belly",
                         "x": features(clip.track, cam)})  # fmt: skip
    with open(cache, "wb") as fh:
        pickle.dump(rows, fh)
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--variants", type=Path, required=True)
    ap.add_argument("--synth-seeds", type=int, nargs="+", default=[0, 1, 2])
    args = ap.parse_args()
    rows = load_rows(args.variants, args.synth_seeds)
    x = np.stack([r["x"] for r in rows])
    y = np.array([r["belly"] for r in rows], float)
    dev = [i for i, r in enumerate(rows) if r["set"] == "dev"]
    rules = {(r.stem, r.variant): r.rules["dominant_style"] for r in load_real(args.variants)
             if r.set == "dev" and not r.time_reversed}  # fmt: skip

    def line(name: str, right: dict[int, bool]) -> None:
        orig = [i for i in dev if rows[i]["variant"] == "original"]
        belly = [i for i in orig if rows[i]["belly"]]
        belly_all = [i for i in dev if rows[i]["belly"]]
        print(f"| {name} | {sum(right[i] for i in orig)}/{len(orig)} | "
              f"{sum(right[i] for i in belly)}/{len(belly)} | {sum(right[i] for i in dev)}/"
              f"{len(dev)} | {sum(right[i] for i in belly_all)}/{len(belly_all)} |")  # fmt: skip

    print("| reader | originals | belly, originals | all five forms | belly, all forms |")
    print("|---|---:|---:|---:|---:|")
    line("rules (not held out)", {
        i: rules[(rows[i]["stem"], rows[i]["variant"])] == ("belly" if rows[i]["belly"]
                                                            else "hands_and_knees")
        for i in dev})  # fmt: skip
    for l2 in (0.3, 1.0, 3.0):
        for synth_weight in (0.5, 2.0):
            w = np.array([synth_weight if r["set"] == "synth" else 1.0 for r in rows])
            right: dict[int, bool] = {}
            for group in sorted({rows[i]["group"] for i in dev}):
                test = np.array([r["group"] == group for r in rows])
                mu, sd = x[~test].mean(axis=0), x[~test].std(axis=0) + 1e-9
                b = _logistic((x[~test] - mu) / sd, y[~test], w[~test], l2)
                p = 1 / (1 + np.exp(-(((x[test] - mu) / sd) @ b[:-1] + b[-1])))
                for i, q in zip(np.flatnonzero(test), p, strict=True):
                    right[int(i)] = bool(q >= 0.5) == bool(y[i])
            line(f"learned, L2 {l2}, synthetic weight {synth_weight} (held out)", right)


if __name__ == "__main__":
    main()
