"""Memory of one web analysis in its child process (``crawlcoach.web.videos.child_runner``), and
how it ends under address-space caps: peak RSS, peak address space, outcome, wall time.

    .venv/bin/python bench/analysis_memory.py [--size 1920x1080] [--seconds 60] [--caps 0,2048]
    .venv/bin/python bench/analysis_memory.py --video my.mp4 --caps 0,1500,1200

Without --video, a development clip is upscaled (and looped) to --size at 30 fps into a temp file.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import av
import numpy as np

from crawlcoach.web.videos.child_runner import Limits, run_in_child

REPO = Path(__file__).resolve().parents[1]
CLIP = REPO.parent / "shared" / "clips" / "ucf101-dev" / "v_BabyCrawling_g07_c01.avi"


def upscaled(src: Path, dst: Path, width: int, height: int, seconds: float) -> Path:
    with av.open(str(src)) as inp:
        frames = [f.to_ndarray(format="rgb24") for f in inp.decode(video=0)]
    with av.open(str(dst), "w") as out:
        stream = out.add_stream("libx264", rate=30)
        stream.width, stream.height, stream.pix_fmt = width, height, "yuv420p"
        stream.options = {"preset": "ultrafast", "crf": "26"}
        for i in range(round(seconds * 30)):
            image = np.ascontiguousarray(frames[int(i * 25 / 30) % len(frames)])
            frame = av.VideoFrame.from_ndarray(image, format="rgb24")
            out.mux(stream.encode(frame.reformat(width=width, height=height)))
        out.mux(stream.encode())
    return dst


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--video", type=Path)
    parser.add_argument("--size", default="1920x1080")
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--caps", default="0,2048", help="MB, comma-separated (0: no cap)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="crawlcoach-mem-") as folder:
        video = args.video
        if video is None:
            if not CLIP.exists():
                sys.exit(f"no clip at {CLIP}: give a video with --video")
            width, height = (int(v) for v in args.size.split("x"))
            video = upscaled(CLIP, Path(folder) / "video.mp4", width, height, args.seconds)
        for cap in (float(c) for c in args.caps.split(",")):
            limits = Limits(memory_bytes=int(cap * 2**20), seconds=1800, max_video_seconds=1200)
            started = time.monotonic()
            outcome = run_in_child(
                video, Path(folder) / "annotated.mp4", limits, lambda f: None, lambda: True
            )
            error = (outcome.result or {}).get("error") or {}
            ended = outcome.failure or error.get("kind") or "done"
            print(
                f"{video.name} cap {cap:.0f} MB: {ended}, "
                f"peak RSS {outcome.peak.get('rss_bytes', 0) / 2**20:.0f} MB, "
                f"peak address space {outcome.peak.get('virtual_bytes', 0) / 2**20:.0f} MB, "
                f"{time.monotonic() - started:.1f} s"
            )


if __name__ == "__main__":
    main()
