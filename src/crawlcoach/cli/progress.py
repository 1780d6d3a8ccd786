"""A progress bar on the terminal (stderr) for long work; silent when not on a terminal."""

from __future__ import annotations

import sys
from types import TracebackType

import click

_STEPS = 1000


class VideoProgress:
    """Overall progress across ``total`` videos, fed with (video index, fraction of that video)."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.enabled = sys.stderr.isatty()
        self._bar: click.progressbar | None = None  # type: ignore[type-arg]
        self._shown = 0

    def __enter__(self) -> VideoProgress:
        if self.enabled:
            label = "Analysing" if self.total == 1 else f"Analysing {self.total} videos"
            self._bar = click.progressbar(length=_STEPS, label=label, file=sys.stderr)
            self._bar.__enter__()
        return self

    def update(self, index: int, fraction: float) -> None:
        if self._bar is None:
            return
        target = int(_STEPS * (index + max(0.0, min(fraction, 1.0))) / self.total)
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
