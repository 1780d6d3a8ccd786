"""Real presentation times of decoded frames, in seconds from the first frame of the stream.

Decoders hand frames out in presentation order, but containers without presentation timestamps
(AVI with B-frames: DivX, Xvid) attach the timestamps of the wrong packets, locally shuffled
(1, 2, 4, 3, 5, 7, 6, ...). Since the k-th frame out of the decoder is the k-th in time, the
k-th smallest timestamp is its own: a small window (holding two frames) puts them back in order.
For well-formed files the timestamps are already sorted and nothing changes.
"""

from __future__ import annotations

import heapq
from collections import deque
from collections.abc import Iterator

import av

REORDER_DEPTH = 2  # B-frame reordering displaces a timestamp by at most this many frames


def with_presentation_timestamps(
    frames: Iterator[av.VideoFrame], depth: int = REORDER_DEPTH
) -> Iterator[tuple[av.VideoFrame, int | None]]:
    """Pair each frame with its presentation timestamp (in the stream's time base, or None)."""
    waiting: deque[av.VideoFrame] = deque()
    stamps: list[int] = []
    for frame in frames:
        ts = frame.pts if frame.pts is not None else frame.dts
        if ts is not None:
            heapq.heappush(stamps, ts)
        waiting.append(frame)
        if len(waiting) > depth:
            yield waiting.popleft(), heapq.heappop(stamps) if stamps else None
    while waiting:
        yield waiting.popleft(), heapq.heappop(stamps) if stamps else None


class PresentationClock:
    """Seconds from the start of the stream; a frame without any timestamp is placed one nominal
    frame interval after the previous one."""

    def __init__(
        self, time_base: float, start: int | None, first: int | None, nominal_interval: float
    ) -> None:
        self.time_base = time_base
        # The first frame is time zero: its stamp can lag the stream start by the decoder's delay
        # (AVI with B-frames) or by frames that could not be decoded, never by real footage.
        self.origin = first if first is not None else (start or 0)
        self.nominal_interval = nominal_interval
        self.last_seconds: float | None = None  # the latest time seen so far

    def seconds(self, timestamp: int | None) -> float:
        if timestamp is None:
            t = 0.0 if self.last_seconds is None else self.last_seconds + self.nominal_interval
        else:
            t = max(0.0, (timestamp - self.origin) * self.time_base)
        if self.last_seconds is None or t > self.last_seconds:
            self.last_seconds = t
        return t
