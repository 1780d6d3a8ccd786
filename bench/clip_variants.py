"""Pose tracks and camera motion of the real clips as the product sees them, for the original
files and for copies that should read the same way: re-encoded, compressed hard (as a messaging
app would), mirrored left-right, and played backwards.

    .venv/bin/python bench/clip_variants.py --out /work/data/variants      # ~25 min, 2 cores
    .venv/bin/python bench/clip_variants.py --out /work/data/pose/roi --backend blazepose-roi \
        --sets dev --variants original                                    # another pose backend
    .venv/bin/python bench/clip_variants.py --out /work/data/other \
        --copies-from /work/data/variants --tracker-param upright_check_s=1.0   # same copies
    .venv/bin/python bench/accuracy_logo.py --variants /work/data/variants
    .venv/bin/python bench/accuracy_clips.py --tracks /work/data/variants/original/tracks \\
        --camera /work/data/variants/original/camera

Clips: the development clips (ucf101-dev), negatives/ and non-crawling/ (a file whose content is
already in an earlier folder is skipped: N1 and dvirbuss_prone_video8 are the same video). Each
goes through ``pipeline.track_video``, the product's own single pass (15 fps, frames scaled to a
longer side of at most 640 px, camera motion measured alongside). The copies are H.264:
"reencoded", "mirrored" and "reversed" at CRF 16, visually the same as the source, "compressed" at
CRF 28. Copies are written upright (the source's rotation metadata applied to the pixels).
The time-reversed *track* that accuracy_clips.py also checks is not a video played backwards:
the pose tracker and the camera chain both run forward in time, so a video played backwards
gives them other frames to start from and lock on to. ``--variants`` picks some of them.
Tracks already present are kept (the run can be resumed); a clip where no baby was found leaves
``<stem>.nobaby`` beside the tracks, which the benchmarks count as a miss.
"""

from __future__ import annotations

import argparse
import hashlib
from dataclasses import replace
from pathlib import Path

import av
import numpy as np

from crawlcoach.errors import CrawlcoachError
from crawlcoach.parameters import AnalysisParams, SamplingParams, TrackerParams
from crawlcoach.pipeline import track_video
from crawlcoach.pose import BACKENDS, open_backend
from crawlcoach.pose.blazepose_roi import BlazePoseRoiBackend
from crawlcoach.video.orientation import orientation_of
from logo_data import analysis_params
from pose_common import dev_clips, negative_clips, non_crawling_clips

# variant -> (H.264 CRF, played backwards, mirrored); the original file is used as it is
COPIES = {
    "reversed": (16, True, False),
    "mirrored": (16, False, True),
    "reencoded": (16, False, False),
    "compressed": (28, False, False),
}
VARIANTS = ("original", *COPIES)


def write_copy(
    source: Path, target: Path, *, crf: int, backwards: bool, mirror: bool, preset: str = "fast"
) -> None:
    """``source`` re-encoded to H.264 (every frame, same rate and size, upright), optionally
    played backwards and/or flipped left-right. The same x264 build and ``preset`` write the
    same bytes every time: another ``preset`` gives another draw of copies."""
    with av.open(str(source)) as container:
        stream = container.streams.video[0]
        rate = stream.average_rate or 25
        frames, upright = [], None
        for f in container.decode(stream):
            upright = upright or orientation_of(f)
            rgb = upright.apply(f.to_ndarray(format="rgb24"))
            frames.append(rgb[:, ::-1] if mirror else rgb)
    if backwards:
        frames.reverse()
    target.parent.mkdir(parents=True, exist_ok=True)
    height, width = frames[0].shape[:2]
    with av.open(str(target), "w") as out:
        video = out.add_stream("libx264", rate=rate)
        video.width, video.height = width - width % 2, height - height % 2
        video.pix_fmt = "yuv420p"
        video.options = {"crf": str(crf), "preset": preset}
        for rgb in frames:
            crop = np.ascontiguousarray(rgb[: video.height, : video.width])
            out.mux(video.encode(av.VideoFrame.from_ndarray(crop, format="rgb24")))
        out.mux(video.encode())


def clip_sets() -> dict[str, list[Path]]:
    """Every real clip once, by content (the first folder that holds it wins), by set."""
    seen: set[str] = set()
    sets = {
        "dev": [p for p, _ in dev_clips()],
        "negatives": negative_clips(),
        "non-crawling": [p for p, _ in non_crawling_clips()],
    }
    out: dict[str, list[Path]] = {}
    for name, paths in sets.items():
        out[name] = []
        for path in paths:
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            if digest not in seen:
                seen.add(digest)
                out[name].append(path)
    return out


