"""Calibrate ``tracker.person_region_reach``: how far BlazePose's own person detector reaches
around a person, per MultiPose's farthest seen keypoint from the hips.

The tracker reads a person only MultiPose finds with BlazePose's landmark model on a region it
builds from MultiPose's points (``tracker._region_of``); the landmark model was trained on the
regions BlazePose's detector gives, so the region should be sized as the detector sizes it.
Wherever both models find the same person (the detector's hip centre within a quarter region
side of MultiPose's), this prints the ratio of the detector's body radius to MultiPose's farthest
seen keypoint from the hips. Calibrated on some source groups only (the default), never on the
clip a change is meant to fix:

    .venv/bin/python bench/person_region_reach.py --groups g01 g02 g03 g04 g05
"""

from __future__ import annotations

import argparse

import numpy as np

from crawlcoach.parameters import TrackerParams
from crawlcoach.pose import tracker
from crawlcoach.pose.blazepose_roi import ROI_SCALE, BlazePoseRoiBackend
from crawlcoach.video import iter_frames
from pose_common import dev_clips


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--groups", nargs="+", default=["g01", "g02", "g03", "g04", "g05"])
    ap.add_argument("--fps", type=float, default=5.0, help="frames read per second of video")
    args = ap.parse_args()
    p = TrackerParams()
    finder, detector = tracker._person_finder(), BlazePoseRoiBackend()
    ratios: list[float] = []
    clips = [path for path, group in dev_clips() if group in args.groups]
    for path in clips:
        with iter_frames(path, fps=args.fps) as stream:
            for frame in stream:
                regions = detector._detect(frame.image)
                if not regions:
                    continue
                region = regions[0]
                for person in finder.find(frame.image):
                    trunk = [person.point(name) for name in tracker.TRUNK_POINTS]
                    if min(c for _, c in trunk) < p.person_min_keypoint:
                        continue
                    hips = (trunk[0][0] + trunk[1][0]) / 2
                    if np.hypot(hips[0] - region.cx, hips[1] - region.cy) > 0.25 * region.side:
                        continue
                    seen = person.keypoints_px[person.confidence >= p.box_min_confidence]
                    farthest = float(np.linalg.norm(seen - hips, axis=1).max())
                    ratios.append(region.side / (2 * ROI_SCALE) / farthest)
    q1, median, q3 = np.percentile(ratios, [25, 50, 75])
    print(f"{len(clips)} clips of {', '.join(args.groups)}, {len(ratios)} people found by both")
    print(
        f"detector radius / MultiPose's farthest point: median {median:.2f} (IQR {q1:.2f}-{q3:.2f})"
    )
    print(f"tracker.person_region_reach today: {p.person_region_reach}")


if __name__ == "__main__":
    main()
