"""What the web app's skeleton overlay costs: written in the analysis' own pass (now) against
analysing first and then decoding the source again to draw the overlay (before issue 16).

    .venv/bin/python bench/overlay_pass.py VIDEO

Each way runs in a fresh interpreter, one after the other, then again in the other order.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def run(way: str, video: Path) -> float:
    t = time.perf_counter()
    subprocess.run([sys.executable, __file__, "--way", way, str(video)], check=True)
    return time.perf_counter() - t


def one(way: str, video: Path) -> None:
    from crawlcoach.pipeline import AnalysisOptions, analyze_video
    from crawlcoach.pose import PoseTrack
    from crawlcoach.report.annotated_video import write_annotated_video

    with tempfile.TemporaryDirectory() as tmp:
        overlay = Path(tmp) / "annotated.mp4"
        if way == "one-pass":
            analyze_video(video, options=AnalysisOptions(annotate_to=overlay))
        else:
            track = Path(tmp) / "track.npz"
            analyze_video(video, options=AnalysisOptions(save_track_to=track))
            write_annotated_video(video, PoseTrack.load(track), overlay, fps=15.0)
        assert overlay.stat().st_size > 0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("video", type=Path)
    ap.add_argument("--way", choices=("one-pass", "two-pass"))
    args = ap.parse_args()
    if args.way:
        one(args.way, args.video)
        return
    times: dict[str, list[float]] = {"one-pass": [], "two-pass": []}
    loads = [os.getloadavg()[0]]
    for order in (("two-pass", "one-pass"), ("one-pass", "two-pass")):
        for way in order:
            times[way].append(run(way, args.video))
            loads.append(os.getloadavg()[0])
    print(json.dumps({"seconds": times, "load_average": loads}))
    best = {way: min(t) for way, t in times.items()}
    print(
        f"one pass {best['one-pass']:.1f} s, two passes {best['two-pass']:.1f} s (best of two "
        f"each): {best['two-pass'] / best['one-pass']:.2f}x; load {min(loads):.1f}-{max(loads):.1f}"
    )


if __name__ == "__main__":
    main()
