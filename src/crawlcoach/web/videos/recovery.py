"""What a start-up puts right after the server was stopped hard (killed, power cut, full disk):
half-received uploads, folders without a video, videos that would otherwise wait forever."""

from __future__ import annotations

import logging
import shutil
import threading
import uuid
from datetime import datetime, timedelta
from pathlib import Path

from django.conf import settings
from django.db import close_old_connections
from django.db.models import Q
from django.utils import timezone

from crawlcoach.web.videos import storage
from crawlcoach.web.videos.models import Status, Video

log = logging.getLogger(__name__)


def remove_partial_uploads() -> int:
    """Django's temporary upload files (``uploads/tmp*.upload.*``) left by a request that never
    finished. Only safe before this server takes requests: at start-up no upload is in flight."""
    removed = 0
    for leftover in Path(settings.FILE_UPLOAD_TEMP_DIR).glob("*.upload*"):
        if leftover.is_file():
            leftover.unlink(missing_ok=True)
            removed += 1
    return removed


def remove_orphan_folders() -> int:
    """Video folders with no video behind them (a kill between storing the file and recording
    it, or a delete racing an analysis), then any child or family folder left empty."""
    known = {str(pk) for pk in Video.objects.values_list("pk", flat=True)}
    removed = 0
    for folder in storage.media_root().glob("family-*/child-*/*"):
        if folder.is_dir() and _is_uuid(folder.name) and folder.name not in known:
            shutil.rmtree(folder, ignore_errors=True)
            removed += 1
    for child_folder in storage.media_root().glob("family-*/child-*"):
        if child_folder.is_dir() and not any(child_folder.iterdir()):
            child_folder.rmdir()
            storage.remove_empty_parents(child_folder)
    return removed


def requeue_unfinished(include_analysing: bool = True) -> int:
    """Queue again every video still waiting (its task may never have reached the queue) and,
    for a process that runs the analyses, every one whose worker is gone; returns how many.

    A video whose task is still in the queue gets a second one: harmless, since only one task
    can take a video up (``analysis._claim``). A video another live worker is analysing keeps
    its heartbeat fresh and is left alone (``requeue_stale``)."""
    from crawlcoach.web.videos.tasks import enqueue

    waiting = list(Video.objects.filter(status=Status.QUEUED).values_list("pk", flat=True))
    for video_id in waiting:
        enqueue(video_id)
    return len(waiting) + (requeue_stale() if include_analysing else 0)


def requeue_stale(now: datetime | None = None) -> int:
    """Queue again the videos left "analysing" by a worker that stopped renewing their heartbeat
    (killed, frozen, its machine gone) WORKER_STALE_S ago; returns how many."""
    from crawlcoach.web.videos.tasks import enqueue

    cutoff = (now or timezone.now()) - timedelta(seconds=settings.WORKER_STALE_S)
    # Videos from before heartbeats were kept have only their start.
    stale = Q(heartbeat_at__lt=cutoff) | Q(heartbeat_at__isnull=True, started_at__lt=cutoff)
    stale |= Q(heartbeat_at__isnull=True, started_at__isnull=True)
    found = list(Video.objects.filter(stale, status=Status.ANALYSING).values_list("pk", "attempt"))
    requeued = 0
    for video_id, attempt in found:
        # Only if still stale and the same attempt: a worker may have renewed or finished it.
        taken = Video.objects.filter(stale, pk=video_id, status=Status.ANALYSING, attempt=attempt)
        if taken.update(status=Status.QUEUED, progress=0.0):
            enqueue(video_id)
            requeued += 1
    return requeued


class StaleWatch:
    """A thread in every process that runs analyses: now and then, queue again what a lost
    worker left "analysing" (a worker killed and restarted at once finds its own video still
    fresh at start-up; this picks it up once it goes stale)."""

    def __init__(self, interval_s: float | None = None) -> None:
        self.interval_s = interval_s or max(1.0, settings.WORKER_STALE_S / 3)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="stale-watch", daemon=True)

    def start(self) -> StaleWatch:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)

    def _run(self) -> None:
        while not self._stop.wait(self.interval_s):
            try:
                if count := requeue_stale():
                    log.info("%d video(s) left by a lost worker queued again", count)
            except Exception:  # a database hiccup must not end the watch
                log.exception("looking for videos left by a lost worker failed")
            finally:
                close_old_connections()


def recover(*, runs_analyses: bool, takes_uploads: bool) -> None:
    """Everything above that applies to this process, logged when it found something."""
    found: dict[str, int] = {}
    if takes_uploads:
        found["partial uploads removed"] = remove_partial_uploads()
        found["orphan video folders removed"] = remove_orphan_folders()
    found["videos queued again"] = requeue_unfinished(include_analysing=runs_analyses)
    for what, count in found.items():
        if count:
            log.info("start-up: %d %s", count, what)


def _is_uuid(name: str) -> bool:
    try:
        uuid.UUID(name)
    except ValueError:
        return False
    return True
