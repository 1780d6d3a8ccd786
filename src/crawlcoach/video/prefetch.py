"""Decode ahead on a background thread while the caller works on the current frame.

FFmpeg's decoders and swscale release the GIL, and so does the pose model, so on two cores
decoding the next frames overlaps with analysing this one instead of adding to it.

The reading thread must never leave the consumer waiting: what it raises reaches the consumer
(an error meant for a person and a MemoryError as they are, anything else, a decoder's own
exception say, as ``FrameReadingFailed`` saying so), and a thread that ends without a word (it
could not even hand its error over) is noticed within ``LIVENESS_CHECK_S``.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterable, Iterator
from typing import Generic, TypeVar

from crawlcoach.errors import CrawlcoachError
from crawlcoach.video.errors import VideoError

T = TypeVar("T")

_DONE = object()
# How often a waiting consumer looks whether the reading thread is still there.
LIVENESS_CHECK_S = 0.5


class FrameReadingFailed(VideoError):
    """The thread reading the video's frames broke off (a decoder failure, or it died)."""

    kind = "frame_reading_failed"


class Prefetched(Generic[T]):
    """Iterate ``source`` on a daemon thread, at most ``depth`` items ahead of the consumer.

    Exceptions raised by ``source`` are re-raised in the consumer at the point they occurred.
    ``close()`` (or leaving a ``with`` block) stops the thread early.
    """

    def __init__(self, source: Iterable[T], depth: int = 4, name: str = "the video") -> None:
        self._name = name  # how failures name the source
        self._items: queue.Queue[object] = queue.Queue(maxsize=depth)
        self._stop = threading.Event()
        self._thread = threading.Thread(
            target=self._run, args=(iter(source),), name="decode-ahead", daemon=True
        )
        self._thread.start()

    def _run(self, source: Iterator[T]) -> None:
        try:
            for item in source:
                if not self._put(item):
                    return
        except BaseException as exc:  # handed over to the consumer, who raises it
            self._put(_Failure(exc))
            return
        self._put(_DONE)

    def _put(self, item: object) -> bool:
        while not self._stop.is_set():
            try:
                self._items.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def __iter__(self) -> Iterator[T]:
        return self

    def __next__(self) -> T:
        item = self._next_item()
        if item is _DONE:
            self._items.put(_DONE)  # further next() calls stop too
            raise StopIteration
        if isinstance(item, _Failure):
            self._items.put(_DONE)
            exc = item.exc
            if isinstance(exc, CrawlcoachError | MemoryError):
                raise exc
            raise FrameReadingFailed(
                f"{self._name}: reading the video's frames failed ({type(exc).__name__}: {exc}). "
                "The file may be damaged or in a form this decoder cannot read: convert it to "
                "MP4 (H.264) on the phone or computer, or film it again, and try again."
            ) from exc
        return item  # type: ignore[return-value]

    def _next_item(self) -> object:
        while True:
            try:
                return self._items.get(timeout=LIVENESS_CHECK_S)
            except queue.Empty:
                if self._thread.is_alive():
                    continue
            try:  # it may have handed over its last item just before it ended
                return self._items.get_nowait()
            except queue.Empty:
                self._items.put(_DONE)
                raise FrameReadingFailed(
                    f"{self._name}: the thread reading the video's frames stopped without "
                    "finishing (most often the computer ran out of memory). Close other "
                    "programs, or try a shorter or lower-resolution video."
                ) from None

    def close(self) -> None:
        self._stop.set()
        self._thread.join()

    def __enter__(self) -> Prefetched[T]:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


class _Failure:
    def __init__(self, exc: BaseException) -> None:
        self.exc = exc
