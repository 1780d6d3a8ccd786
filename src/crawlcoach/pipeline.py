"""One video in, one analysis contract out: the single path the CLI, web app and batch mode share.

video file -> frames -> pose track -> motion analysis -> (assessment) -> ``contract.Analysis``

``analyze`` gives the record; ``analyze_video`` and ``analyze_videos`` its JSON (``to_dict()``).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from threadpoolctl import threadpool_limits

from crawlcoach import quality
from crawlcoach.camera_pass import CameraPass
from crawlcoach.contract import Analysis, Note, Timing, VideoFacts
from crawlcoach.errors import CrawlcoachError
from crawlcoach.motion import analyze_motion
from crawlcoach.motion.camera import CameraMotion
from crawlcoach.parameters import AnalysisParams
from crawlcoach.pose import PoseBackend, PoseEstimate, PoseTrack, open_backend, track_infant
from crawlcoach.pose.sparse import StillnessGate
from crawlcoach.pose.tracker import FrameHook
from crawlcoach.report.overlay import MAX_OUTPUT_SIDE
from crawlcoach.report.pass_videos import PassVideos
from crawlcoach.video import DEFAULT_ANALYSIS_FPS, Frame, VideoInfo, iter_frames
from crawlcoach.video.browser import plays_in_browsers
from crawlcoach.video.prefetch import Prefetched

if os.environ.get("OPENBLAS_NUM_THREADS") == "1":
    # numpy may have been loaded before crawlcoach set the variable (see crawlcoach/__init__.py).
    threadpool_limits(limits=1, user_api="blas")

# Frames are shrunk to this longer side before pose estimation: BlazePose looks at 256 px crops,
# so more pixels only cost decoding time.
DEFAULT_MAX_SIDE = 640

Progress = Callable[[float], None]  # fraction done, 0..1


class NoBabyFound(CrawlcoachError):
    kind = "no_baby_found"


@dataclass(frozen=True)
class AnalysisOptions:
    fps: float = DEFAULT_ANALYSIS_FPS
    max_side: int | None = DEFAULT_MAX_SIDE
    born: date | None = None
    due: date | None = None
    observations: tuple[str, ...] = ()
    today: date | None = None
    annotate_to: Path | None = None  # also write the skeleton-overlay video here
    # Also write a plain H.264 copy here when browsers cannot play the original (AVI, HEVC...);
    # like the overlay, made from the analysis' own decoded frames.
    playable_copy_to: Path | None = None
    save_track_to: Path | None = None  # also save the pose track (.npz) here
    params: AnalysisParams = field(default_factory=AnalysisParams)  # every threshold
    extra: dict[str, Any] = field(default_factory=dict)


def analyze(
    path: str | Path,
    *,
    options: AnalysisOptions | None = None,
    backend: PoseBackend | None = None,
    progress: Progress | None = None,
) -> Analysis:
    """Analyse one video. Problems with the input come back in ``error``, never raised."""
    options = options or AnalysisOptions()
    started = time.perf_counter()
    try:
        with ExitStack() as stack:
            if backend is None:
                backend = stack.enter_context(open_backend())
            return _analyze(Path(path), options, backend, progress, started)
    except CrawlcoachError as exc:
        return Analysis.failed(str(path), exc.kind, exc.message, time.perf_counter() - started)


def analyze_video(
    path: str | Path,
    *,
    options: AnalysisOptions | None = None,
    backend: PoseBackend | None = None,
    progress: Progress | None = None,
) -> dict[str, Any]:
    """``analyze``, as the contract's JSON object."""
    return analyze(path, options=options, backend=backend, progress=progress).to_dict()


def analyze_videos(
    paths: Sequence[str | Path],
    *,
    options: AnalysisOptions | None = None,
    progress: Callable[[int, float], None] | None = None,
    track_dir: Path | None = None,
) -> Iterator[dict[str, Any]]:
    """Analyse several videos in input order, loading the pose model once.

    With ``track_dir``, each pose track is also saved there as ``<video name>.npz``.
    """
    options = options or AnalysisOptions()
    with open_backend() as backend:
        for i, path in enumerate(paths):
            backend.reset()
            per_video = None if progress is None else (lambda f, i=i: progress(i, f))
            if track_dir is not None:
                options = replace(options, save_track_to=track_dir / f"{Path(path).stem}.npz")
            yield analyze_video(path, options=options, backend=backend, progress=per_video)


@dataclass(frozen=True)
class TrackedVideo:
    info: VideoInfo
    track: PoseTrack
    camera_motion: CameraMotion  # how the floor moved in the image, in upright source pixels
    video_problems: tuple[Note, ...]  # e.g. the file ended before its declared length


