"""The function every engine runs, once per video, in a worker process.

The pose model is opened once per worker process and reused for every video it analyses
(``reset`` between videos, as ``pipeline.analyze_videos`` does): loading MediaPipe costs
seconds, a short clip less than that."""

from __future__ import annotations

import atexit
import os
import socket
import time
import traceback

from crawlcoach import contract
from crawlcoach.batch.item import Job, JobDone
from crawlcoach.pipeline import analyze_video
from crawlcoach.pose import PoseBackend, open_backend

_backend: PoseBackend | None = None


def open_worker_backend() -> PoseBackend:
    """This process's pose model, opened on first use (a pool initializer may call it early)."""
    global _backend
    if _backend is None:
        _backend = open_backend()
        atexit.register(close_worker_backend)
    return _backend


def close_worker_backend() -> None:
    global _backend
    if _backend is not None:
        backend, _backend = _backend, None
        backend.close()


def analyze_job(job: Job) -> JobDone:
    """Never raises for a bad video (the pipeline reports those in ``error``) nor for a bug:
    that becomes an ``analysis_crashed`` error, which a rerun tries again."""
    started = time.perf_counter()
    try:
        backend = open_worker_backend()
        backend.reset()
        analysis = analyze_video(job.path, options=job.options, backend=backend)
    except Exception as exc:
        close_worker_backend()  # its state is unknown after a failure inside it
        detail = traceback.format_exception_only(exc)[-1].strip()
        analysis = contract.failed_analysis(
            job.path,
            "analysis_crashed",
            f"{job.path}: the analysis stopped with an internal error ({detail}). This is a bug "
            "in crawlcoach, not a problem with the video; the next run tries it again.",
            time.perf_counter() - started,
        )
    return JobDone(job=job, analysis=analysis, worker=worker_name())


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"
