"""Motion accuracy on the real clips, every figure leave-one-source-group-out (issue 12).

    .venv/bin/python bench/clip_variants.py --out /work/data/variants     # the tracks (~40 min)
    .venv/bin/python bench/accuracy_logo.py --variants /work/data/variants

For each development source group (g01-g10: one baby, room and camera each), everything the
learned direction layer fits or chooses (weights, Platt slopes, the confidence cut points) is
fitted on the other nine groups and the synthetic draws only (``train_direction_model.fit``),
then read on the held-out group's clips in every variant. Negatives and non-crawling clips
belong to no dev group; the model fitted on all ten reads them. The rules' figures are printed
beside the learned ones; the rules were tuned on all ten groups, so theirs are not held out.

Readings: each track is read as it is and reversed in time. Direction is scored on the dev clips
labelled forward: an original (or re-encode, or mirrored copy) must read forward, played
backwards backward, and each reversed in time the other way. A clip without a track (no baby
found) is a miss. Stability: share of dev clips whose direction reads the same in the original,
both re-encodes and the mirrored copy. Certainty: share right at each level (contract.certainty)
of all direction readings of the dev clips, every variant, both ways in time.
"""

from __future__ import annotations

import argparse
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path

from crawlcoach import contract
from crawlcoach.motion.direction_model import (
    DirectionModel,
    read_split_clip,
)
from crawlcoach.parameters import MixedParams
from logo_data import (
    SAME_AS_ORIGINAL,
    Reading,
    add_synth_args,
    load_real,
    missing_real,
    synth_from_args,
)
from train_direction_model import fit, learned_applies, model_from

STYLES = ("belly", "hands_and_knees")


def learned_readings(readings: Sequence[Reading], synth: Sequence[Reading]) -> dict[int, dict]:
    """id(reading) -> {direction, confidence} with the learned layer, each dev group held out."""
    return read_with_folds(readings, fold_models(readings, synth))


def fold_models(
    readings: Sequence[Reading], synth: Sequence[Reading]
) -> dict[str | None, DirectionModel]:
    """For each dev group, the layer fitted without it; under None, the one fitted on all."""
    groups = sorted({r.group for r in readings if r.set == "dev"})
    models = {}
    for held in [*groups, None]:
        train = [r for r in readings if r.set == "dev" and r.group != held]
        models[held] = model_from(fit([*train, *synth]))
        print(f"  fitted without {held or 'nothing (for the non-dev clips)'}", flush=True)
    return models


def read_with_folds(
    readings: Sequence[Reading], models: dict[str | None, DirectionModel]
) -> dict[int, dict]:
    """Each dev reading with the model its group was held out of; the others with the one
    fitted on every group."""
    return {
        id(r): learned_reading(r, models[r.group] if r.set == "dev" else models[None])
        for r in readings
    }


def learned_reading(r: Reading, model: DirectionModel, mixed: MixedParams = MixedParams()) -> dict:
    """{direction, confidence} of one reading: the learned layer's where it decides, else the
    rules'."""
    if learned_applies(r):
        reading = read_split_clip(r.windows, r.depth_trend, model, mixed)
        return {"direction": reading.direction, "confidence": reading.confidence}
    return {
        "direction": r.rules["dominant_direction"],
        "confidence": r.rules["direction_confidence"],
    }


def rule_readings(readings: Sequence[Reading]) -> dict[int, dict]:
    return {
        id(r): {
            "direction": r.rules["dominant_direction"],
            "confidence": r.rules["direction_confidence"],
        }
        for r in readings
    }


def _share(items: Sequence, ok: Callable) -> str:
    k = sum(1 for x in items if ok(x))
    return f"{k}/{len(items)} = {k / len(items):.0%}" if items else "n/a"


