"""Train the learned direction layer (``crawlcoach/motion/models/direction_v1.json``).

    .venv/bin/python bench/clip_variants.py --out /work/data/variants     # the tracks, once
    .venv/bin/python bench/train_direction_model.py --variants /work/data/variants \\
        --out src/crawlcoach/motion/models/direction_v1.json

Recipe (the model card, ``direction_v1.md``, says the same):
- Windows (``motion/windows.py``) of every development clip in every variant (original,
  re-encoded CRF 16 and 28, mirrored, played backwards), each track also reversed in time,
  labelled with the clip's direction (a forward crawl played backwards or reversed is backward);
  the stationary clip g04_c04 has no direction and is left out. Plus synthetic catalogue draws
  (``--synth-seeds``), each also reversed, labelled per window by the generator's true bouts.
- An L2-regularised logistic regression with no constant term on odd x even feature products,
  so a reversed clip reads exactly the other way (scipy; no scikit-learn needed).
- Calibration by leave-one-source-group-out inside the training groups: the windows' and the
  clips' Platt slopes, and the cut points of the confidence levels, are fitted on predictions for
  groups the weights never saw. The clips' slope and cut points use only the readings the layer
  decides in the product (the rules' forward/backward ``mixed``; ``learned_decides``): those
  are the contested clips, and their confidence must say so. A level must be shown with 95%
  confidence (``wilson_lower``), not by the five surest clips. ``fit`` is what
  ``accuracy_logo.py`` calls once per held-out group.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from scipy.optimize import minimize

from crawlcoach.motion.direction_model import (
    MODEL_NAME,
    MODEL_VERSION,
    DirectionModel,
    clip_evidence,
    learned_decides,
)
from crawlcoach.motion.windows import design_names
from crawlcoach.parameters import WindowParams
from logo_data import Reading, add_synth_args, load_real, synth_from_args

L2 = 1.0  # ridge on the scaled weights (one unit of log-loss per unit of squared weight)
SYNTH_WEIGHT = 0.5  # a synthetic window counts half a real one: real pose noise matters more
# A level is given only where held-out readings show its promise with 95% confidence (the
# Wilson lower bound), not by a handful of readings: "high" right 97% of the time (issue 12),
# "medium" 85%. Cut points earned by the five surest contested clips gave held out `high` to
# 2 readings (both wrong) and `medium` to 11 (9 right, 82%) (docs/benchmarks.md).
HIGH_PRECISION = 0.97
MEDIUM_PRECISION = 0.85
Z_ONE_SIDED_95 = 1.645
TRAVEL = ("forward", "backward")
WINDOW_PARAMS = WindowParams()  # the product's windows: the model is trained on these


def learned_applies(r: Reading) -> bool:
    """The product would hand this reading to the learned layer (``learned_decides``)."""
    rules = r.rules
    return learned_decides(rules["dominant_direction"], rules["seconds"], rules["dominant_style"])


def _sign(direction: str | None) -> float:
    return {"forward": 1.0, "backward": -1.0}.get(direction or "", 0.0)


def window_rows(readings: Sequence[Reading]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(X, y, weight) over the labelled windows of these readings."""
    xs, ys, ws = [], [], []
    for r in readings:
        if len(r.windows) == 0:
            continue
        if r.set == "synth":
            y = r.window_sign if r.window_sign is not None else np.zeros(len(r.windows))
            w = SYNTH_WEIGHT
        elif r.set == "dev" and r.expected_direction in TRAVEL:
            y = np.full(len(r.windows), _sign(r.expected_direction))
            w = 1.0
        else:
            continue
        keep = y != 0
        xs.append(r.windows.design()[keep])
        ys.append(y[keep])
        ws.append(np.full(int(keep.sum()), w))
    if not xs:
        n = len(design_names())
        return np.zeros((0, n)), np.zeros(0), np.zeros(0)
    return np.concatenate(xs), np.concatenate(ys), np.concatenate(ws)


def _logistic(
    x: np.ndarray,
    y: np.ndarray,
    w: np.ndarray,
    l2: float,
    nonnegative: bool = True,
    active: np.ndarray | None = None,
) -> np.ndarray:
    """Weights of sum w*log(1+exp(-y x.b)) + l2/2 |b|^2 (no constant term). Non-negative:
    every odd feature measures travel toward the head, so none may count against forward (on
    correlated features free signs overfit: a weight of -3 on image-plane travel, LOGO worse)."""

    def loss(b: np.ndarray) -> tuple[float, np.ndarray]:
        m = y * (x @ b)
        lo = np.logaddexp(0.0, -m)
        g = -(w * y * (1.0 / (1.0 + np.exp(np.clip(m, -50, 50))))) @ x
        return float(w @ lo + 0.5 * l2 * b @ b), g + l2 * b

    bounds = [(0.0, None)] * x.shape[1] if nonnegative else [(None, None)] * x.shape[1]
    if active is not None:  # features left out (experiments) are held at 0
        bounds = [b if on else (0.0, 0.0) for b, on in zip(bounds, active, strict=True)]
    res = minimize(loss, np.zeros(x.shape[1]), jac=True, method="L-BFGS-B", bounds=bounds)
    return np.asarray(res.x)


