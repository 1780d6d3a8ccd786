"""Our tracker's throughput against a bare MediaPipe loop over the same decoded frames.

    .venv/bin/python bench/pose_throughput.py [--clips N]

Frames are decoded once; then, clip by clip, (a) a bare ``mp.solutions.pose.Pose`` loop (same
settings as our backend: complexity 1, tracking mode, smoothing off, same thresholds) and (b)
``track_infant`` run over them, alternating which goes first so that load from other processes
falls on both. Required: ratio (a time / b time) >= 0.9.
"""

from __future__ import annotations

import argparse
import time

from crawlcoach.pose import open_backend, track_infant
from crawlcoach.pose.blazepose import MIN_CONFIDENCE, MODEL_COMPLEXITY, import_mediapipe
from crawlcoach.video import iter_frames
from pose_common import dev_clips


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clips", type=int, default=50, help="first N dev clips")
    args = parser.parse_args()
    mp = import_mediapipe()
    clips = [path for path, _ in dev_clips()][: args.clips]
    decoded = []
    for path in clips:
        with iter_frames(path, fps=15.0) as stream:
            decoded.append((path, (stream.info.width, stream.info.height), list(stream)))
    n_frames = sum(len(f) for _, _, f in decoded)

    bare_s = ours_s = 0.0
    with (
        open_backend() as backend,
        mp.solutions.pose.Pose(
            model_complexity=MODEL_COMPLEXITY,
            smooth_landmarks=False,
            min_detection_confidence=MIN_CONFIDENCE,
            min_tracking_confidence=MIN_CONFIDENCE,
        ) as bare,
    ):
        for i, (path, size, frames) in enumerate(decoded):

            def run_bare(frames=frames) -> float:
                bare.reset()
                t = time.perf_counter()
                for f in frames:
                    bare.process(f.image)
                return time.perf_counter() - t

            def run_ours(frames=frames, size=size, path=path) -> float:
                t = time.perf_counter()
                track_infant(frames, backend, frame_size=size, source=str(path))
                return time.perf_counter() - t

            if i % 2:
                ours_s += run_ours()
                bare_s += run_bare()
            else:
                bare_s += run_bare()
                ours_s += run_ours()
    print(f"{len(clips)} clips, {n_frames} frames at 15 fps")
    print(f"bare MediaPipe loop: {bare_s:.1f} s ({n_frames / bare_s:.1f} frames/s)")
    print(f"track_infant:        {ours_s:.1f} s ({n_frames / ours_s:.1f} frames/s)")
    print(f"THROUGHPUT RATIO (ours/bare) {bare_s / ours_s:.3f}")


if __name__ == "__main__":
    main()
