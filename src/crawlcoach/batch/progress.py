"""Progress of a batch on stderr: a bar redrawn in place on a terminal (videos done of total,
video-seconds analysed per second, time left), a plain line every few seconds otherwise (a log
file, a cluster job's output)."""

from __future__ import annotations

import sys
import time
from typing import TextIO

DEFAULT_LOG_EVERY_S = 30.0
_BAR_WIDTH = 24


class BatchProgress:
    def __init__(
        self,
        total: int,
        total_seconds: float,
        *,
        stream: TextIO | None = None,
        log_every_s: float = DEFAULT_LOG_EVERY_S,
        tty: bool | None = None,
    ) -> None:
        self.stream = stream or sys.stderr
        self.tty = self.stream.isatty() if tty is None else tty
        self.total = total
        self.total_seconds = total_seconds
        self.log_every_s = log_every_s
        self.done = 0
        self.seconds_done = 0.0
        self._started = time.monotonic()
        self._last_shown = float("-inf")

    def start(self, engine: str, workers: int) -> None:
        self._started = time.monotonic()
        self._say(
            f"crawlcoach batch: {self.total} video(s) to analyse "
            f"({_duration(self.total_seconds)} of video) on {engine} with {workers} worker(s)"
        )
        self._show(force=True)

    def advance(self, video_seconds: float) -> None:
        self.done += 1
        self.seconds_done += video_seconds
        self._show(force=self.done == self.total)

    def finish(self) -> None:
        if self.tty and self.total:
            self.stream.write("\n")
            self.stream.flush()

    def rate(self) -> float:
        """Video-seconds analysed per wall-clock second so far."""
        elapsed = time.monotonic() - self._started
        return self.seconds_done / elapsed if elapsed > 0 else 0.0

    def line(self) -> str:
        rate = self.rate()
        text = f"{self.done}/{self.total} videos, {rate:.1f} video-s/s"
        if self.done < self.total and rate > 0:
            text += f", about {_duration((self.total_seconds - self.seconds_done) / rate)} left"
        return text

    def _show(self, *, force: bool = False) -> None:
        if not self.total:
            return
        now = time.monotonic()
        if not (force or self.tty) and now - self._last_shown < self.log_every_s:
            return  # the bar is redrawn for every video; log lines come at most this often
        self._last_shown = now
        if self.tty:
            filled = round(_BAR_WIDTH * self.done / self.total)
            bar = "#" * filled + "-" * (_BAR_WIDTH - filled)
            self.stream.write(f"\r[{bar}] {self.line()}\033[K")
            self.stream.flush()
        else:
            self._say(f"crawlcoach batch: {self.line()}")

    def _say(self, text: str) -> None:
        if self.tty and self.done:
            self.stream.write("\n")
        self.stream.write(text + "\n")
        self.stream.flush()


def _duration(seconds: float) -> str:
    seconds = max(0.0, seconds)
    if seconds < 90:
        return f"{seconds:.0f} s"
    if seconds < 90 * 60:
        return f"{seconds / 60:.0f} min"
    return f"{seconds / 3600:.1f} h"
