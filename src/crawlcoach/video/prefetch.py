"""Decode ahead on a background thread while the caller works on the current frame.

FFmpeg's decoders and swscale release the GIL, and so does the pose model, so on two cores
decoding the next frames overlaps with analysing this one instead of adding to it.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterable, Iterator
from typing import Generic, TypeVar

T = TypeVar("T")

_DONE = object()


class Prefetched(Generic[T]):
    """Iterate ``source`` on a daemon thread, at most ``depth`` items ahead of the consumer.

    Exceptions raised by ``source`` are re-raised in the consumer at the point they occurred.
    ``close()`` (or leaving a ``with`` block) stops the thread early.
    """

    def __init__(self, source: Iterable[T], depth: int = 4) -> None:
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
        item = self._items.get()
        if item is _DONE:
            self._items.put(_DONE)  # further next() calls stop too
            raise StopIteration
        if isinstance(item, _Failure):
            self._items.put(_DONE)
            raise item.exc
        return item  # type: ignore[return-value]

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
