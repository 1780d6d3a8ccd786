"""Two track sets of the same clips, compared reading by reading (issue 12's held-out figures).

    .venv/bin/python bench/compare_runs.py --a /work/data/base --b /work/data/other

A tracker change is judged by tracking the same video copies twice (``clip_variants.py
--copies-from``): only the tracks it changes differ. The held-out figures of the two runs then
still differ on tracks that did not change, because each fold's learned layer is refitted on the
other groups' changed tracks. This script separates the two:

- *tracks*: how many tracks are identical, per variant;
- *the change itself*: B's readings read with A's fold models (the refit held fixed), against
  A's, so only changed tracks can change a reading;
- *with the refit*: B read with its own fold models (what ``accuracy_logo.py --variants B``
  reports), and which of its readings only the refit changed (A's models read B's track as
  they read A's), on unchanged tracks or not.

Run on two sets of copies made independently (no ``--copies-from``; another ``--preset`` in
``clip_variants.py``) with the same code, it gives the spread that re-encoding alone puts into
the figures: the tracker follows the bytes.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

import numpy as np

from accuracy_logo import fold_models, read_with_folds
from logo_data import VARIANTS, Reading, add_synth_args, load_real, synth_from_args


def _key(r: Reading) -> tuple[str, str, bool]:
    return (r.stem, r.variant, r.time_reversed)


def same_track(a: Path, b: Path, variant: str, stem: str) -> bool | None:
    """Whether the two runs gave one clip the same track and camera motion: every array the
    readings use, not the header's notes (which count the tracker's checks) (None: one is
    missing)."""
    for folder in ("tracks", "camera"):
        pa, pb = (d / variant / folder / f"{stem}.npz" for d in (a, b))
        if not (pa.exists() and pb.exists()):
            if folder == "camera" and not (pa.exists() or pb.exists()):
                continue  # neither run measured camera motion
            return None
        with np.load(pa) as da, np.load(pb) as db:
            if set(da.files) != set(db.files):
                return False
            for name in set(da.files) - {"header"}:
                x, y = da[name], db[name]
                if x.shape != y.shape or not np.array_equal(x, y, equal_nan=x.dtype.kind == "f"):
                    return False
    return True


def _right(readings: list[Reading], got: dict[int, dict]) -> int:
    return sum(1 for r in readings if got[id(r)]["direction"] == r.expected_direction)


def _mark(direction: str, expected: str) -> str:
    """A wrong reading starred."""
    return direction if direction == expected else f"*{direction}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--a", type=Path, required=True, help="the baseline run")
    ap.add_argument("--b", type=Path, required=True, help="the run compared with it")
    add_synth_args(ap)
    args = ap.parse_args()
    args.variants = args.a  # the synthetic draws' cache
    synth = synth_from_args(args)
    a_all, b_all = load_real(args.a), load_real(args.b)
    print("fold models of A")
    models_a = fold_models(a_all, synth)
    print("fold models of B")
    models_b = fold_models(b_all, synth)
    got_a = read_with_folds(a_all, models_a)
    got_b_fixed = read_with_folds(b_all, models_a)
    got_b = read_with_folds(b_all, models_b)

    def scored(rs: list[Reading]) -> list[Reading]:
        return [r for r in rs if r.set == "dev" and r.expected_direction in ("forward", "backward")]

    a_dev = {_key(r): r for r in scored(a_all)}
    b_dev = [r for r in scored(b_all) if _key(r) in a_dev]
    a_dev_list = [a_dev[_key(r)] for r in b_dev]
    unpaired = len(a_dev) + len(scored(b_all)) - 2 * len(b_dev)
    if unpaired:
        print(f"note: {unpaired} dev readings are in one run only (no track in the other)")
    identical: Counter[str] = Counter()
    changed: Counter[str] = Counter()
    same: dict[tuple[str, str], bool | None] = {}
    for r in b_dev:
        if (r.stem, r.variant) not in same:
            same[(r.stem, r.variant)] = s = same_track(args.a, args.b, r.variant, r.stem)
            (identical if s else changed)[r.variant] += 1
    print("\n| variant | dev tracks identical | changed |\n|---|---:|---:|")
    for v in VARIANTS:
        print(f"| {v} | {identical[v]} | {changed[v]} |")
    n = len(b_dev)
    print(f"\n| dev direction readings right (of {n}) | |\n|---|---:|")
    print(f"| A, its own fold models | {_right(a_dev_list, got_a)} |")
    print(f"| B, A's fold models (the change itself) | {_right(b_dev, got_b_fixed)} |")
    print(f"| B, its own fold models (with the refit) | {_right(b_dev, got_b)} |")
    print("\nreadings that differ (A -> B with A's models; B with its own where that differs):")
    refit_only = refit_only_same_track = 0
    for rb, ra in zip(b_dev, a_dev_list, strict=True):
        da = got_a[id(ra)]["direction"]
        dbf, db = got_b_fixed[id(rb)]["direction"], got_b[id(rb)]["direction"]
        if da == dbf == db:
            continue
        unchanged = bool(same[(rb.stem, rb.variant)])
        track = "same track" if unchanged else "track changed"
        refit_only += da == dbf
        refit_only_same_track += da == dbf and unchanged
        want = rb.expected_direction or ""
        extra = f" (own models: {_mark(db, want)})" if db != dbf else ""
        way = "reversed in time" if rb.time_reversed else "as played"
        now = _mark(dbf, want)
        print(f"  {rb.stem} {rb.variant} {way}, {track}: {_mark(da, want)} -> {now}{extra}")
    print(
        f"readings changed by the refit alone: {refit_only} "
        f"({refit_only_same_track} of them on tracks that did not change)"
    )


if __name__ == "__main__":
    main()
