"""Every analysis output in one JSON file, to prove that a refactor changes no reading.

Runs ``analyze_motion`` over the synthetic standard suite (at its own rates and at another
analysis rate) and over saved real-clip pose tracks (as they are, time-reversed, and at half
their rate), plus the pipeline's quality gate for each real track, and writes one JSON object
keyed by case. Run it before and after a change and compare the two files:

    .venv/bin/python bench/analysis_dump.py --tracks /tmp/cc-variants/original/tracks \\
        --camera /tmp/cc-variants/original/camera --out /tmp/before.json
    ... change the code ...
    .venv/bin/python bench/analysis_dump.py ... --out /tmp/after.json
    .venv/bin/python bench/analysis_dump.py --compare /tmp/before.json /tmp/after.json

``--compare`` lists every case whose output differs beyond float noise (relative 1e-6).
"""

from __future__ import annotations

import argparse
import json
import math
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

from accuracy_clips import reversed_camera, reversed_track
from crawlcoach import quality
from crawlcoach.motion import CameraMotion, analyze_motion
from crawlcoach.pose.track import PoseTrack
from crawlcoach.synth import generate
from crawlcoach.synth.scenarios import standard_suite


def _reversed(track: PoseTrack, cam: CameraMotion | None) -> tuple[PoseTrack, CameraMotion | None]:
    return reversed_track(track), None if cam is None else reversed_camera(cam)


def _every_other(
    track: PoseTrack, cam: CameraMotion | None
) -> tuple[PoseTrack, CameraMotion | None]:
    """The track at half its rate (every second frame)."""
    half = PoseTrack(
        timestamps_s=track.timestamps_s[::2],
        keypoints_px=track.keypoints_px[::2],
        confidence=track.confidence[::2],
        frame_size=track.frame_size,
        source=track.source + " (half rate)",
        depth=None if track.depth is None else track.depth[::2],
        meta=track.meta,
    )
    if cam is None:
        return half, None
    return half, CameraMotion(cam.timestamps_s[::2], cam.to_reference[::2], cam.valid[::2])


def _quality(track: PoseTrack) -> dict[str, Any]:
    """The quality gate's reading of a track (without the motion's and the video's problems)."""
    section = quality.quality_section(track)
    notes = [n.to_dict() for n in section.notes or ()]
    return {"usable": section.usable, "problems": list(section.problems), "notes": notes}


def _cases(tracks: Path | None, camera: Path | None, seeds: list[int]) -> Iterator[tuple]:
    for seed in seeds:
        for scenario in standard_suite(seed):
            for fps in (None, 10.0):
                sc = scenario if fps is None else replace(scenario, fps=fps)
                clip = generate(sc)
                cam = CameraMotion.from_point_tracks(clip.track.timestamps_s, clip.background_px)
                tag = "" if fps is None else f"@{fps:g}"
                yield f"synth/{seed}/{scenario.name}{tag}", clip.track, cam, False
    if tracks is None:
        return
    for path in sorted(tracks.glob("*.npz")):
        track = PoseTrack.load(path)
        cam = None
        if camera is not None and (camera / path.name).exists():
            with np.load(camera / path.name) as d:
                cam = CameraMotion(d["timestamps_s"], d["to_reference"], d["valid"])
        yield f"clip/{path.stem}", track, cam, True
        yield (f"clip/{path.stem}/reversed", *_reversed(track, cam), False)
        yield (f"clip/{path.stem}/half-rate", *_every_other(track, cam), False)


def dump(tracks: Path | None, camera: Path | None, seeds: list[int]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, track, cam, with_quality in _cases(tracks, camera, seeds):
        result = analyze_motion(track, camera_motion=cam)
        notes = [n.to_dict() for n in result.problems]
        entry: dict[str, Any] = {**result.contract_sections(), "problems": notes}
        if with_quality:
            entry["quality"] = _quality(track)
        out[name] = entry
        print(name, result.locomotion.dominant_direction.value, flush=True)
    return out


def _differences(a: Any, b: Any, where: str = "") -> Iterator[str]:
    if isinstance(a, dict) and isinstance(b, dict):
        for key in sorted(set(a) | set(b)):
            if key not in a or key not in b:
                yield f"{where}.{key}: only in {'after' if key in b else 'before'}"
            else:
                yield from _differences(a[key], b[key], f"{where}.{key}")
    elif isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            yield from _differences(x, y, f"{where}[{i}]")
    elif isinstance(a, float) and isinstance(b, float):
        if not (math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9) or (a != a and b != b)):
            yield f"{where}: {a} -> {b}"
    elif a != b:
        yield f"{where}: {a!r} -> {b!r}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--tracks", type=Path)
    ap.add_argument("--camera", type=Path)
    ap.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2, 3, 4])
    ap.add_argument("--out", type=Path)
    ap.add_argument("--compare", type=Path, nargs=2, metavar=("BEFORE", "AFTER"))
    args = ap.parse_args()
    if args.compare:
        before, after = (json.loads(p.read_text()) for p in args.compare)
        diffs = list(_differences(before, after))
        print("\n".join(diffs) or f"identical: {len(before)} cases")
        raise SystemExit(1 if diffs else 0)
    result = dump(args.tracks, args.camera, args.seeds)
    args.out.write_text(json.dumps(result, indent=1, sort_keys=True, default=str))


if __name__ == "__main__":
    main()
