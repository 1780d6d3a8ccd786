"""Accuracy of the motion analysis on synthetic clips with known truth (issue 3).

Runs ``crawlcoach.synth.scenarios.standard_suite`` over several seeds through
``crawlcoach.motion.analyze_motion`` and prints markdown: headline figures against the issue's
targets, confusion matrices (direction, style, limb use, asymmetry flag, coordination pattern,
crawling) and the scenarios that missed. Paste the output into docs/benchmarks.md.

    .venv/bin/python bench/accuracy_synth.py                 # seeds 0-4
    .venv/bin/python bench/accuracy_synth.py --seeds 0 1 --no-camera-motion --out /tmp/acc.md

Camera motion is given to the analysis the way the real pipeline measures it: similarity
transforms fitted to the tracked background points (``SynthClip.background_px``).
"""

from __future__ import annotations

import argparse
import inspect
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from crawlcoach.motion import analyze_motion
from crawlcoach.synth import LIMB_NAMES, SynthClip, generate
from crawlcoach.synth.scenarios import standard_suite

TARGETS = {"direction": 0.98, "style": 0.95, "unused_found": 0.95, "false_alarm": 0.05}
DIRECTIONS = ["forward", "backward", "mixed", "pivoting", "stationary"]
STYLES = ["hands_and_knees", "belly", "bear", "bottom_scoot", "crab", "rolling", "walking", "none"]
PATTERNS = ["diagonal", "lateral", "synchronous", "irregular"]
BOUT_EDGE_S = 0.5  # time around true bout boundaries not scored (the generator eases there)


def camera_motion_from_background(clip: SynthClip) -> Any:
    """``CameraMotion`` fitted to the background points, as feature tracking would measure it."""
    from crawlcoach.motion.camera import CameraMotion

    return CameraMotion.from_point_tracks(clip.track.timestamps_s, clip.background_px)


def _analyse(clip: SynthClip, with_camera: bool) -> dict[str, dict[str, Any]]:
    accepts = "camera_motion" in inspect.signature(analyze_motion).parameters
    if with_camera and accepts:
        result = analyze_motion(clip.track, camera_motion=camera_motion_from_background(clip))
    else:
        result = analyze_motion(clip.track)
    return result.contract_sections()


def _direction_at(bouts: list[dict[str, Any]], t: float) -> str:
    for b in bouts:
        if b["start_s"] <= t < b["end_s"]:
            return str(b["direction"])
    return "none"


