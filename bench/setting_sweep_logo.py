"""Choose a tracking setting held out: each dev source group reads with the setting that did best
on the other nine groups (issue 12: anything chosen is chosen on the other groups only).

    .venv/bin/python bench/clip_variants.py --out /work/data/variants                 # setting A
    .venv/bin/python bench/clip_variants.py --out /work/data/refresh05 --refresh-partial 0.5
    .venv/bin/python bench/setting_sweep_logo.py --setting off=/work/data/variants \\
        --setting 0.5s=/work/data/refresh05

Each ``--setting NAME=DIR`` is a folder of tracks made by ``clip_variants.py`` with one value of
the setting (a tracking setting), or ``NAME=DIR@stage.field=value`` the same tracks read with an
analysis parameter changed (``logo_data.analysis_params``; e.g.
``--setting 0.15=/work/data/refresh05 --setting 0.125=/work/data/refresh05@bouts.min_speed=0.125``);
the first is the product's current value and wins ties (a change must earn its place). For a
held-out group g and each setting, the learned direction layer is fitted without g and without h
for every other group h and read on h (so nothing of g goes into the choice); the
setting with the most right direction readings over those nine groups (every form, both ways in
time) is g's choice. g is then read with its choice, the layer fitted without g. The clips of no
dev group (negatives, non-crawling) read with the setting chosen on all ten groups.

Printed: per setting, its own held-out figures (the number accuracy_logo.py prints as "all dev
direction readings") per group; the choice per held-out group; then the full accuracy_logo
report of the chosen readings.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from accuracy_logo import learned_reading, report
from crawlcoach.motion.direction_model import DirectionModel
from crawlcoach.parameters import MixedParams
from logo_data import Reading, analysis_params, load_real, load_synth, missing_real
from train_direction_model import fit, model_from


def _right(readings: Sequence[Reading], model: DirectionModel, mixed: MixedParams) -> int:
    return sum(
        1
        for r in readings
        if r.expected_direction in ("forward", "backward")
        and learned_reading(r, model, mixed)["direction"] == r.expected_direction
    )


def _dev(readings: Sequence[Reading], *, without: set[str]) -> list[Reading]:
    return [r for r in readings if r.set == "dev" and r.group not in without]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument(
        "--setting",
        action="append",
        required=True,
        help="NAME=DIR[@stage.field=value,...] (first: current)",
    )
    ap.add_argument("--synth-seeds", type=int, nargs="+", default=[0, 1, 2])
    args = ap.parse_args()
    settings: dict[str, Path] = {}
    overrides: dict[str, str] = {}
    for item in args.setting:
        name, _, where = item.partition("=")
        folder, _, overrides[name] = where.partition("@")
        settings[name] = Path(folder)
    first = next(iter(settings.values()))
    # The synthetic draws the layer also learns from are read with each setting's parameters.
    synths = {n: load_synth(args.synth_seeds, first, overrides[n]) for n in settings}
    readings = {n: load_real(folder, overrides=overrides[n]) for n, folder in settings.items()}
    mixed = {n: analysis_params(overrides[n])[0].mixed for n in settings}
    groups = sorted({r.group for r in readings[next(iter(settings))] if r.set == "dev"})

    # score[name][(g, h)]: right readings of group h, the layer fitted without g and h
    score: dict[str, dict[tuple[str, str], int]] = {name: {} for name in settings}
    own: dict[str, dict[str, DirectionModel]] = {name: {} for name in settings}  # fitted without g
    for name, rs in readings.items():
        synth = synths[name]
        for g in groups:
            own[name][g] = model_from(fit([*_dev(rs, without={g}), *synth]))
            for h in groups:
                if h == g:
                    continue
                model = model_from(fit([*_dev(rs, without={g, h}), *synth]))
                score[name][(g, h)] = _right(
                    _dev(rs, without=set(groups) - {h}), model, mixed[name]
                )
            print(f"  {name}: fitted without {g}", flush=True)
        own[name][""] = model_from(fit([*_dev(rs, without=set()), *synth]))

    print("\n| setting | " + " | ".join(groups) + " | all |")
    print("|---|" + "---:|" * (len(groups) + 1))
    for name, rs in readings.items():
        per = [
            _right(_dev(rs, without=set(groups) - {g}), own[name][g], mixed[name]) for g in groups
        ]
        print(f"| {name} | " + " | ".join(map(str, per)) + f" | {sum(per)} |")

    names = list(settings)
    chosen: dict[str, str] = {}
    for g in groups:
        totals = {n: sum(v for (gg, _), v in score[n].items() if gg == g) for n in names}
        chosen[g] = max(names, key=lambda n: (totals[n], -names.index(n)))
        print(f"held out {g}: " + ", ".join(f"{n} {t}" for n, t in totals.items())
              + f" -> {chosen[g]}")  # fmt: skip
    # the clips of no dev group: the setting best over all ten groups, each read held out
    overall = {
        n: sum(
            _right(_dev(readings[n], without=set(groups) - {g}), own[n][g], mixed[n])
            for g in groups
        )
        for n in names
    }
    chosen[""] = max(names, key=lambda n: (overall[n], -names.index(n)))
    print(f"clips of no dev group -> {chosen['']}")

    picked: list[Reading] = []
    got: dict[int, dict] = {}
    for g in [*groups, ""]:
        name = chosen[g]
        for r in readings[name]:
            if (r.set == "dev" and r.group == g) or (g == "" and r.set != "dev"):
                picked.append(r)
                got[id(r)] = learned_reading(r, own[name][g], mixed[name])
    report("Each group read with the setting chosen on the others", picked, got,
           missing_real(settings[chosen[""]]))  # fmt: skip


if __name__ == "__main__":
    main()
