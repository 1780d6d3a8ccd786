"""Decoding that survives damage: skip packets the decoder rejects, stop cleanly where data ends."""

from __future__ import annotations

from collections.abc import Generator, Iterator
from dataclasses import dataclass

import av
from av.container import InputContainer
from av.video.stream import VideoStream

# After this many rejected packets in a row the rest of the file is taken to be garbage.
MAX_CONSECUTIVE_BAD_PACKETS = 100


@dataclass
class DecodeLog:
    """What went wrong while decoding; filled in as the frames are read."""

    bad_packets: int = 0
    stopped_by: str | None = None  # why reading stopped before the end of the file, if it did


def decode_frames(
    container: InputContainer, stream: VideoStream, log: DecodeLog
) -> Generator[av.VideoFrame, None, None]:
    """Yield the decoded frames of ``stream`` in presentation order, recording damage in ``log``."""
    consecutive_bad = 0
    try:
        for packet in container.demux(stream):
            try:
                frames = packet.decode()
            except av.error.FFmpegError:
                log.bad_packets += 1
                consecutive_bad += 1
                if consecutive_bad >= MAX_CONSECUTIVE_BAD_PACKETS:
                    log.stopped_by = "too many damaged packets in a row"
                    break
                continue
            consecutive_bad = 0
            yield from frames
        else:
            return  # demux ended normally, its final empty packets already flushed the decoder
    except av.error.FFmpegError as exc:  # the demuxer itself gave up (typically a cut-off file)
        log.stopped_by = f"the file could not be read further ({exc.strerror or exc})"
    yield from _flush(stream)


def _flush(stream: VideoStream) -> Iterator[av.VideoFrame]:
    """Frames still buffered in the decoder (frame threading, B-frame reordering)."""
    try:
        yield from stream.codec_context.decode(None)
    except av.error.FFmpegError:
        return
