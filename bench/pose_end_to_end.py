"""End-to-end speed and memory of ``crawlcoach.pipeline.analyze_video`` on a 1080p 30 fps
H.264 phone-like video made by upscaling (and looping) a development clip into a temp folder.

    .venv/bin/python bench/pose_end_to_end.py [--minutes 1] [--clip NAME]

Targets: >= 3x faster than real time at 15 fps analysis; peak RSS < 1.5 GB for 10 minutes.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import av
import numpy as np

from crawlcoach.pipeline import analyze_video
from crawlcoach.video import probe
from pose_common import DEV


def make_video(src: Path, dst: Path, seconds: float) -> None:
    """Upscale ``src`` to 1920x1080 at 30 fps, looping it for ``seconds``."""
    with av.open(str(src)) as inp:
        frames = [f.to_ndarray(format="rgb24") for f in inp.decode(video=0)]
    with av.open(str(dst), "w") as out:
        stream = out.add_stream("libx264", rate=30)
        stream.width, stream.height, stream.pix_fmt = 1920, 1080, "yuv420p"
        stream.options = {"preset": "ultrafast", "crf": "23"}
        for i in range(round(seconds * 30)):
            # 25 fps source shown at 30 fps: index by time so motion speed is kept.
            img = frames[int(i * 25 / 30) % len(frames)]
            big = av.VideoFrame.from_ndarray(np.ascontiguousarray(img), format="rgb24")
            big = big.reformat(width=1920, height=1080)
            for packet in stream.encode(big):
                out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--minutes", type=float, default=1.0)
    parser.add_argument("--clip", default="v_BabyCrawling_g04_c02.avi")
    parser.add_argument("--video", type=Path, help="analyse this video instead of making one")
    parser.add_argument("--analyze", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.analyze:
        analyze_only(args.analyze)
        return
    with tempfile.TemporaryDirectory() as tmp:
        video = args.video or Path(tmp) / "phone_1080p30.mp4"
        if args.video is None:
            t = time.perf_counter()
            make_video(DEV / args.clip, video, args.minutes * 60)
            print(
                f"made {video.name} ({video.stat().st_size / 1e6:.0f} MB) in "
                f"{time.perf_counter() - t:.0f} s"
            )
        duration = probe(video).duration_s
        # A fresh interpreter, so the peak RSS is the analysis alone (not the encoder).
        t = time.perf_counter()
        out = subprocess.run(
            [sys.executable, __file__, "--analyze", str(video)],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        took = time.perf_counter() - t
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(out.strip())
    print(
        f"analysed {duration:.0f} s of 1080p30 video in {took:.1f} s (including interpreter "
        f"and model start-up): {duration / took:.2f}x real time"
    )
    print(f"peak RSS of the analysis process {peak:.0f} MB")


def analyze_only(video: Path) -> None:
    result = analyze_video(video)
    print(
        f"error: {result.get('error')}; pose coverage {result['quality']['pose_coverage']}; "
        f"analysis_s {result['timing']['analysis_s']:.1f}"
    )


if __name__ == "__main__":
    main()
