"""Motion accuracy on the real development clips (../shared/clips), from saved pose tracks.

    .venv/bin/python bench/accuracy_clips.py --tracks /tmp/crawlcoach-tracks [--camera DIR]
    .venv/bin/python bench/accuracy_clips.py --tracks DIR --save-camera DIR2   # keep the camera

Tracks are ``<stem>.npz`` (``PoseTrack.save``). Camera motion is read from ``--camera DIR``
(``<stem>.npz`` with timestamps_s, to_reference, valid) when given, else estimated by decoding the
clip again (``--no-camera`` to skip). Reversed clips (time-reversed track) are checked for direction
only. Figures are reported for all clips and per tuning split (groups g01-g05 / g06-g10).
``--played-backwards``: the tracks come from the clips played backwards (``clip_variants.py``), so
a clip labelled forward must read backward, and its time-reversed track forward. A clip without
a track (no baby found) counts as a miss.
"""

from __future__ import annotations

import argparse
import csv
from collections import Counter
from pathlib import Path

import numpy as np

from crawlcoach.motion import CameraMotion, analyze_motion, camera_motion_for_track
from crawlcoach.pose.track import PoseTrack
from crawlcoach.video.frames import iter_frames

CLIPS = Path(__file__).resolve().parents[1].parent / "shared" / "clips"


def reversed_track(track: PoseTrack) -> PoseTrack:
    end = track.timestamps_s[-1]
    return PoseTrack(
        timestamps_s=end - track.timestamps_s[::-1],
        keypoints_px=track.keypoints_px[::-1],
        confidence=track.confidence[::-1],
        frame_size=track.frame_size,
        source=track.source + " (reversed)",
        depth=None if track.depth is None else track.depth[::-1],
        meta=track.meta,
    )


def reversed_camera(cam: CameraMotion) -> CameraMotion:
    end = cam.timestamps_s[-1]
    return CameraMotion(end - cam.timestamps_s[::-1], cam.to_reference[::-1], cam.valid[::-1])


def camera_from_video(path: Path, track: PoseTrack) -> CameraMotion:
    return camera_motion_for_track(iter_frames(path, fps=15), track)


def _style_ok(r: dict) -> bool:
    return r["style"] == r["label_style"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--tracks", type=Path, default=Path("/tmp/crawlcoach-tracks"))
    ap.add_argument("--camera", type=Path, default=None)
    ap.add_argument("--no-camera", action="store_true")
    ap.add_argument(
        "--save-camera",
        type=Path,
        default=None,
        help="write each estimated camera motion here for --camera next time",
    )
    ap.add_argument(
        "--played-backwards",
        action="store_true",
        help="the tracks are of the clips played backwards (clip_variants.py)",
    )
    ap.add_argument("--verbose", "-v", action="store_true")
    args = ap.parse_args()
    want, want_rev = ("backward", "forward") if args.played_backwards else ("forward", "backward")

    rows = []
    for sub in ("ucf101-dev", "negatives"):
        with open(CLIPS / sub / "labels.csv") as fh:
            rows += [dict(r, folder=sub) for r in csv.DictReader(fh)]
    results = []
    for row in rows:
        stem = Path(row["file"]).stem
        tpath = args.tracks / f"{stem}.npz"
        if not tpath.exists():
            print(f"missing track {tpath}")
            results.append({"stem": stem, "group": row.get("group", "neg"),
                            "label_dir": row["direction"], "label_style": row["style"],
                            "dir": "no track", "rev_dir": "no track", "style": "no track",
                            "crawling": False, "asym": False, "sym": None,
                            "pattern": "unknown", "net_fwd": None})  # fmt: skip
            continue
        track = PoseTrack.load(tpath)
        cam = None
        if args.camera is not None and (args.camera / f"{stem}.npz").exists():
            data = np.load(args.camera / f"{stem}.npz")
            cam = CameraMotion(data["timestamps_s"], data["to_reference"], data["valid"])
        elif not args.no_camera:
            cam = camera_from_video(CLIPS / row["folder"] / row["file"], track)
            if args.save_camera is not None:
                args.save_camera.mkdir(parents=True, exist_ok=True)
                np.savez(args.save_camera / f"{stem}.npz", timestamps_s=cam.timestamps_s,
                         to_reference=cam.to_reference, valid=cam.valid)  # fmt: skip
        fwd = analyze_motion(track, camera_motion=cam)
        rev = analyze_motion(
            reversed_track(track), camera_motion=None if cam is None else reversed_camera(cam)
        )
        loco = fwd.locomotion
        res = {
            "stem": stem,
            "group": row.get("group", "neg"),
            "label_dir": row["direction"],
            "label_style": row["style"],
            "dir": loco.dominant_direction.value,
            "rev_dir": rev.locomotion.dominant_direction.value,
            "style": loco.dominant_style.value,
            "crawling": loco.crawling,
            "asym": fwd.limbs.asymmetry_flag,
            "sym": fwd.limbs.symmetry_index,
            "pattern": fwd.coordination.pattern.value,
            "net_fwd": loco.net_forward_body_lengths,
        }
        results.append(res)
        if args.verbose:
            print(res)

    def share(items: list[dict], ok) -> str:  # type: ignore[no-untyped-def]
        n = len(items)
        k = sum(1 for r in items if ok(r))
        return f"{k}/{n} = {k / n:.0%}" if n else "n/a"

    dev = [r for r in results if r["group"] != "neg"]
    for name, subset in (
        ("all", dev),
        ("g01-g05", [r for r in dev if r["group"] <= "g05"]),
        ("g06-g10", [r for r in dev if r["group"] > "g05"]),
    ):
        fwd_clips = [r for r in subset if r["label_dir"] == "forward"]
        styled = [r for r in subset if r["label_style"] in ("belly", "hands_and_knees")]
        print(f"[{name}]")
        print(f"  forward clips -> {want}:", share(fwd_clips, lambda r: r["dir"] == want))
        print(f"  reversed -> {want_rev}:", share(fwd_clips, lambda r: r["rev_dir"] == want_rev))
        print("  belly vs hands-and-knees:", share(styled, lambda r: _style_ok(r)))
        print("  asymmetry flag raised:     ", share(subset, lambda r: r["asym"]))
        print("  reported crawling:         ", share(subset, lambda r: r["crawling"]))
    for r in results:
        if r["group"] == "neg":
            print(
                f"  negative {r['stem']}: crawling={r['crawling']} style={r['style']}"
                f" dir={r['dir']}"
            )
    fwd_dev = [r for r in dev if r["label_dir"] == "forward"]
    print("  forward clips came out as:", dict(Counter(r["dir"] for r in fwd_dev)))
    print("  reversed clips came out as:", dict(Counter(r["rev_dir"] for r in fwd_dev)))
    wrong = [r["stem"] for r in fwd_dev if r["dir"] != want]
    print(f"  forward clips not {want}:", ", ".join(wrong) or "none")
    wrong = [r["stem"] for r in fwd_dev if r["rev_dir"] != want_rev]
    print(f"  reversed clips not {want_rev}:", ", ".join(wrong) or "none")
    wrong = [f"{r['stem']} ({r['label_style']} -> {r['style']})" for r in dev
             if r["label_style"] in ("belly", "hands_and_knees") and not _style_ok(r)]  # fmt: skip
    print("  style misses:", ", ".join(wrong) or "none")
    print(
        "  patterns:",
        {
            p: sum(r["pattern"] == p for r in dev)
            for p in ("diagonal", "lateral", "synchronous", "irregular", "unknown")
        },
    )


if __name__ == "__main__":
    main()