def track_video(
    path: Path,
    backend: PoseBackend,
    *,
    fps: float = DEFAULT_ANALYSIS_FPS,
    max_side: int | None = DEFAULT_MAX_SIDE,
    progress: Progress | None = None,
    params: AnalysisParams = AnalysisParams(),
    overlay_to: Path | None = None,
    copy_to: Path | None = None,
) -> TrackedVideo:
    """Track the infant and the camera through one video in a single pass over its frames;
    raises ``NoBabyFound`` when nobody is there. ``params``: the tracker's, the camera
    estimator's and the quality gate's. The same decoded frames also make the skeleton overlay
    (``overlay_to``) and, when browsers cannot play the source, a plain copy (``copy_to``);
    neither is left behind when the analysis fails."""
    view_side = MAX_OUTPUT_SIDE if overlay_to or copy_to else None
    with (
        # One decoding thread: the pose model keeps one core busy, decoding ahead takes the
        # other; more decoder threads only preempt the model (measured ~5% slower).
        iter_frames(
            path, fps=fps, max_side=max_side, decode_threads=1, view_side=view_side
        ) as stream,
        Prefetched(stream, name=str(path)) as decoded,
        CameraPass(params.camera, _frame_rate(fps, stream.info)) as camera,
        PassVideos(
            overlay_to=overlay_to,
            copy_to=None if plays_in_browsers(stream.info) else copy_to,
            fps=_frame_rate(fps, stream.info) or DEFAULT_ANALYSIS_FPS,
        ) as videos,
    ):
        info = stream.info
        frames: Iterable[Frame] = decoded
        if progress is not None:
            frames = _reporting(decoded, info, progress)
        hook = _both(camera.add, videos.add) if videos.wanted else camera.add
        # While nothing moves around the baby the model may skip frames (pose/sparse.py).
        gate = StillnessGate(params.sampling, _frame_rate(fps, info))
        if gate.active:
            frames, hook = gate.frames(frames, hook), gate.watching(hook)
        track = track_infant(
            frames,
            backend,
            frame_size=(info.width, info.height),
            source=str(path),
            on_frame=hook,
            params=params.tracker,
            fps=_frame_rate(fps, info),
        )
        if gate.active:
            track = gate.filled(track)
        problems = tuple(stream.notes)
        camera_motion = camera.result(stream.scale)
        if not quality.baby_found(track, params.quality):
            raise NoBabyFound(
                f"{path}: we could not find a baby in this video. Film the whole baby on the "
                "floor, in good light, from one or two metres away, and try again."
            )
        videos.finish()
    return TrackedVideo(info, track, camera_motion, problems)


def _both(first: FrameHook, second: FrameHook) -> FrameHook:
    def hook(frame: Frame, estimate: PoseEstimate | None) -> None:
        first(frame, estimate)
        second(frame, estimate)

    return hook


def _frame_rate(fps: float | None, info: VideoInfo) -> float | None:
    """The rate frames come at: the analysis rate, or the video's own when that is lower."""
    rates = [r for r in (fps, info.fps) if r]
    return min(rates) if rates else None


def _analyze(
    path: Path,
    options: AnalysisOptions,
    backend: PoseBackend,
    progress: Progress | None,
    started: float,
) -> Analysis:
    params = options.params
    tracked = track_video(
        path,
        backend,
        fps=options.fps,
        max_side=options.max_side,
        progress=progress,
        params=params,
        overlay_to=options.annotate_to,
        copy_to=options.playable_copy_to,
    )
    info, track = tracked.info, tracked.track
    if options.save_track_to is not None:
        track.save(options.save_track_to)

    motion = analyze_motion(track, camera_motion=tracked.camera_motion, params=params)
    result = Analysis(
        video=VideoFacts(
            str(path), round(info.duration_s, 3), round(info.fps, 3), info.width, info.height
        ),
        quality=quality.quality_section(
            track, motion.problems, tracked.video_problems, params.quality
        ),
        locomotion=motion.locomotion,
        limbs=motion.limbs,
        coordination=motion.coordination,
        timing=Timing(0.0),  # set below, once the assessment is made too
    )
    if options.born is not None:
        result = result.with_assessment(_assessment(result, options))
    result = replace(
        result, timing=Timing(round(time.perf_counter() - started, 3), frames_analysed=len(track))
    )
    if progress is not None:
        progress(1.0)
    return result


def _assessment(analysis: Analysis, options: AnalysisOptions) -> dict[str, Any]:
    from crawlcoach.guidance import assess

    assert options.born is not None
    return assess(
        born=options.born,
        due=options.due,
        analyses=[analysis],
        observations=list(options.observations),
        today=options.today or date.today(),
    ).as_contract()


def _reporting(frames: Iterable[Frame], info: VideoInfo, progress: Progress) -> Iterator[Frame]:
    duration = max(info.duration_s, 1e-6)
    for frame in frames:
        progress(min(frame.timestamp_s / duration, 0.99))
        yield frame
