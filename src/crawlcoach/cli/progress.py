"""Progress of long work on stderr: a bar on a terminal, a plain line now and then elsewhere
(a log file, a CI job, ``2> run.log``), where a bar would be a wall of control characters."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

import click

from crawlcoach.errors import CrawlcoachError
from crawlcoach.video import probe

if TYPE_CHECKING:
    from click._termui_impl import ProgressBar  # what click.progressbar returns

_STEPS = 1000

# Without a terminal, one line this often: enough to see that a run of an hour of video is alive
# and how fast it goes, few enough (360 an hour) not to bury a log.
LOG_INTERVAL_S = 10.0


class VideoProgress:
    """Overall progress across ``videos``, fed with (video index, fraction of that video)."""

    def __init__(
        self,
        videos: Sequence[Path],
        *,
        log_every_s: float = LOG_INTERVAL_S,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.videos = videos
        self.total = len(videos)
        self.enabled = sys.stderr.isatty()
        self._bar: ProgressBar[int] | None = None
        self._shown = 0
        self._log = _ProgressLog(videos, log_every_s, clock) if not self.enabled else None

    def __enter__(self) -> VideoProgress:
        if self.enabled:
            label = "Analysing" if self.total == 1 else f"Analysing {self.total} videos"
            self._bar = click.progressbar(length=_STEPS, label=label, file=sys.stderr)
            self._bar.__enter__()
        return self

    def update(self, index: int, fraction: float) -> None:
        fraction = max(0.0, min(fraction, 1.0))
        if self._log is not None:
            self._log.update(index, fraction)
        if self._bar is None:
            return
        target = int(_STEPS * (index + fraction) / self.total)
        if target > self._shown:
            self._bar.update(target - self._shown)
            self._shown = target

    def done(self, index: int) -> None:
        self.update(index, 1.0)

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._bar is not None:
            self._bar.__exit__(exc_type, exc, tb)


class _ProgressLog:
    """``video 2 of 5 (b.mp4): 34 of 60 s done; 1.8 s of video per second``, every interval."""

    def __init__(self, videos: Sequence[Path], every_s: float, clock: Callable[[], float]) -> None:
        self.videos, self.every_s, self.clock = videos, every_s, clock
        self.last_line = clock()
        self.started: float | None = None  # the first report: loading the pose model is not speed
        self.index = -1
        self.duration_s: float | None = None  # of the current video, as it declares
        self.finished_s = 0.0  # video seconds in the videos before the current one

    def update(self, index: int, fraction: float) -> None:
        if index != self.index:
            self._begin(index)
        now = self.clock()
        if self.started is None:
            self.started = now
        if now - self.last_line < self.every_s:
            return
        self.last_line = now
        done_s = None if self.duration_s is None else fraction * self.duration_s
        where = f"video {index + 1} of {len(self.videos)} ({self.videos[index].name})"
        if done_s is None or self.duration_s is None:
            click.echo(f"{where}: {fraction:.0%} done", err=True)
            return
        elapsed = max(now - self.started, 1e-9)
        rate = (self.finished_s + done_s) / elapsed
        click.echo(
            f"{where}: {done_s:.0f} of {self.duration_s:.0f} s done; "
            f"{rate:.1f} s of video per second",
            err=True,
        )

    def _begin(self, index: int) -> None:
        if self.duration_s is not None and index > self.index:
            self.finished_s += self.duration_s
        self.index = index
        try:  # cheap (the first frame only); the analysis itself reports a bad file
            self.duration_s = probe(self.videos[index]).duration_s or None
        except CrawlcoachError:
            self.duration_s = None