def _matrix(
    title: str, pairs: Sequence[tuple[Any, Any]], rows: Sequence[Any], cols: Iterable[Any] = ()
) -> str:
    """A markdown confusion matrix: truth in rows, analysis in columns."""
    pairs = [(str(a), str(b)) for a, b in pairs]
    counts = Counter(pairs)
    row_keys = [str(r) for r in rows if any(p[0] == str(r) for p in pairs)]
    col_keys = list(
        dict.fromkeys([*map(str, rows), *map(str, cols), *sorted({p[1] for p in pairs})])
    )
    col_keys = [c for c in col_keys if any(p[1] == c for p in pairs)]
    correct = sum(n for (a, b), n in counts.items() if a == b)
    lines = [f"**{title}** ({correct}/{len(pairs)} = {_pct(correct, len(pairs))} agree; "
             "truth in rows, analysis in columns)", "",
             "| truth \\ analysis | " + " | ".join(map(str, col_keys)) + " |",
             "|---" * (len(col_keys) + 1) + "|"]  # fmt: skip
    for r in row_keys:
        cells = [str(counts[(r, c)] or "") for c in col_keys]
        lines.append(f"| {r} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def _pct(n: int, d: int) -> str:
    return f"{100 * n / d:.1f}%" if d else "n/a"


def run(seeds: Sequence[int], with_camera: bool) -> str:
    pairs: dict[str, list[tuple[Any, Any]]] = defaultdict(list)
    misses: Counter[str] = Counter()
    timings: list[float] = []
    clips = 0
    for seed in seeds:
        for scenario in standard_suite(seed):
            clip = generate(scenario)
            start = time.perf_counter()
            out = _analyse(clip, with_camera)
            timings.append(time.perf_counter() - start)
            clips += 1
            _score(clip, out, pairs, misses)
    return _report(seeds, with_camera, clips, pairs, misses, timings)


def _score(
    clip: SynthClip,
    out: dict[str, dict[str, Any]],
    pairs: dict[str, list[tuple[Any, Any]]],
    misses: Counter[str],
) -> None:
    truth, name = clip.truth, clip.scenario.name
    loco, limbs, coord = out["locomotion"], out["limbs"], out["coordination"]

    def add(kind: str, expected: Any, got: Any) -> None:
        pairs[kind].append((expected, got))
        if str(expected) != str(got):
            misses[f"{kind}: {name} ({expected} -> {got})"] += 1

    sideways = truth.dominant_style == "rolling"  # travels sideways: no forward/backward truth
    if not sideways:
        add("direction", truth.dominant_direction, loco["dominant_direction"])
        for bout in truth.bouts:
            for t in np.arange(bout.start_s + BOUT_EDGE_S, bout.end_s - BOUT_EDGE_S, 0.25):
                pairs["direction over time"].append(
                    (bout.direction, _direction_at(loco.get("bouts", []), float(t)))
                )
    add("style", truth.dominant_style, loco["dominant_style"])
    add("crawling", truth.crawling, loco["crawling"])
    if truth.pattern is not None:  # limbs are judged where the baby crawls
        for limb in LIMB_NAMES:
            used = limbs[limb].get("used")
            add("limb used", truth.limb_used[limb], "unknown" if used is None else used)
        add("asymmetry flag", truth.asymmetric, limbs["asymmetry_flag"])
        add("coordination", truth.pattern, coord["pattern"])


def _report(
    seeds: Sequence[int],
    with_camera: bool,
    clips: int,
    pairs: dict[str, list[tuple[Any, Any]]],
    misses: Counter[str],
    timings: list[float],
) -> str:
    def share(kind: str) -> float:
        p = pairs[kind]
        return sum(str(a) == str(b) for a, b in p) / len(p) if p else float("nan")

    limb = pairs["limb used"]
    unused = [b for a, b in limb if a is False]
    used = [b for a, b in limb if a is True]
    found = sum(b is False for b in unused) / len(unused) if unused else float("nan")
    alarms = sum(b is False for b in used) / len(used) if used else float("nan")
    rows = [
        ("dominant direction", share("direction"), f">= {TARGETS['direction']:.0%}",
         share("direction") >= TARGETS["direction"]),
        ("direction over time (bouts)", share("direction over time"), "", None),
        ("dominant style", share("style"), f">= {TARGETS['style']:.0%}",
         share("style") >= TARGETS["style"]),
        ("non-used limb found", found, f">= {TARGETS['unused_found']:.0%}",
         found >= TARGETS["unused_found"]),
        ("used limb called not used (false alarm)", alarms,
         f"<= {TARGETS['false_alarm']:.0%}", alarms <= TARGETS["false_alarm"]),
        ("asymmetry flag", share("asymmetry flag"), "", None),
        ("coordination pattern", share("coordination"), "", None),
        ("crawling yes/no", share("crawling"), "", None),
    ]  # fmt: skip
    lines = [
        "## Motion analysis on synthetic clips (`bench/accuracy_synth.py`)",
        "",
        f"{clips} clips: the standard suite x seeds {', '.join(map(str, seeds))}; camera motion "
        + ("fitted to the background points." if with_camera else "not given to the analysis.")
        + f" Analysis time per clip: median {1000 * float(np.median(timings)):.0f} ms.",
        "Limb use, asymmetry and coordination are scored on clips with crawl travel; direction "
        "excludes rolling (sideways travel).",
        "",
        "| measure | result | target | met |",
        "|---|---|---|---|",
    ]
    for label, value, target, met in rows:
        mark = "" if met is None else ("yes" if met else "**no**")
        lines.append(f"| {label} | {100 * value:.1f}% | {target} | {mark} |")
    lines.append("")
    lines.append(_matrix("Dominant direction", pairs["direction"], DIRECTIONS, ["unknown"]))
    over_time = "Direction over time (every 0.25 s inside true bouts)"
    lines.append(_matrix(over_time, pairs["direction over time"], DIRECTIONS, ["none"]))
    lines.append(_matrix("Dominant style", pairs["style"], STYLES, ["unknown"]))
    lines.append(_matrix("Limb used (per limb)", pairs["limb used"], [True, False]))
    lines.append(_matrix("Asymmetry flag", pairs["asymmetry flag"], [True, False]))
    lines.append(_matrix("Coordination pattern", pairs["coordination"], PATTERNS, ["unknown"]))
    lines.append(_matrix("Crawling", pairs["crawling"], [True, False]))
    if misses:
        lines += ["<details><summary>Misses (kind: scenario (truth -> analysis) x seeds)</summary>",
                  ""]  # fmt: skip
        lines += [f"- {m} x{n}" for m, n in sorted(misses.items(), key=lambda kv: -kv[1])]
        lines += ["", "</details>", ""]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2, 3, 4])
    parser.add_argument("--no-camera-motion", action="store_true",
                        help="do not give the analysis the camera motion")  # fmt: skip
    parser.add_argument("--out", type=Path, help="also write the markdown here")
    args = parser.parse_args(argv)
    text = run(args.seeds, with_camera=not args.no_camera_motion)
    print(text)
    if args.out:
        args.out.write_text(text)


if __name__ == "__main__":
    main()
