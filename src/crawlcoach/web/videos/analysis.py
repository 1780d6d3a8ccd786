"""Run the analysis core on a stored video and record where it stands, for the page to show."""

from __future__ import annotations

import json
import logging
import time
import uuid
from pathlib import Path
from typing import Any

from django.db import close_old_connections
from django.utils import timezone

from crawlcoach.web.videos import storage
from crawlcoach.web.videos.models import Status, Video

log = logging.getLogger(__name__)

# Progress is written at most this often: the page polls every second or two anyway.
PROGRESS_MIN_INTERVAL_S = 1.0

INTERNAL_ERROR_MESSAGE = (
    "Something went wrong on our side while analysing this video. Please try again; if it "
    "happens again, the video itself is fine to keep, and a newer version of the app may help."
)


class ProgressWriter:
    def __init__(self, video_id: uuid.UUID) -> None:
        self.video_id = video_id
        self.last_written = 0.0

    def __call__(self, fraction: float) -> None:
        now = time.monotonic()
        if now - self.last_written < PROGRESS_MIN_INTERVAL_S:
            return
        self.last_written = now
        Video.objects.filter(pk=self.video_id).update(progress=max(0.0, min(fraction, 1.0)))


def run_analysis(video_id: uuid.UUID) -> None:
    close_old_connections()
    video = Video.objects.select_related("child").filter(pk=video_id).first()
    if video is None:
        return  # deleted while it waited
    video.status, video.progress, video.started_at = Status.ANALYSING, 0.0, timezone.now()
    video.save(update_fields=["status", "progress", "started_at"])

    source = storage.absolute(video.original_file)
    annotated = storage.annotated_path(video)
    result = _private(
        _analyse(source, annotated, ProgressWriter(video.pk)), source, video.original_name
    )
    error = result.get("error")

    fields: dict[str, Any] = {"finished_at": timezone.now(), "progress": 1.0}
    if error:
        fields |= {
            "status": Status.FAILED,
            "error_kind": str(error.get("kind", "error")),
            "error_message": _without_name(str(error.get("message", "")), video.original_name),
            "result": result,
        }
    else:
        fields |= {
            "status": Status.DONE,
            "result": result,
            "duration_s": result["video"].get("duration_s"),
            "annotated_file": storage.relative(annotated) if annotated.exists() else "",
        }
    if not Video.objects.filter(pk=video.pk).update(**fields):
        storage.delete_video_files(video)  # deleted while it was analysed: leave nothing behind


def _analyse(source: Path, annotated: Path, progress: ProgressWriter) -> dict[str, Any]:
    from crawlcoach.pipeline import AnalysisOptions, analyze_video

    try:
        return analyze_video(
            source, options=AnalysisOptions(annotate_to=annotated), progress=progress
        )
    except Exception:
        # A bug in the analysis must still end in a clear state, never an endless spinner.
        log.exception("analysis of %s failed", source)
        from crawlcoach.contract import failed_analysis

        return failed_analysis(str(source), "internal_error", INTERNAL_ERROR_MESSAGE, 0.0)


def _private(result: dict[str, Any], source: Path, name: str) -> dict[str, Any]:
    """The result with the server's file layout replaced by the name the parent uploaded."""
    encoded = json.dumps(str(source))[1:-1]
    return json.loads(json.dumps(result).replace(encoded, json.dumps(name)[1:-1]))


def _without_name(message: str, name: str) -> str:
    """Messages start with the file they are about; on the video's own page that is noise."""
    prefix = f"{name}: "
    if message.startswith(prefix):
        message = message[len(prefix) :]
    return message[:1].upper() + message[1:]


def requeue_interrupted() -> int:
    """Videos left half-analysed by a stopped server go back in the queue; returns how many."""
    from crawlcoach.web.videos.tasks import enqueue

    interrupted = list(Video.objects.filter(status=Status.ANALYSING).values_list("pk", flat=True))
    Video.objects.filter(pk__in=interrupted).update(status=Status.QUEUED, progress=0.0)
    for video_id in interrupted:
        enqueue(video_id)
    return len(interrupted)