def fit_weights(
    readings: Sequence[Reading], active: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray]:
    x, y, w = window_rows(readings)
    scale = np.sqrt(np.mean(x**2, axis=0)) if len(x) else np.ones(x.shape[1])
    scale = np.where(scale > 1e-9, scale, 1.0)
    return _logistic(x / scale, y, w, L2, active=active), scale


def _slope(s: np.ndarray, y: np.ndarray) -> float:
    """Platt slope without intercept (symmetric under reversal): p = sigmoid(a * s)."""
    if len(s) == 0:
        return 1.0
    return float(_logistic(s[:, None], y, np.ones(len(s)), 1e-3, nonnegative=False)[0])


def wilson_lower(hits: float, n: int, z: float = Z_ONE_SIDED_95) -> float:
    """The lower bound of the Wilson score interval for a share of ``hits`` in ``n``."""
    if n <= 0:
        return 0.0
    share = hits / n
    centre = share + z * z / (2 * n)
    margin = z * np.sqrt(share * (1 - share) / n + z * z / (4 * n * n))
    return float((centre - margin) / (1 + z * z / n))


def _cut(p: np.ndarray, right: np.ndarray, precision: float, below: float = 1.01) -> float:
    """The lowest cut t such that readings with t <= p < below are shown right ``precision`` of
    the time, with 95% confidence (1.0, i.e. never, when no cut manages it)."""
    sel = p < below
    order = np.argsort(-p[sel])
    ps, ok = p[sel][order], right[sel][order]
    best = 1.0
    hits = np.cumsum(ok)
    for k in range(len(ps)):
        if wilson_lower(hits[k], k + 1) >= precision:
            best = float(ps[k])
    return best


def fit(readings: Sequence[Reading], active: np.ndarray | None = None) -> dict:
    """The model JSON, fitted on these readings only (calibration by inner leave-one-group-out)."""
    groups = sorted({r.group for r in readings if r.set == "dev"})
    synth = [r for r in readings if r.set == "synth"]
    win_s, win_y, clip_s, clip_y = [], [], [], []
    for held in groups:
        train = [r for r in readings if r.set == "dev" and r.group != held] + synth
        weights, scale = fit_weights(train, active)
        for r in readings:
            if r.set != "dev" or r.group != held or r.expected_direction not in TRAVEL:
                continue
            s = (r.windows.design() / scale) @ weights if len(r.windows) else np.zeros(0)
            win_s.append(s)
            win_y.append(np.full(len(s), _sign(r.expected_direction)))
            if learned_applies(r):
                clip_s.append(clip_evidence(s, WINDOW_PARAMS))
                clip_y.append(_sign(r.expected_direction))
    a_window = _slope(np.concatenate(win_s), np.concatenate(win_y))
    cs, cy = np.asarray(clip_s), np.asarray(clip_y)
    a_clip = _slope(cs, cy)
    p = 1.0 / (1.0 + np.exp(-a_clip * cs))
    p_read = np.maximum(p, 1 - p)
    right = np.where(p >= 0.5, 1.0, -1.0) == cy
    p_high = _cut(p_read, right, HIGH_PRECISION)
    p_medium = min(p_high, _cut(p_read, right, MEDIUM_PRECISION, below=p_high))
    weights, scale = fit_weights([r for r in readings if r.set == "dev"] + synth, active)
    return {
        "name": MODEL_NAME,
        "version": MODEL_VERSION,
        "features": design_names(),
        "weights": [round(float(v), 6) for v in weights],
        "scale": [round(float(v), 6) for v in scale],
        "window_calibration": round(a_window, 6),
        "clip_calibration": round(a_clip, 6),
        "p_medium": round(p_medium, 4),
        "p_high": round(p_high, 4),
        "window": dataclasses.asdict(WINDOW_PARAMS),
        "training": {
            "dev_groups": groups,
            "dev_readings": sum(1 for r in readings if r.set == "dev"),
            "synth_readings": len(synth),
            "calibration_clips": len(cs),
        },
    }


def model_from(data: dict) -> DirectionModel:
    return DirectionModel.from_json(data)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--variants", type=Path, required=True)
    add_synth_args(ap)
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args()
    readings = load_real(args.variants) + synth_from_args(args)
    data = fit(readings)
    data["training"]["synth_seeds"] = args.synth_seeds
    if args.noisy_seeds:
        data["training"]["noisy_synth_seeds"] = args.noisy_seeds
    model_from(data)  # validates
    args.out.write_text(json.dumps(data, indent=1) + "\n")
    print(json.dumps({k: v for k, v in data.items() if k not in ("weights", "scale")}, indent=1))


if __name__ == "__main__":
    main()
