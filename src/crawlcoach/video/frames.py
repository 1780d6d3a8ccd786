"""Probe a video file and stream its frames upright, timestamped and sampled to the analysis rate.

``iter_frames`` returns a :class:`FrameStream`: iterate it for :class:`Frame` objects. Decoding is
streamed (one or two frames in memory whatever the length of the video). Damage that still lets
some frames through does not raise: when iteration is over, ``stream.problems`` holds sentences
naming the file, ``stream.notes`` the same as the contract's notes (for ``quality.notes``), and
``stream.ended_early`` says whether the file stopped before the length it declares (a cut-off
copy or upload). A file from which no frame at all
can be decoded raises :class:`VideoDamaged`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from fractions import Fraction
from pathlib import Path
from types import TracebackType

import av
import numpy as np
from av.container import InputContainer
from av.video.reformatter import VideoReformatter
from av.video.stream import VideoStream

from crawlcoach.contract import Note
from crawlcoach.notes import note
from crawlcoach.video.decoding import DecodeLog, decode_frames
from crawlcoach.video.errors import VideoDamaged
from crawlcoach.video.opening import TRY_AGAIN, open_video
from crawlcoach.video.orientation import Orientation, orientation_of
from crawlcoach.video.sampling import RateSampler
from crawlcoach.video.timestamps import PresentationClock, with_presentation_timestamps
from crawlcoach.video.types import Frame, VideoInfo
from crawlcoach.vocabulary import NoteCode

DEFAULT_ANALYSIS_FPS = 15.0

# How far short of its declared length a video may end before we call it cut off.
_MISSING_SECONDS_TOLERATED = 0.5
_MISSING_FRAMES_TOLERATED = 2
_MISSING_FRACTION_TOLERATED = 0.02


def probe(path: str | Path) -> VideoInfo:
    """Facts about a video file, cheaply: opens it and decodes only its first frame (which holds
    the rotation). Raises VideoNotFound, NotAVideo or VideoDamaged with a message for the user."""
    p = Path(path)
    container, stream = open_video(p)
    with container:
        log = DecodeLog()
        with contextlib.closing(decode_frames(container, stream, log)) as frames:
            first = next(frames, None)
        if first is None:
            raise _nothing_decodes(p)
        return _Geometry.of(stream, first).describe(p, container, stream)


def iter_frames(
    path: str | Path,
    *,
    fps: float | None = DEFAULT_ANALYSIS_FPS,
    max_side: int | None = None,
    decode_threads: int | None = None,
    view_side: int | None = None,
) -> FrameStream:
    """Upright RGB frames sampled to about ``fps`` by timestamp (``None``: every frame), each
    downscaled so its longer side is at most ``max_side`` pixels (``None``: full size).
    With ``view_side``, each frame also carries ``view``: the same decoded picture scaled to at
    most that longer side, for videos written in the same pass (one decode for both).

    The file is opened (and its first frame decoded) right away, so VideoNotFound, NotAVideo and
    VideoDamaged are raised by this call, not later in the loop. Use the result as an iterator,
    ideally in a ``with`` block when the loop may stop early (it closes the file).
    ``decode_threads`` caps FFmpeg's decoding threads (``None``: one per core)."""
    return FrameStream(
        path, fps=fps, max_side=max_side, decode_threads=decode_threads, view_side=view_side
    )


