"""End-to-end speed and memory of ``crawlcoach.pipeline.analyze_video`` on a 1080p 30 fps
H.264 phone-like video made by upscaling (and looping) a development clip, against a bare
MediaPipe loop over the same frames, in one run.

    .venv/bin/python bench/pose_end_to_end.py [--minutes 10] [--video PATH] [--keep PATH]
        [--annotate] [--still-gap S] [--backend blazepose-lite] [--fps 10]
        [--param tracker.upright_check_s=0]

Each measurement runs in a fresh interpreter (its peak RSS is its own):

- pipeline: ``analyze_video`` as the CLI runs it (15 fps, frames to 640 px, camera motion);
  ``--annotate`` also writes the skeleton overlay (as the web app does), ``--still-gap`` turns
  on sparse pose sampling; ``--backend`` and ``--fps`` pick the pose backend and the analysis
  rate (for both runs);
- bare loop: the same frames (``iter_frames`` at the same rate, 640 px, decoded ahead on a
  thread) straight into the same backend's ``estimate`` on the whole frame, nothing else: what
  the pose model alone costs, on this machine, now.

It prints both against real time, their ratio, the load average around each, and peak RSS.
Target (issue 16): >= 6x real time end to end on 2 cores, peak RSS < 1 GB.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import av
import numpy as np

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


def measure(mode: str, video: Path, extra: list[str]) -> dict:
    """Run one mode in a fresh interpreter; its wall time, load average and report (which holds
    the child's own peak RSS)."""
    load_before = os.getloadavg()[0]
    t = time.perf_counter()
    out = subprocess.run(
        [sys.executable, __file__, f"--{mode}", str(video), *extra],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    took = time.perf_counter() - t
    report = json.loads(out.strip().splitlines()[-1])
    report.update(wall_s=took, load_before=load_before, load_after=os.getloadavg()[0])
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--minutes", type=float, default=1.0)
    parser.add_argument("--clip", default="v_BabyCrawling_g04_c02.avi")
    parser.add_argument("--video", type=Path, help="analyse this video instead of making one")
    parser.add_argument("--keep", type=Path, help="write the made video here and keep it")
    parser.add_argument("--annotate", action="store_true", help="also write the overlay video")
    parser.add_argument("--still-gap", type=float, default=None, help="sparse pose sampling (s)")
    parser.add_argument(
        "--param",
        action="append",
        default=[],
        metavar="STAGE.FIELD=VALUE",
        help="an analysis parameter for the pipeline run, e.g. tracker.upright_check_s=0",
    )
    parser.add_argument("--backend", default="blazepose", help="pose backend (both runs)")
    parser.add_argument("--fps", type=float, default=None, help="analysis rate (both runs)")
    parser.add_argument("--analyze", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--bare", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.analyze:
        analyze_only(
            args.analyze, args.annotate, args.still_gap, args.backend, args.fps, args.param
        )
        return
    if args.bare:
        bare_loop(args.bare, args.backend, args.fps)
        return
    from crawlcoach.video import probe

    with tempfile.TemporaryDirectory() as tmp:
        video = args.video or args.keep or Path(tmp) / "phone_1080p30.mp4"
        if args.video is None:
            t = time.perf_counter()
            make_video(DEV / args.clip, video, args.minutes * 60)
            print(
                f"made {video.name} ({video.stat().st_size / 1e6:.0f} MB) in "
                f"{time.perf_counter() - t:.0f} s"
            )
        duration = probe(video).duration_s
        both = ["--backend", args.backend] + (["--fps", str(args.fps)] if args.fps else [])
        extra = (["--annotate"] if args.annotate else []) + (
            ["--still-gap", str(args.still_gap)] if args.still_gap is not None else []
        )
        extra += [f"--param={text}" for text in args.param]
        print(f"backend {args.backend}, analysis rate {args.fps or 'default'} frames/s")
        if args.param:
            print("pipeline parameters:", ", ".join(args.param))
        pipeline = measure("analyze", video, extra + both)
        bare = measure("bare", video, both)
    for name, run in (("pipeline", pipeline), ("bare MediaPipe loop", bare)):
        print(
            f"{name}: {duration:.0f} s of 1080p30 video in {run['wall_s']:.1f} s (with start-up): "
            f"{duration / run['wall_s']:.2f}x real time; peak RSS {run['peak_mb']:.0f} MB; "
            f"load average {run['load_before']:.1f} -> {run['load_after']:.1f}; {run['note']}"
        )
    print(
        f"pipeline / bare loop wall time: {pipeline['wall_s'] / bare['wall_s']:.2f} "
        f"(the bare loop's model calls alone: {bare['pose_s']:.1f} s, "
        f"{1000 * bare['pose_s'] / max(bare['frames'], 1):.1f} ms per frame)"
    )
    speed = duration / pipeline["wall_s"]
    print(f"target >= 6x real time end to end: {'met' if speed >= 6 else 'NOT met'} ({speed:.2f}x)")


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def analyze_only(
    video: Path,
    annotate: bool,
    still_gap: float | None,
    backend: str,
    fps: float | None,
    overrides: list[str],
) -> None:
    from crawlcoach.parameters import AnalysisParams
    from crawlcoach.pipeline import AnalysisOptions, analyze_video
    from crawlcoach.pose import open_backend
    from crawlcoach.video import DEFAULT_ANALYSIS_FPS

    if still_gap is not None:
        overrides = [f"sampling.still_gap_s={still_gap}", *overrides]
    params = AnalysisParams()
    if overrides:  # only then: logo_data loads the benchmarks' own modules too
        from logo_data import analysis_params

        params = analysis_params(",".join(overrides))[0]
    with tempfile.TemporaryDirectory() as tmp:
        options = AnalysisOptions(
            fps=fps or DEFAULT_ANALYSIS_FPS,
            annotate_to=Path(tmp) / "annotated.mp4" if annotate else None,
            params=params,
        )
        with open_backend(backend) as pose:
            result = analyze_video(video, options=options, backend=pose)
    note = (
        f"error {result.get('error')}; pose coverage {result['quality']['pose_coverage']}; "
        f"analysis_s {result['timing']['analysis_s']:.1f}"
    )
    print(json.dumps({"note": note, "peak_mb": _peak_mb()}))


def bare_loop(video: Path, backend_name: str, fps: float | None) -> None:
    from crawlcoach.pipeline import DEFAULT_MAX_SIDE
    from crawlcoach.pose import open_backend
    from crawlcoach.video import DEFAULT_ANALYSIS_FPS, iter_frames
    from crawlcoach.video.prefetch import Prefetched

    pose_s, frames, found = 0.0, 0, 0
    with (
        open_backend(backend_name) as backend,
        iter_frames(
            video, fps=fps or DEFAULT_ANALYSIS_FPS, max_side=DEFAULT_MAX_SIDE, decode_threads=1
        ) as stream,
        Prefetched(stream) as decoded,
    ):
        for frame in decoded:
            t = time.perf_counter()
            found += backend.estimate(frame.image) is not None
            pose_s += time.perf_counter() - t
            frames += 1
    note = f"{frames} frames, a person in {found}"
    print(json.dumps({"note": note, "pose_s": pose_s, "frames": frames, "peak_mb": _peak_mb()}))


if __name__ == "__main__":
    main()
