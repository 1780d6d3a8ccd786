"""How well ``locomotion.direction_confidence`` predicts a right direction reading.

    .venv/bin/python bench/direction_confidence.py --variants /tmp/cc-variants [--seeds 0 1 2]

Real clips: every forward development clip in each variant that ``clip_variants.py`` saved under
``--variants`` (original, reencoded, compressed, reversed), and its track reversed in time, so
each clip gives up to eight readings with a known direction (forward, or backward where played
backwards). Synthetic: the standard suite over ``--seeds`` with its true dominant direction
(rolling scenarios left out: they travel sideways). Prints markdown: per certainty level
(``motion.dominance.certainty``) the readings, how many said forward or backward, and how many of
those were right.
"""

from __future__ import annotations

import argparse
import csv
from collections import defaultdict
from collections.abc import Iterator, Sequence
from pathlib import Path

import numpy as np

from accuracy_clips import reversed_camera, reversed_track
from accuracy_synth import camera_motion_from_background
from crawlcoach.contract import CONFIDENT, UNSURE, certainty
from crawlcoach.motion import CameraMotion, analyze_motion
from crawlcoach.pose.track import PoseTrack
from crawlcoach.synth import generate
from crawlcoach.synth.scenarios import standard_suite
from pose_common import DEV

LEVELS = ("high", "medium", "low")
Reading = tuple[str, str, float]  # expected direction, dominant_direction, direction_confidence


def real_readings(variants: Path) -> Iterator[Reading]:
    with open(DEV / "labels.csv", newline="") as fh:
        stems = [r["file"][:-4] for r in csv.DictReader(fh) if r["direction"] == "forward"]
    for variant in sorted(p.name for p in variants.iterdir() if (p / "tracks").is_dir()):
        backwards = variant == "reversed"
        for stem in stems:
            track_path = variants / variant / "tracks" / f"{stem}.npz"
            if not track_path.exists():
                continue  # no baby found: nothing to be sure or unsure of
            track = PoseTrack.load(track_path)
            with np.load(variants / variant / "camera" / f"{stem}.npz") as cam:
                camera = CameraMotion(cam["timestamps_s"], cam["to_reference"], cam["valid"])
            played = "backward" if backwards else "forward"
            again = "forward" if backwards else "backward"
            for expected, t, c in (
                (played, track, camera),
                (again, reversed_track(track), reversed_camera(camera)),
            ):
                loco = analyze_motion(t, camera_motion=c).locomotion
                yield expected, loco.dominant_direction.value, loco.direction_confidence or 0.0


def synthetic_readings(seeds: Sequence[int]) -> Iterator[Reading]:
    for seed in seeds:
        for scenario in standard_suite(seed):
            clip = generate(scenario)
            if clip.truth.dominant_style == "rolling":
                continue
            camera = camera_motion_from_background(clip)
            loco = analyze_motion(clip.track, camera_motion=camera).locomotion
            yield (
                clip.truth.dominant_direction,
                loco.dominant_direction.value,
                loco.direction_confidence or 0.0,
            )


def table(title: str, readings: list[Reading]) -> str:
    rows: dict[str, list[Reading]] = defaultdict(list)
    for reading in readings:
        rows[certainty(reading[2])].append(reading)
    lines = [
        f"{title}: {len(readings)} readings",
        "",
        "| certainty | readings | right | forward or backward | of those right |",
        "|---|---:|---:|---:|---:|",
    ]
    for level in LEVELS:
        got = rows.get(level, [])
        right = sum(e == d for e, d, _ in got)
        travel = [(e, d) for e, d, _ in got if d in ("forward", "backward")]
        travel_right = sum(e == d for e, d in travel)
        lines.append(
            f"| {level} | {len(got)} | {_pct(right, len(got))} | {len(travel)} "
            f"| {_pct(travel_right, len(travel))} |"
        )
    return "\n".join(lines)


def _pct(n: int, d: int) -> str:
    return f"{n}/{d} = {100 * n / d:.0f}%" if d else "-"


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--variants", type=Path, default=Path("/tmp/cc-variants"))
    ap.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2])
    args = ap.parse_args(argv)
    print(f"Levels: high >= {CONFIDENT}, medium >= {UNSURE}, low below.\n")
    if args.variants.is_dir():
        print(table(f"Development clips ({args.variants})", list(real_readings(args.variants))))
        print()
    print(table(f"Synthetic suite, seeds {args.seeds}", list(synthetic_readings(args.seeds))))


if __name__ == "__main__":
    main()
