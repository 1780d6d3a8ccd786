"""Take a queued video up, have it analysed in a child process, and record where it stands for
the page to show. The analysis core itself runs in ``analysis_child``, never in this process."""

from __future__ import annotations

import json
import logging
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import close_old_connections
from django.db.models import F
from django.utils import timezone

from crawlcoach.contract import failed_analysis
from crawlcoach.notes import note
from crawlcoach.vocabulary import NoteCode
from crawlcoach.web import notices
from crawlcoach.web.videos import storage
from crawlcoach.web.videos.child_runner import Limits, Outcome, run_in_child
from crawlcoach.web.videos.models import Status, Video

log = logging.getLogger(__name__)

# Progress is written at most this often: the page polls every second or two anyway.
PROGRESS_MIN_INTERVAL_S = 1.0


class ProgressWriter:
    def __init__(self, video_id: uuid.UUID) -> None:
        self.video_id = video_id
        self.last_written = 0.0

    def __call__(self, fraction: float) -> None:
        now = time.monotonic()
        if now - self.last_written < PROGRESS_MIN_INTERVAL_S:
            return
        self.last_written = now
        Video.objects.filter(pk=self.video_id, status=Status.ANALYSING).update(
            progress=max(0.0, min(fraction, 1.0))
        )


def limits_for(duration_s: float | None) -> Limits:
    """The child's limits for a video this long (unknown: as long as we analyse at most)."""
    max_s = float(settings.MAX_ANALYSED_MINUTES) * 60
    analysed = duration_s or max_s or settings.ANALYSIS_MIN_SECONDS
    if max_s:
        analysed = min(analysed, max_s)
    return Limits(
        memory_bytes=int(settings.ANALYSIS_MEMORY_BYTES),
        seconds=max(float(settings.ANALYSIS_MIN_SECONDS), settings.ANALYSIS_TIME_FACTOR * analysed),
        max_video_seconds=max_s,
    )


def run_analysis(video_id: uuid.UUID) -> None:
    close_old_connections()
    claimed = _claim(video_id)
    if claimed is None:
        return  # deleted or cancelled while it waited, or already taken up by another task
    video, attempt = claimed

    source = storage.absolute(video.original_file)
    annotated = storage.annotated_path(video)
    playable = storage.playable_path(video)
    annotated.unlink(missing_ok=True)  # an earlier attempt's
    track = storage.track_path(video)
    track.unlink(missing_ok=True)
    playable.unlink(missing_ok=True)

    heartbeat = Heartbeat(video.pk, attempt)

    outcome = _analyse(
        source,
        annotated,
        ProgressWriter(video.pk),
        limits=limits_for(video.duration_s),
        still_wanted=heartbeat,
        track=track,
        playable=playable,
    )
    _log_peak(video.pk, outcome)
    if outcome.failure == "stopped":
        _forget_if_deleted(video)
        return
    fields = _finished_fields(video, outcome, source, annotated)
    mine = Video.objects.filter(pk=video.pk, status=Status.ANALYSING, attempt=attempt)
    if not mine.update(**fields):
        _forget_if_deleted(video)


class Heartbeat:
    """Asked every half second while the child analyses: whether the video is still this
    attempt's (not cancelled, deleted or claimed again), renewing its ``heartbeat_at`` every
    WORKER_HEARTBEAT_S so that other workers see it is being analysed by a live one."""

    def __init__(self, video_id: uuid.UUID, attempt: int) -> None:
        self.video_id = video_id
        self.attempt = attempt
        self.last_beat = time.monotonic()  # the claim was the first

    def __call__(self) -> bool:
        mine = Video.objects.filter(pk=self.video_id, status=Status.ANALYSING, attempt=self.attempt)
        now = time.monotonic()
        if now - self.last_beat < settings.WORKER_HEARTBEAT_S:
            return mine.exists()
        self.last_beat = now
        return bool(mine.update(heartbeat_at=timezone.now()))


def _claim(video_id: uuid.UUID) -> tuple[Video, int] | None:
    """Mark a queued video as being analysed; only one task can win it."""
    now = timezone.now()
    taken = Video.objects.filter(pk=video_id, status=Status.QUEUED).update(
        status=Status.ANALYSING,
        progress=0.0,
        started_at=now,
        heartbeat_at=now,
        attempt=F("attempt") + 1,
    )
    if not taken:
        return None
    video = Video.objects.select_related("child").filter(pk=video_id).first()
    return None if video is None else (video, video.attempt)


def _analyse(
    source: Path,
    annotated: Path,
    progress: Callable[[float], None],
    *,
    limits: Limits,
    still_wanted: Callable[[], bool],
    track: Path | None = None,
    playable: Path | None = None,
) -> Outcome:
    return run_in_child(
        source, annotated, limits, progress, still_wanted, track=track, playable=playable
    )


def _finished_fields(
    video: Video, outcome: Outcome, source: Path, annotated: Path
) -> dict[str, Any]:
    if outcome.result is None:
        failures = notices.ANALYSIS_FAILURES
        message = failures.get(outcome.failure or "crashed", failures["crashed"])
        result = failed_analysis(str(source), outcome.failure or "crashed", message, 0.0)
    else:
        result = outcome.result
    result = _private(result, source, video.original_name)
    fields: dict[str, Any] = {"finished_at": timezone.now(), "progress": 1.0}
    if error := result.get("error"):
        return fields | {
            "status": Status.FAILED,
            "error_kind": str(error.get("kind", "error")),
            "error_message": _without_name(str(error.get("message", "")), video.original_name),
            "result": result,
        }
    _note_first_part(result)
    return fields | {
        "status": Status.DONE,
        "error_kind": "",
        "error_message": "",
        "result": result,
        # A long video keeps its own length; the result says how much of it was analysed.
        "duration_s": result["video"].get("full_duration_s") or result["video"].get("duration_s"),
        "annotated_file": storage.relative(annotated) if annotated.exists() else "",
    }


def _note_first_part(result: dict[str, Any]) -> None:
    """Say in the quality notes when only the first part of a long video was analysed."""
    full = result["video"].get("full_duration_s")
    if not full:
        return
    first = note(
        NoteCode.FIRST_PART_ONLY,
        analysed_s=float(result["video"].get("duration_s") or 0),
        full_duration_s=float(full),
    )
    result["quality"].setdefault("problems", []).insert(0, first.text)
    result["quality"].setdefault("notes", []).insert(0, first.to_dict())


def _forget_if_deleted(video: Video) -> None:
    """The video (or its child) was deleted while it was analysed: leave nothing behind."""
    if not Video.objects.filter(pk=video.pk).exists():
        storage.delete_video_files(video)


def _log_peak(video_id: uuid.UUID, outcome: Outcome) -> None:
    peak = outcome.peak
    log.info(
        "analysis of video %s: %s, child peak memory %.0f MB resident, %.0f MB address space",
        video_id,
        outcome.failure or "finished",
        peak.get("rss_bytes", 0) / 1e6,
        peak.get("virtual_bytes", 0) / 1e6,
    )


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
