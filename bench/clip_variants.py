"""Pose tracks and camera motion of the development clips as the product sees them, for the
original files and for copies that should read the same way: re-encoded, compressed hard (as a
messaging app would), and played backwards.

    .venv/bin/python bench/clip_variants.py --out /tmp/cc-variants            # ~10 min, 2 cores
    .venv/bin/python bench/accuracy_clips.py --tracks /tmp/cc-variants/original/tracks \\
        --camera /tmp/cc-variants/original/camera
    .venv/bin/python bench/accuracy_clips.py --tracks /tmp/cc-variants/reencoded/tracks \\
        --camera /tmp/cc-variants/reencoded/camera
    .venv/bin/python bench/accuracy_clips.py --tracks /tmp/cc-variants/reversed/tracks \\
        --camera /tmp/cc-variants/reversed/camera --played-backwards

Each clip goes through ``pipeline.track_video``, the product's own single pass (15 fps, frames
scaled to a longer side of at most 640 px, camera motion measured alongside). The copies are H.264:
"reencoded" and "reversed" at CRF 16, visually the same as the source, "compressed" at CRF 28.
The time-reversed *track* that accuracy_clips.py also checks is not a video played backwards:
the pose tracker and the camera chain both run forward in time, so a video played backwards
gives them other frames to start from and lock on to. ``--variants`` picks some of them.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import av
import numpy as np

from crawlcoach.errors import CrawlcoachError
from crawlcoach.pipeline import track_video
from crawlcoach.pose import open_backend
from pose_common import dev_clips, negative_clips

# variant -> (H.264 CRF, played backwards); the original file is used as it is
COPIES = {"reencoded": (16, False), "compressed": (28, False), "reversed": (16, True)}
VARIANTS = ("original", *COPIES)


def write_copy(source: Path, target: Path, *, crf: int, backwards: bool) -> None:
    """``source`` re-encoded to H.264 (every frame, same rate and size), optionally backwards."""
    with av.open(str(source)) as container:
        stream = container.streams.video[0]
        rate = stream.average_rate or 25
        frames = [f.to_ndarray(format="rgb24") for f in container.decode(stream)]
    if backwards:
        frames.reverse()
    target.parent.mkdir(parents=True, exist_ok=True)
    height, width = frames[0].shape[:2]
    with av.open(str(target), "w") as out:
        video = out.add_stream("libx264", rate=rate)
        video.width, video.height = width - width % 2, height - height % 2
        video.pix_fmt = "yuv420p"
        video.options = {"crf": str(crf), "preset": "fast"}
        for rgb in frames:
            frame = av.VideoFrame.from_ndarray(rgb[: video.height, : video.width], format="rgb24")
            out.mux(video.encode(frame))
        out.mux(video.encode())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--variants", nargs="+", choices=VARIANTS, default=list(VARIANTS))
    args = ap.parse_args()
    with open_backend() as backend:
        for variant in args.variants:
            for source in [path for path, _ in dev_clips()] + negative_clips():
                stem = source.stem
                video = source
                if variant != "original":
                    video = args.out / variant / "videos" / f"{stem}.mp4"
                    if not video.exists():
                        crf, backwards = COPIES[variant]
                        write_copy(source, video, crf=crf, backwards=backwards)
                try:
                    tracked = track_video(video, backend)
                except CrawlcoachError as exc:  # no baby found: accuracy_clips counts it a miss
                    print(f"{variant:9s} {stem:34s} {exc}", flush=True)
                    continue
                (args.out / variant / "tracks").mkdir(parents=True, exist_ok=True)
                (args.out / variant / "camera").mkdir(parents=True, exist_ok=True)
                tracked.track.save(args.out / variant / "tracks" / f"{stem}.npz")
                cam = tracked.camera_motion
                np.savez(args.out / variant / "camera" / f"{stem}.npz",
                         timestamps_s=cam.timestamps_s, to_reference=cam.to_reference,
                         valid=cam.valid)  # fmt: skip
                print(f"{variant:9s} {stem:34s} coverage {tracked.track.coverage:.3f}", flush=True)


if __name__ == "__main__":
    main()