class FrameStream(Iterator[Frame]):
    """Frames of one video, decoded on demand. After the last frame, read ``problems`` and
    ``ended_early``; ``info`` is available from the start."""

    def __init__(
        self,
        path: str | Path,
        *,
        fps: float | None = DEFAULT_ANALYSIS_FPS,
        max_side: int | None = None,
        decode_threads: int | None = None,
        view_side: int | None = None,
    ) -> None:
        for name, side in (("max_side", max_side), ("view_side", view_side)):
            if side is not None and side < 1:
                raise ValueError(f"{name} must be a positive pixel count or None, not {side}")
        self.path = Path(path)
        self._sampler = RateSampler(fps)
        self._log = DecodeLog()
        self.problems: list[str] = []
        self.notes: list[Note] = []  # the same, as the contract's notes (code and figures)
        self.ended_early = False
        self.finished = False  # the whole file was read (problems and ended_early are final)
        self.decoded_count = 0
        self.yielded_count = 0
        self.last_timestamp_s: float | None = None
        self._container: InputContainer | None = None
        container, stream = open_video(self.path)
        self._container = container
        try:
            stream.thread_type = "AUTO"  # frame + slice threads: decode is the costly part
            if decode_threads is not None:
                stream.codec_context.thread_count = decode_threads
            self._raw = decode_frames(container, stream, self._log)
            first = next(self._raw, None)
            if first is None:
                raise _nothing_decodes(self.path)
            geometry = _Geometry.of(stream, first)
            self.info: VideoInfo = geometry.describe(self.path, container, stream)
        except BaseException:
            self.close()
            raise
        self.scale = geometry.scale_for(max_side)
        self._size = geometry.stored_size(self.scale)
        self._orientation = geometry.orientation
        # One scaler per output size for the whole stream: frame.reformat() would set up swscale
        # on every frame.
        self._reformatter = VideoReformatter()
        self.view_scale = geometry.scale_for(view_side) if view_side is not None else None
        self._view_size = None if self.view_scale is None else geometry.stored_size(self.view_scale)
        self._view_reformatter = VideoReformatter()
        self._frames = self._generate(first, stream)

    def __iter__(self) -> FrameStream:
        return self

    def __next__(self) -> Frame:
        return next(self._frames)

    def __enter__(self) -> FrameStream:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Stop decoding and release the file (safe to call more than once)."""
        frames = getattr(self, "_frames", None)
        if frames is not None:
            frames.close()
        self._release()

    def _release(self) -> None:
        raw = getattr(self, "_raw", None)
        if raw is not None:
            raw.close()
        if self._container is not None:
            self._container.close()
            self._container = None

    def _generate(self, first: av.VideoFrame, stream: VideoStream) -> Iterator[Frame]:
        clock: PresentationClock | None = None
        for frame, stamp in with_presentation_timestamps(_chain_first(first, self._raw)):
            if clock is None:
                clock = _clock_for(stream, frame, stamp)
            source_index = self.decoded_count
            self.decoded_count += 1
            t = clock.seconds(stamp)
            if not self._sampler.keep(t):
                continue  # skipped frames are never converted: that is most of the saving
            self.last_timestamp_s = t
            yield Frame(
                index=self.yielded_count,
                source_index=source_index,
                timestamp_s=t,
                image=self._to_upright_rgb(frame, self._size, self._reformatter),
                scale=self.scale,
                view=None
                if self._view_size is None
                else self._to_upright_rgb(frame, self._view_size, self._view_reformatter),
                view_scale=self.view_scale or 1.0,
            )
            self.yielded_count += 1
        if clock is not None:
            self._finish(clock)

    def _to_upright_rgb(
        self, frame: av.VideoFrame, size: tuple[int, int], reformatter: VideoReformatter
    ) -> np.ndarray:
        width, height = size
        scaled = reformatter.reformat(frame, width=width, height=height, format="rgb24")
        rgb = np.ascontiguousarray(scaled.to_ndarray())  # rows may carry padding for odd widths
        return self._orientation.apply(rgb)

    def _finish(self, clock: PresentationClock) -> None:
        self._release()
        self.finished = True
        name = self.path.name
        if self._log.bad_packets:
            self.notes.append(note(NoteCode.DAMAGED_PIECES_SKIPPED, count=self._log.bad_packets))
            self.problems.append(
                f"{name}: {self._log.bad_packets} damaged piece(s) of the video could not be "
                "decoded and were skipped."
            )
        if self._sampler.dropped_out_of_order:
            dropped = self._sampler.dropped_out_of_order
            self.notes.append(note(NoteCode.FRAMES_OUT_OF_ORDER, count=dropped))
            self.problems.append(
                f"{name}: {self._sampler.dropped_out_of_order} frame(s) with out-of-order "
                "timestamps were left out."
            )
        self.ended_early = self._log.stopped_by is not None or self._is_short(clock)
        if self.ended_early:
            read_s = round(clock.last_seconds or 0.0, 2)
            declared_s = round(self._declared_length_s(), 2)
            self.notes.append(note(NoteCode.ENDED_EARLY, read_s=read_s, declared_s=declared_s))
            self.problems.append(
                f"{name}: the video ends early: {self._how_far_read(clock)}. The file looks cut "
                "off or damaged (an interrupted recording, copy or upload?); the results cover "
                "only the part that could be read."
            )

    def _how_far_read(self, clock: PresentationClock) -> str:
        reached, length = f"{clock.last_seconds or 0.0:.1f}", f"{self._declared_length_s():.1f}"
        if float(length) > float(reached):
            return f"it could be read only up to {reached} s of the {length} s it declares"
        # Only a fraction of a second is missing: "up to 6.6 s of the 6.6 s" would read as a
        # contradiction, so say what is missing instead.
        declared_frames = self.info.frame_count or 0
        missing = declared_frames - self.decoded_count
        if missing > 0:
            return f"its last {missing} frame(s) could not be read"
        return "its last moments could not be read"

    def _declared_length_s(self) -> float:
        by_count = (self.info.frame_count or 0) / self.info.fps if self.info.fps > 0 else 0.0
        return max(self.info.duration_s, by_count)

    def _is_short(self, clock: PresentationClock) -> bool:
        declared_frames = self.info.frame_count
        if declared_frames:
            fraction = _MISSING_FRACTION_TOLERATED * declared_frames
            tolerated = max(_MISSING_FRAMES_TOLERATED, fraction)
            if self.decoded_count < declared_frames - tolerated:
                return True
        if self.info.duration_s > 0 and clock.last_seconds is not None:
            interval = 1.0 / self.info.fps if self.info.fps > 0 else 0.0
            tolerated_s = max(_MISSING_SECONDS_TOLERATED, 3 * interval)
            return clock.last_seconds + interval < self.info.duration_s - tolerated_s
        return False


def _chain_first(first: av.VideoFrame, rest: Iterator[av.VideoFrame]) -> Iterator[av.VideoFrame]:
    yield first
    yield from rest


def _clock_for(stream: VideoStream, first: av.VideoFrame, stamp: int | None) -> PresentationClock:
    time_base = first.time_base or stream.time_base or Fraction(1, 1)
    rate = stream.average_rate or stream.guessed_rate
    interval = 1.0 / float(rate) if rate else 1.0 / DEFAULT_ANALYSIS_FPS
    return PresentationClock(float(time_base), stream.start_time, stamp, interval)


class _Geometry:
    """Stored frame size, pixel shape and orientation, and the upright display size they give."""

    def __init__(self, width: int, height: int, pixel_aspect: float, orientation: Orientation):
        self.width, self.height = width, height
        self.display_width = max(1, round(width * pixel_aspect))  # square pixels
        self.orientation = orientation

    @classmethod
    def of(cls, stream: VideoStream, first: av.VideoFrame) -> _Geometry:
        sar = stream.sample_aspect_ratio or stream.codec_context.sample_aspect_ratio
        pixel_aspect = float(sar) if sar and 0.2 < float(sar) < 5 else 1.0
        if abs(pixel_aspect - 1.0) < 0.02:  # encoder rounding (4096/4083), not really anamorphic
            pixel_aspect = 1.0
        return cls(first.width, first.height, pixel_aspect, orientation_of(first))

    @property
    def longer_side(self) -> int:
        return max(self.display_width, self.height)

    def scale_for(self, max_side: int | None) -> float:
        if max_side is None or max_side >= self.longer_side:
            return 1.0
        return max_side / self.longer_side

    def stored_size(self, scale: float) -> tuple[int, int]:
        """Size to reformat the stored frame to (before turning it upright)."""
        return max(1, round(self.display_width * scale)), max(1, round(self.height * scale))

    def describe(self, path: Path, container: InputContainer, stream: VideoStream) -> VideoInfo:
        width, height = self.orientation.upright_size(self.display_width, self.height)
        duration = _declared_duration(container, stream)
        frames = stream.frames or None
        return VideoInfo(
            path=str(path),
            duration_s=duration,
            fps=_average_fps(stream, duration, frames),
            width=width,
            height=height,
            rotation=self.orientation.rotation_cw,
            codec=stream.codec_context.name,
            container=container.format.name,
            frame_count=frames,
            mirrored=self.orientation.mirror,
            has_audio=bool(container.streams.audio),
        )


def _declared_duration(container: InputContainer, stream: VideoStream) -> float:
    if stream.duration and stream.time_base:
        return float(stream.duration * stream.time_base)
    if container.duration:
        return container.duration / av.time_base
    return 0.0


def _average_fps(stream: VideoStream, duration_s: float, frames: int | None) -> float:
    for rate in (stream.average_rate, stream.guessed_rate, stream.base_rate):
        if rate and 0 < float(rate) < 1000:
            return float(rate)
    if frames and duration_s > 0:
        return frames / duration_s
    return 0.0


def _nothing_decodes(path: Path) -> VideoDamaged:
    return VideoDamaged(
        f"{path}: not a single frame of this video can be decoded: the file is damaged or "
        f"incomplete, or uses a format this installation cannot decode; {TRY_AGAIN}."
    )
