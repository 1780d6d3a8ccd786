"""Run one analysis in a child process (``analysis_child``) under a memory cap and a time limit,
watch it, stop it when it is no longer wanted, and say how it ended.

The web server (or ``crawlcoach worker``) never loads the pose model itself: each video gets a
fresh child, so whatever one analysis allocates or breaks goes away with it.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import selectors
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from crawlcoach.web.videos.analysis_child import EXIT_OUT_OF_MEMORY

log = logging.getLogger(__name__)

CHILD_COMMAND: tuple[str, ...] = (sys.executable, "-m", "crawlcoach.web.videos.analysis_child")
# How often the parent looks at the clock and asks whether the analysis is still wanted.
WATCH_INTERVAL_S = 0.25
STILL_WANTED_INTERVAL_S = 0.5
# glibc reserves 64 MB of address space per thread arena; two are plenty for the analysis and
# keep the address-space cap about real memory (measured: 1.62 -> 1.23 GB peak on 1080p).
CHILD_ENVIRONMENT = {"MALLOC_ARENA_MAX": "2"}
# What a child's last words look like when it ran out of memory somewhere we could not catch.
OUT_OF_MEMORY_SIGNS = (
    b"MemoryError",
    b"std::bad_alloc",
    b"Cannot allocate memory",
    b"out of memory",
)
STDERR_TAIL_BYTES = 4000


@dataclass(frozen=True)
class Limits:
    memory_bytes: int  # address-space cap of the child (0: none)
    seconds: float  # wall-clock limit for the whole analysis
    max_video_seconds: float  # longer videos are analysed in their first part only (0: all)


@dataclass(frozen=True)
class Outcome:
    """How one child ended: ``result`` when the analysis finished (its ``error`` may be set),
    else ``failure``: memory_limit, time_limit, crashed, internal_error, disk_problem or stopped
    (no longer wanted: cancelled, deleted, or claimed again elsewhere)."""

    result: dict[str, Any] | None = None
    failure: str = ""
    peak: dict[str, int] = field(default_factory=dict)  # rss_bytes, virtual_bytes


def run_in_child(
    source: Path,
    annotated: Path,
    limits: Limits,
    progress: Callable[[float], None],
    still_wanted: Callable[[], bool],
    command: tuple[str, ...] | None = None,
) -> Outcome:
    request = {
        "source": str(source),
        "annotated": str(annotated),
        "max_seconds": limits.max_video_seconds,
        "memory_limit_bytes": limits.memory_bytes,
        "parent_pid": os.getpid(),
    }
    with tempfile.TemporaryFile() as stderr:
        process = subprocess.Popen(
            command or CHILD_COMMAND,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=stderr,
            env={**os.environ, **CHILD_ENVIRONMENT},
            # Its own session: Ctrl-C on the server stops the server, which then ends the child;
            # the video stays "analysing" and is queued again at the next start.
            start_new_session=True,
        )
        assert process.stdin is not None and process.stdout is not None
        try:
            process.stdin.write(json.dumps(request).encode() + b"\n")
            process.stdin.flush()
        except BrokenPipeError:
            pass  # it died at once; its exit status says how
        last, stopped_by_us = _watch(process, limits.seconds, progress, still_wanted)
        status, rss_kb = _reap(process)
        process.stdin.close()
        process.stdout.close()
        outcome = _judge(last, stopped_by_us, status, _tail(stderr), rss_kb)
    if outcome.failure and outcome.failure != "stopped":
        log.warning("analysis of %s ended: %s (exit status %s)", source, outcome.failure, status)
    return outcome


def _watch(
    process: subprocess.Popen[bytes],
    limit_s: float,
    progress: Callable[[float], None],
    still_wanted: Callable[[], bool],
) -> tuple[dict[str, Any], str]:
    """Read the child's messages until it ends or we end it; returns its last result-or-failure
    message and why we stopped it ("" when it ended by itself)."""
    assert process.stdout is not None
    started = time.monotonic()
    asked = started
    last: dict[str, Any] = {}
    lines = _Lines()
    with selectors.DefaultSelector() as selector:
        selector.register(process.stdout, selectors.EVENT_READ)
        while True:
            if selector.select(WATCH_INTERVAL_S):
                chunk = os.read(process.stdout.fileno(), 1 << 16)
                if not chunk:
                    return last, ""  # it closed its end: it is done, one way or another
                for message in lines.feed(chunk):
                    if "progress" in message:
                        progress(float(message["progress"]))
                    else:
                        last = message
            now = time.monotonic()
            if now - started > limit_s:
                _kill(process)
                return last, "time_limit"
            if now - asked >= STILL_WANTED_INTERVAL_S:
                asked = now
                if not still_wanted():
                    _kill(process)
                    return last, "stopped"


def _kill(process: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(process.pid, signal.SIGKILL)


def _reap(process: subprocess.Popen[bytes]) -> tuple[int, int]:
    """Wait for the child; its exit code (negative: killed by that signal) and peak RSS in kB."""
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    return process.returncode, int(usage.ru_maxrss)


def _judge(
    last: dict[str, Any], stopped_by_us: str, status: int, stderr_tail: bytes, rss_kb: int
) -> Outcome:
    peak = {"rss_bytes": rss_kb * 1024, **last.get("peak", {})}
    if stopped_by_us:
        return Outcome(failure=stopped_by_us, peak=peak)
    if "result" in last and status == 0:
        return Outcome(result=last["result"], peak=peak)
    if "failure" in last:
        return Outcome(failure=str(last["failure"]), peak=peak)
    # No word from the child: the kernel's out-of-memory killer sends SIGKILL, a failed
    # allocation in C++ aborts with its name on stderr.
    out_of_memory = status in (EXIT_OUT_OF_MEMORY, -signal.SIGKILL) or any(
        sign in stderr_tail for sign in OUT_OF_MEMORY_SIGNS
    )
    if stderr_tail:
        log.warning("the analysis child said: %s", stderr_tail.decode(errors="replace"))
    return Outcome(failure="memory_limit" if out_of_memory else "crashed", peak=peak)


def _tail(handle: IO[bytes]) -> bytes:
    size = handle.seek(0, os.SEEK_END)
    handle.seek(max(0, size - STDERR_TAIL_BYTES))
    return handle.read().strip()


class _Lines:
    """JSON messages out of a byte stream that arrives in arbitrary pieces."""

    def __init__(self) -> None:
        self.pending = b""

    def feed(self, chunk: bytes) -> Iterator[dict[str, Any]]:
        self.pending += chunk
        *complete, self.pending = self.pending.split(b"\n")
        for line in complete:
            try:
                message = json.loads(line)
            except ValueError:
                continue
            if isinstance(message, dict):
                yield message
