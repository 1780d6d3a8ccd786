"""Throughput of `crawlcoach batch` against workers, local pool and Ray, on the dev clips.

    cd bench && PYTHONPATH=../src ../.venv/bin/python batch_scale.py [--clips 12] [--workers 1 2]

Each (engine, workers) pair analyses the same clips into a fresh output folder (nothing skipped)
and reports video-seconds analysed per second of the analysis phase (engine start, worker and
pose-model start-up included: what a user waits for), as a ratio to one worker of the same
engine in the same run. Then a paper estimate of 900 hours of home video on a cluster, from the
best measured throughput per core. The load average is printed: the machine may be shared.
"""

from __future__ import annotations

import argparse
import io
import os
import tempfile
from pathlib import Path

from crawlcoach.batch import BatchSettings, run_batch
from pose_common import dev_clips

COLLECTION_HOURS = 900  # the multi-site study's home video


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clips", type=int, default=12)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--engines", nargs="+", default=["local", "ray"])
    args = parser.parse_args()
    clips = [path for path, _ in dev_clips()[: args.clips]]
    print(f"{len(clips)} dev clips, {os.cpu_count()} cores; load average {_load()} at the start")

    rows = []
    for engine in args.engines:
        base = None
        for workers in args.workers:
            with tempfile.TemporaryDirectory(prefix="batch_scale_") as out:
                settings = BatchSettings(engine=engine, workers=workers, exports=False)
                summary = run_batch(clips, Path(out), settings, progress_stream=io.StringIO())
            assert summary.done + summary.failed == len(clips), summary
            rate = summary.throughput
            base = base or rate
            rows.append((engine, workers, summary.video_seconds, summary.analysis_wall_s, rate))
            print(
                f"{engine:5s} workers={workers}: {summary.video_seconds:6.1f} video-s in "
                f"{summary.analysis_wall_s:6.1f} s = {rate:5.2f} video-s/s, "
                f"x{rate / base:.2f} of 1 worker (load {_load()})"
            )

    per_core = max(rate / workers for _, workers, _, _, rate in rows)
    core_hours = COLLECTION_HOURS * 3600 / per_core / 3600
    print(
        f"\nbest per worker (core): {per_core:.2f} video-s/s -> {COLLECTION_HOURS} h of video "
        f"= {core_hours:,.0f} core-hours; on 64 cores {core_hours / 64:,.1f} h, "
        f"on 256 cores {core_hours / 256:,.1f} h (if it scales linearly: an estimate)"
    )


def _load() -> str:
    return ", ".join(f"{x:.1f}" for x in os.getloadavg())


if __name__ == "__main__":
    main()
