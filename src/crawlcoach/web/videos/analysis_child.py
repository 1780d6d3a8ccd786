"""The process one analysis runs in: ``python -m crawlcoach.web.videos.analysis_child``.

It reads one request (JSON, one line) on stdin, caps its own memory, calls
``crawlcoach.pipeline.analyze_video`` and writes JSON lines back on its original stdout:
``{"progress": f}`` now and then, then one ``{"result": ..., "peak": ...}`` or ``{"failure":
kind}``. It imports nothing from Django: a crash or an out-of-memory kill here leaves the web
server untouched, and the parent (``child_runner``) records what happened.

It ends itself when its parent goes away (stdin closes), so a killed server leaves no analysis
running on its own.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import json
import os
import resource
import signal
import sys
import threading
import time
import traceback
from pathlib import Path
from typing import IO, Any

# Exit statuses the parent reads; anything else (or a signal) is a crash.
EXIT_OK = 0
EXIT_OUT_OF_MEMORY = 3
EXIT_ORPHANED = 4

PROGRESS_INTERVAL_S = 0.5
PR_SET_PDEATHSIG = 1
# Disk problems worth their own plain message rather than "something went wrong".
DISK_ERRNOS = {errno.ENOSPC, errno.EROFS, errno.EACCES, errno.EDQUOT}


def main() -> int:
    request = json.loads(sys.stdin.readline())
    channel = _private_channel()
    _end_with_parent(int(request.get("parent_pid") or 0))
    limit = int(request.get("memory_limit_bytes") or 0)
    if limit > 0:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    try:
        message = _analyse(request, _Progress(channel))
    except MemoryError:
        _send(channel, {"failure": "memory_limit", "peak": peak_memory()})
        return EXIT_OUT_OF_MEMORY
    except Exception:
        # A bug in the analysis: its traceback goes to the server's log through stderr.
        traceback.print_exc()
        message = {"failure": "internal_error", "peak": peak_memory()}
    _send(channel, message)
    return EXIT_OK


def _analyse(request: dict[str, Any], progress: _Progress) -> dict[str, Any]:
    from crawlcoach.pipeline import AnalysisOptions, analyze_video

    source = Path(request["source"])
    annotated = Path(request["annotated"])
    # The pose track is kept beside the video: the copies to share are drawn from it.
    track = Path(request["track"]) if request.get("track") else None
    playable = Path(request["playable"]) if request.get("playable") else None
    analysed, full_duration = _within_duration(source, float(request.get("max_seconds") or 0))
    options = AnalysisOptions(annotate_to=annotated, playable_copy_to=playable, save_track_to=track)
    try:
        result = analyze_video(analysed, options=options, progress=progress)
    except MemoryError:
        raise
    except OSError as exc:
        if exc.errno in DISK_ERRNOS:
            return {"failure": "disk_problem", "peak": peak_memory()}
        raise
    finally:
        if analysed != source:
            analysed.unlink(missing_ok=True)
    if analysed != source:
        # The result speaks of the uploaded file, and says how long it really is.
        encoded = json.dumps(str(analysed))[1:-1]
        result = json.loads(json.dumps(result).replace(encoded, json.dumps(str(source))[1:-1]))
        result["video"]["full_duration_s"] = full_duration
    return {"result": result, "peak": peak_memory()}


def _within_duration(source: Path, max_seconds: float) -> tuple[Path, float | None]:
    """The file to analyse: the source, or a copy of its first ``max_seconds`` when longer."""
    if max_seconds <= 0:
        return source, None
    from crawlcoach.video import VideoError, probe
    from crawlcoach.web.videos.first_part import copy_first_seconds

    try:
        duration = probe(source).duration_s
    except VideoError:
        return source, None  # the analysis itself says what is wrong with the file
    if duration <= max_seconds:
        return source, None
    target = source.with_name(f"first-part{source.suffix}")
    try:
        return copy_first_seconds(source, target, max_seconds), round(duration, 3)
    except (OSError, ValueError, av_error()) as exc:
        if isinstance(exc, OSError) and exc.errno in DISK_ERRNOS:
            raise
        target.unlink(missing_ok=True)
        print(f"could not copy the first part of {source}: {exc}", file=sys.stderr)
        return source, None  # analyse it all; the time limit still holds


def av_error() -> type[Exception]:
    import av

    return av.FFmpegError


class _Progress:
    def __init__(self, channel: IO[str]) -> None:
        self.channel = channel
        self.last = 0.0

    def __call__(self, fraction: float) -> None:
        now = time.monotonic()
        if now - self.last >= PROGRESS_INTERVAL_S or fraction >= 1.0:
            self.last = now
            _send(self.channel, {"progress": round(fraction, 4)})


def peak_memory() -> dict[str, int]:
    """Peak resident and virtual size in bytes, from /proc (Linux); empty elsewhere."""
    peak: dict[str, int] = {}
    try:
        lines = Path("/proc/self/status").read_text().splitlines()
    except OSError:
        return peak
    for line in lines:
        key, _, value = line.partition(":")
        if key in ("VmHWM", "VmPeak"):
            peak["rss_bytes" if key == "VmHWM" else "virtual_bytes"] = int(value.split()[0]) * 1024
    return peak


def _private_channel() -> IO[str]:
    """Our stdout, kept for the messages; fd 1 then points at stderr, so a library that prints
    cannot garble them."""
    channel = os.fdopen(os.dup(1), "w", buffering=1)
    os.dup2(2, 1)
    return channel


def _send(channel: IO[str], message: dict[str, Any]) -> None:
    channel.write(json.dumps(message) + "\n")
    channel.flush()


def _end_with_parent(parent: int) -> None:
    """Exit when the parent dies: stdin reaches its end (everywhere) or the kernel's parent-death
    signal (Linux), whichever comes first."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if parent and os.getppid() != parent:
        os._exit(EXIT_ORPHANED)  # it died before the signal was asked for

    def watch() -> None:
        sys.stdin.buffer.read()
        os._exit(EXIT_ORPHANED)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


if __name__ == "__main__":
    # os._exit: the parent-watch thread is still reading stdin, which a normal interpreter
    # shutdown would abort on; everything worth keeping is already written and flushed.
    os._exit(main())