# Originals of everything first, then the dev clips' copies (the benchmark's core), then the
# other clips' copies: a run stopped early still leaves the most useful tracks.
SCHEDULE = (
    [("original", ("dev", "negatives", "non-crawling"))]
    + [(variant, ("dev", "negatives")) for variant in COPIES]
    + [(variant, ("non-crawling",)) for variant in COPIES]
)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument(
        "--preset",
        default="fast",
        help="x264 preset of the copies (another preset: another, independent set of copies)",
    )
    ap.add_argument("--variants", nargs="+", choices=VARIANTS, default=list(VARIANTS))
    ap.add_argument("--backend", choices=BACKENDS, default="blazepose", help="pose backend")
    ap.add_argument(
        "--sets", nargs="+", choices=("dev", "negatives", "non-crawling"),
        default=["dev", "negatives", "non-crawling"], help="which clips (default: all)",
    )  # fmt: skip
    ap.add_argument("--redetect-every", type=int, default=1, help="blazepose-roi: detector every N")
    ap.add_argument("--detector-weight", type=float, default=1.0, help="blazepose-roi: blend")
    ap.add_argument(
        "--still-gap",
        type=float,
        default=SamplingParams().still_gap_s,
        help="sparse pose sampling: longest skip (s) while nothing moves (0: every frame)",
    )
    ap.add_argument(
        "--still-share",
        type=float,
        default=SamplingParams().still_changed_share,
        help="sparse pose sampling: below this share of changed pixels around the baby, still",
    )
    ap.add_argument(
        "--refresh-partial",
        type=float,
        default=TrackerParams().refresh_partial_s,
        help="tracker: re-detect once a pose with an unsure trunk is held this long (s; 0: off)",
    )
    ap.add_argument(
        "--find-people",
        choices=("on", "off"),
        default="on" if TrackerParams().find_people else "off",
        help="tracker: also look where MoveNet MultiPose finds people at (re)acquisition",
    )
    ap.add_argument(
        "--tracker-param",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="any other TrackerParams field (bool: on/off), e.g. recheck_s=0; repeatable",
    )
    ap.add_argument(
        "--fps", type=float, default=None, help="analysis rate (default: the product's)"
    )
    ap.add_argument(
        "--copies-from",
        type=Path,
        default=None,
        metavar="DIR",
        help="take the copies from DIR/<variant>/videos/ (another run's; --preset is then"
        " theirs): copies made in other sessions have differed, so two settings compare only"
        " on the same files",
    )
    args = ap.parse_args()
    sampling = SamplingParams(still_gap_s=args.still_gap, still_changed_share=args.still_share)
    others = analysis_params(",".join(f"tracker.{text}" for text in args.tracker_param))[0]
    tracker = replace(
        others.tracker,
        refresh_partial_s=args.refresh_partial,
        find_people=args.find_people == "on",
    )
    params = AnalysisParams(tracker=tracker, sampling=sampling)
    sets = clip_sets()
    backend = open_backend(args.backend)
    if args.backend == "blazepose-roi":
        backend.close()
        backend = BlazePoseRoiBackend(
            redetect_every=args.redetect_every, detector_weight=args.detector_weight
        )
    rate = {} if args.fps is None else {"fps": args.fps}
    with backend:
        for variant, names in SCHEDULE:
            if variant not in args.variants:
                continue
            sources = [path for name in names if name in args.sets for path in sets[name]]
            tracks, camera = args.out / variant / "tracks", args.out / variant / "camera"
            tracks.mkdir(parents=True, exist_ok=True)
            camera.mkdir(parents=True, exist_ok=True)
            for source in sources:
                stem = source.stem
                if (tracks / f"{stem}.npz").exists() or (tracks / f"{stem}.nobaby").exists():
                    continue
                video = source
                if variant != "original":
                    video = args.out / variant / "videos" / f"{stem}.mp4"
                    shared = args.copies_from and args.copies_from / variant / "videos" / video.name
                    if shared and shared.exists():
                        video = shared
                    elif shared:
                        raise SystemExit(f"--copies-from: no {shared}; tracks would not compare")
                    elif not video.exists():
                        crf, backwards, mirror = COPIES[variant]
                        write_copy(
                            source, video, crf=crf, backwards=backwards, mirror=mirror,
                            preset=args.preset,
                        )  # fmt: skip
                try:
                    tracked = track_video(video, backend, params=params, **rate)
                except CrawlcoachError as exc:  # no baby found: the benchmarks count it a miss
                    (tracks / f"{stem}.nobaby").write_text(str(exc))
                    print(f"{variant:10s} {stem:34s} {exc}", flush=True)
                    continue
                tracked.track.save(tracks / f"{stem}.npz")
                cam = tracked.camera_motion
                np.savez(camera / f"{stem}.npz", timestamps_s=cam.timestamps_s,
                         to_reference=cam.to_reference, valid=cam.valid)  # fmt: skip
                skipped = tracked.track.meta.get("sampling", {}).get("skipped", 0)
                print(f"{variant:10s} {stem:34s} coverage {tracked.track.coverage:.3f} "
                      f"skipped {skipped}/{len(tracked.track)}", flush=True)  # fmt: skip


if __name__ == "__main__":
    main()
