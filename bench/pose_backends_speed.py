"""Per-frame cost of each pose backend inside our tracker, against the bare BlazePose loop, on
the same decoded frames in one run.

    .venv/bin/python bench/pose_backends_speed.py [--clips N] [--backends blazepose blazepose-roi]
        [--redetect-every 3 5]     # blazepose-roi asking its detector every 3rd, 5th frame

Frames of the first N dev clips (15 fps, longer side 640 as the pipeline gives them) are decoded
once; then, clip by clip, the bare ``mp.solutions.pose.Pose`` loop (as bench/pose_throughput.py)
and ``track_infant`` with each backend run over them, the order rotating from clip to clip so
that load from other processes falls on all. Ratios are bare time / backend time (1: as fast as
the bare BlazePose loop).
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

from crawlcoach.pipeline import DEFAULT_MAX_SIDE
from crawlcoach.pose import BACKENDS, open_backend, track_infant
from crawlcoach.pose.backend import PoseBackend
from crawlcoach.pose.blazepose import MIN_CONFIDENCE, MODEL_COMPLEXITY, import_mediapipe
from crawlcoach.pose.blazepose_roi import BlazePoseRoiBackend
from crawlcoach.video import iter_frames
from pose_common import dev_clips


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clips", type=int, default=10, help="first N dev clips")
    parser.add_argument("--backends", nargs="+", choices=BACKENDS, default=list(BACKENDS))
    parser.add_argument("--redetect-every", type=int, nargs="*", default=[])
    args = parser.parse_args()
    mp = import_mediapipe()
    decoded = []
    for path, _ in dev_clips()[: args.clips]:
        with iter_frames(path, fps=15.0, max_side=DEFAULT_MAX_SIDE) as stream:
            decoded.append((path, (stream.info.width, stream.info.height), list(stream)))
    n_frames = sum(len(f) for _, _, f in decoded)
    backends: dict[str, PoseBackend] = {name: open_backend(name) for name in args.backends}
    for every in args.redetect_every:
        backends[f"blazepose-roi/{every}"] = BlazePoseRoiBackend(redetect_every=every)
    bare = mp.solutions.pose.Pose(
        model_complexity=MODEL_COMPLEXITY, smooth_landmarks=False,
        min_detection_confidence=MIN_CONFIDENCE, min_tracking_confidence=MIN_CONFIDENCE,
    )  # fmt: skip
    totals = dict.fromkeys(["bare", *backends], 0.0)
    for i, (path, size, frames) in enumerate(decoded):
        runs: list[tuple[str, Callable[[], object]]] = [
            ("bare", lambda frames=frames: [bare.process(f.image) for f in frames]),
            *[
                (name, lambda b=b, frames=frames, size=size, path=path: track_infant(
                    frames, b, frame_size=size, source=str(path)))
                for name, b in backends.items()
            ],
        ]  # fmt: skip
        shift = i % len(runs)
        for name, run in runs[shift:] + runs[:shift]:
            if name == "bare":
                bare.reset()
            t = time.perf_counter()
            run()
            totals[name] += time.perf_counter() - t
    bare.close()
    for b in backends.values():
        b.close()
    print(f"{len(decoded)} clips, {n_frames} frames at 15 fps")
    for name, seconds in totals.items():
        label = "bare BlazePose loop" if name == "bare" else f"track_infant {name}"
        print(f"{label:32s} {1000 * seconds / n_frames:6.1f} ms/frame  "
              f"ratio bare/this {totals['bare'] / seconds:.3f}")  # fmt: skip


if __name__ == "__main__":
    main()
