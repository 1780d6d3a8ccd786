"""What a start-up puts right after the server was stopped hard (killed, power cut, full disk):
half-received uploads, folders without a video, videos that would otherwise wait forever."""

from __future__ import annotations

import logging
import shutil
import uuid
from pathlib import Path

from django.conf import settings

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
    for a process that runs the analyses, every one left half-analysed; returns how many.

    A video whose task is still in the queue gets a second one: harmless, since only one task
    can take a video up (``analysis._claim``)."""
    from crawlcoach.web.videos.tasks import enqueue

    statuses = [Status.QUEUED, Status.ANALYSING] if include_analysing else [Status.QUEUED]
    unfinished = list(Video.objects.filter(status__in=statuses).values_list("pk", flat=True))
    Video.objects.filter(pk__in=unfinished, status=Status.ANALYSING).update(
        status=Status.QUEUED, progress=0.0
    )
    for video_id in unfinished:
        enqueue(video_id)
    return len(unfinished)


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
