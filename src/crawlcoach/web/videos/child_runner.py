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
# A child whose address space reached this share of its cap has run out of memory, whatever
# error it shows; one stuck there this long without progress is stopped.
NEAR_CAP = 0.9
STALLED_AT_CAP_S = 15.0
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
    track: Path | None = None,
    playable: Path | None = None,
) -> Outcome:
    """``annotated``: where the skeleton video goes; ``playable``: where a plain browser copy
    goes when browsers cannot play ``source`` (both made in the analysis' one pass)."""
    request = {
        "source": str(source),
        "annotated": str(annotated),
        "track": str(track) if track is not None else "",
        "playable": str(playable) if playable else "",
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
        watched = _watch(process, limits, progress, still_wanted)
        status, rss_kb = _reap(process)
        process.stdin.close()
        process.stdout.close()
        outcome = _judge(watched, status, _tail(stderr), rss_kb, limits.memory_bytes)
    if outcome.failure and outcome.failure != "stopped":
        log.warning("analysis of %s ended: %s (exit status %s)", source, outcome.failure, status)
    return outcome


@dataclass
class _Watched:
    last: dict[str, Any] = field(default_factory=dict)  # the child's result or failure message
    stopped_by_us: str = ""  # time_limit, memory_limit (stalled at its cap) or stopped
    virtual_peak: int = 0  # bytes, as last read from /proc


def _watch(
    process: subprocess.Popen[bytes],
    limits: Limits,
    progress: Callable[[float], None],
    still_wanted: Callable[[], bool],
) -> _Watched:
    """Read the child's messages until it ends or we end it."""
    assert process.stdout is not None
    watched = _Watched()
    started = asked = moved = time.monotonic()
    lines = _Lines()
    with selectors.DefaultSelector() as selector:
        selector.register(process.stdout, selectors.EVENT_READ)
        while True:
            if selector.select(WATCH_INTERVAL_S):
                chunk = os.read(process.stdout.fileno(), 1 << 16)
                if not chunk:
                    return watched  # it closed its end: it is done, one way or another
                for message in lines.feed(chunk):
                    if "progress" in message:
                        moved = time.monotonic()
                        progress(float(message["progress"]))
                    else:
                        watched.last = message
            now = time.monotonic()
            if now - started > limits.seconds:
                watched.stopped_by_us = "time_limit"
            elif now - asked >= STILL_WANTED_INTERVAL_S:
                asked = now
                watched.virtual_peak = max(watched.virtual_peak, _virtual_peak(process.pid))
                if not still_wanted():
                    watched.stopped_by_us = "stopped"
                elif (
                    _at_cap(watched.virtual_peak, limits.memory_bytes)
                    and now - moved > STALLED_AT_CAP_S
                ):
                    # A thread that could not get memory may leave the others waiting forever.
                    watched.stopped_by_us = "memory_limit"
            if watched.stopped_by_us:
                _kill(process)
                return watched


def _virtual_peak(pid: int) -> int:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    for line in status.splitlines():
        if line.startswith("VmPeak:"):
            return int(line.split()[1]) * 1024
    return 0


def _at_cap(virtual_peak: int, cap: int) -> bool:
    return cap > 0 and virtual_peak >= NEAR_CAP * cap


def _kill(process: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(process.pid, signal.SIGKILL)


def _reap(process: subprocess.Popen[bytes]) -> tuple[int, int]:
    """Wait for the child; its exit code (negative: killed by that signal) and peak RSS in kB."""
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    return process.returncode, int(usage.ru_maxrss)


def _judge(watched: _Watched, status: int, stderr_tail: bytes, rss_kb: int, cap: int) -> Outcome:
    last = watched.last
    peak = {
        "rss_bytes": rss_kb * 1024,
        "virtual_bytes": watched.virtual_peak,
        **last.get("peak", {}),
    }
    # Running out of its address space shows in many ways (a MemoryError, a failed import, a
    # "damaged" video when FFmpeg gets no buffer, a hang); its peak at the cap tells them apart
    # from real problems, since a normal analysis stays far below it.
    at_cap = _at_cap(peak["virtual_bytes"], cap)
    if watched.stopped_by_us == "stopped":
        return Outcome(failure="stopped", peak=peak)
    if watched.stopped_by_us:
        return Outcome(failure="memory_limit" if at_cap else watched.stopped_by_us, peak=peak)
    if "result" in last and status == 0:
        error = last["result"].get("error")
        if error and at_cap:
            return Outcome(failure="memory_limit", peak=peak)
        return Outcome(result=last["result"], peak=peak)
    if "failure" in last:
        return Outcome(failure="memory_limit" if at_cap else str(last["failure"]), peak=peak)
    # No word from the child: the kernel's out-of-memory killer sends SIGKILL, a failed
    # allocation in C++ aborts with its name on stderr.
    out_of_memory = (
        at_cap
        or status in (EXIT_OUT_OF_MEMORY, -signal.SIGKILL)
        or any(sign in stderr_tail for sign in OUT_OF_MEMORY_SIGNS)
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
