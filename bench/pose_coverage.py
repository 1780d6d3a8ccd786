"""Pose coverage (share of analysed frames with the infant found) over the development clips.

.venv/bin/python bench/pose_coverage.py [--full-frame] [--save-tracks DIR]
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections import defaultdict
from pathlib import Path

from crawlcoach.pose import open_backend, track_infant
from crawlcoach.video import iter_frames
from pose_common import dev_clips, negative_clips


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--full-frame", action="store_true", help="never crop (for comparison)")
    parser.add_argument("--save-tracks", type=Path, help="save every track here as <stem>.npz")
    parser.add_argument("--fps", type=float, default=15.0)
    args = parser.parse_args()
    if args.save_tracks:
        args.save_tracks.mkdir(parents=True, exist_ok=True)

    by_group: dict[str, list[float]] = defaultdict(list)
    started = time.perf_counter()
    with open_backend() as backend:
        clips = [(p, g) for p, g in dev_clips()] + [(p, "negative") for p in negative_clips()]
        for path, group in clips:
            with iter_frames(path, fps=args.fps) as stream:
                track = track_infant(
                    stream,
                    backend,
                    frame_size=(stream.info.width, stream.info.height),
                    source=str(path),
                    use_roi=not args.full_frame,
                )
            if args.save_tracks:
                track.save(args.save_tracks / f"{path.stem}.npz")
            sel = track.meta["selection"]
            print(
                f"{path.name:34s} {track.coverage:6.3f}  people>1 at {sel['multi_person_count']}"
                f" acquisitions, uncertain={sel['uncertain']}",
                flush=True,
            )
            if group != "negative":
                by_group[group].append(track.coverage)
    all_cov = [c for covs in by_group.values() for c in covs]
    print(
        f"\nmode: {'full frame' if args.full_frame else 'infant crop'}; {len(all_cov)} clips; "
        f"{time.perf_counter() - started:.0f} s"
    )
    for group, covs in sorted(by_group.items()):
        print(f"  {group}: {statistics.mean(covs):.3f} ({len(covs)} clips)")
    print(f"MEAN COVERAGE {statistics.mean(all_cov):.3f}")


if __name__ == "__main__":
    main()