def report(name: str, readings: Sequence[Reading], got: dict[int, dict], missing: list) -> None:
    print(f"\n## {name}\n")
    dev = [
        r for r in readings if r.set == "dev" and r.expected_direction in ("forward", "backward")
    ]
    labelled_fwd = 49  # dev clips labelled forward (labels.csv)

    def direction_line(variant: str, flip: bool, label: str) -> None:
        sel = [r for r in dev if r.variant == variant and r.time_reversed == flip]
        n_missing = sum(1 for s, _, v in missing if s == "dev" and v == variant)
        right = sum(1 for r in sel if got[id(r)]["direction"] == r.expected_direction)
        total = max(len(sel) + n_missing, labelled_fwd) if sel else 0
        print(f"| {label} | {right}/{total} |" if total else f"| {label} | no tracks |")

    print("| direction (dev clips labelled forward) | right |")
    print("|---|---:|")
    direction_line("original", False, "originals -> forward")
    direction_line("reversed", False, "played backwards -> backward")
    direction_line("original", True, "originals reversed in time -> backward")
    direction_line("reversed", True, "played backwards, reversed in time -> forward")
    for v in SAME_AS_ORIGINAL:
        direction_line(v, False, f"{v} -> forward")
    wrong = Counter(
        got[id(r)]["direction"] for r in dev if got[id(r)]["direction"] != r.expected_direction
    )
    print(f"\nwrong readings came out as: {dict(wrong)}")
    # stability: same direction in original and the copies that should read alike
    by_clip: dict[str, dict[str, str]] = defaultdict(dict)
    for r in readings:
        if r.set == "dev" and not r.time_reversed:
            by_clip[r.stem][r.variant] = got[id(r)]["direction"]
    stable = [
        s for s, v in by_clip.items()
        if all(k in v for k in ("original", *SAME_AS_ORIGINAL))
        and len({v[k] for k in ("original", *SAME_AS_ORIGINAL)}) == 1
    ]  # fmt: skip
    print(f"stability (original = re-encoded = compressed = mirrored): {len(stable)}/50")
    # style (rules only: the learned layer reads direction alone)
    styled = [r for r in readings if r.set == "dev" and r.variant == "original"
              and not r.time_reversed and r.style_label in STYLES]  # fmt: skip
    print("belly vs hands-and-knees (originals):",
          _share(styled, lambda r: r.rules["dominant_style"] == r.style_label))  # fmt: skip
    belly = [r for r in styled if r.style_label == "belly"]
    print("  of which belly:", _share(belly, lambda r: r.rules["dominant_style"] == "belly"))
    dev_all = [r for r in readings if r.set == "dev" and r.variant == "original"
               and not r.time_reversed]  # fmt: skip
    print("dev clips read crawling as labelled (originals):",
          _share(dev_all, lambda r: r.rules["crawling"] == r.expected_crawling))  # fmt: skip
    # negatives
    negs = [r for r in readings if r.set in ("negatives", "non-crawling") and not r.time_reversed
            and r.variant == "original"]  # fmt: skip
    false_rows = [r for r in negs if r.expected_crawling is False]
    print("non-crawling clips (`false` rows, originals) read crawling false:",
          _share(false_rows, lambda r: not r.rules["crawling"]))  # fmt: skip
    for r in negs:
        if r.rules["crawling"] or r.expected_crawling is None:
            print(
                f"  {r.stem}: expected crawling {r.expected_crawling}, crawling "
                f"{r.rules['crawling']}, {got[id(r)]['direction']}, {r.rules['dominant_style']}"
            )
    print("  directions:", dict(Counter(got[id(r)]["direction"] for r in negs)))
    print(
        "  read stationary:", _share(false_rows, lambda r: got[id(r)]["direction"] == "stationary")
    )
    nv = [r for r in readings if r.set in ("negatives", "non-crawling") and not r.time_reversed
          and r.expected_crawling is False]  # fmt: skip
    print("  every variant, crawling false:", _share(nv, lambda r: not r.rules["crawling"]))
    for r in nv:
        if r.rules["crawling"] and r.variant != "original":
            print(
                f"    {r.stem} ({r.variant}): {got[id(r)]['direction']}, "
                f"{r.rules['dominant_style']}"
            )
    neg_clips: dict[str, dict[str, str]] = defaultdict(dict)
    for r in nv:
        neg_clips[r.stem][r.variant] = f"{r.rules['crawling']} {got[id(r)]['direction']}"
    same = [v for v in neg_clips.values() if all(k in v for k in ("original", *SAME_AS_ORIGINAL))]
    print(
        "  stability of the negatives (crawling and direction alike in the four copies):",
        _share(same, lambda v: len({v[k] for k in ("original", *SAME_AS_ORIGINAL)}) == 1),
    )
    # certainty
    print("\n| level | dev direction readings | right |\n|---|---:|---:|")
    for level in ("high", "medium", "low"):
        sel = [r for r in dev if contract.certainty(got[id(r)]["confidence"]) == level]
        print(
            f"| {level} | {len(sel)} | "
            f"{_share(sel, lambda r: got[id(r)]['direction'] == r.expected_direction)} |"
        )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--variants", type=Path, required=True)
    add_synth_args(ap)
    ap.add_argument("--refresh", action="store_true", help="recompute the cached readings")
    args = ap.parse_args()
    readings = load_real(args.variants, refresh=args.refresh)
    synth = synth_from_args(args)
    missing = missing_real(args.variants)
    print(f"{len(readings)} real readings, {len(synth)} synthetic; {len(missing)} tracks missing")
    report("Rules (tuned on all groups: not held out)", readings, rule_readings(readings), missing)
    learned = learned_readings(readings, synth)
    report("Learned direction layer, leave-one-group-out", readings, learned, missing)


if __name__ == "__main__":
    main()
