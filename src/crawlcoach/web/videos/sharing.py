"""Copies of a video to send to a therapist, made on request in the worker: faces blurred, or the
skeleton alone. The rendering is the analysis core's (``report.private_copy``), run by the CLI
(``crawlcoach share``) in a child process under the analysis' time limit and memory cap, so a
copy that misbehaves never takes the worker down. Nothing leaves the server: the parent
downloads the copy from the video's page."""

from __future__ import annotations

import logging
import resource
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.db import IntegrityError
from django.utils import timezone

from crawlcoach.web import notices
from crawlcoach.web.videos import storage
from crawlcoach.web.videos.analysis import limits_for
from crawlcoach.web.videos.models import SharedCopy, ShareKind, Status, Video

log = logging.getLogger(__name__)

SHARE_COMMAND: tuple[str, ...] = (sys.executable, "-m", "crawlcoach", "share")
# A copy still pending this long after its time limit was left behind by a stopped worker.
STALE_AFTER_LIMIT_S = 600
FLAGS = {ShareKind.FACES_BLURRED: "--blur-faces", ShareKind.SKELETON_ONLY: "--skeleton-only"}


def request_copy(video: Video, kind: str) -> SharedCopy:
    """The copy of this kind, queued to be made unless it is ready or on its way."""
    try:
        copy, created = SharedCopy.objects.get_or_create(video=video, kind=kind)
    except IntegrityError:  # asked for twice at once (a double tap): the other request made it
        return SharedCopy.objects.get(video=video, kind=kind)
    if not created:
        if copy.status == Status.DONE and copy.file and storage.absolute(copy.file).is_file():
            return copy
        if copy.is_pending and not _stale(copy, video):
            return copy  # waiting or being made
        SharedCopy.objects.filter(pk=copy.pk).update(
            status=Status.QUEUED, file="", error_message="", finished_at=None,
            requested_at=timezone.now(),
        )  # fmt: skip
    from crawlcoach.web.videos.tasks import enqueue_shared_copy

    enqueue_shared_copy(copy.pk)
    copy.refresh_from_db()
    return copy


def _stale(copy: SharedCopy, video: Video) -> bool:
    """Pending for longer than making it may take: its worker stopped (a restart); ask again."""
    allowed = limits_for(video.duration_s).seconds + STALE_AFTER_LIMIT_S
    return (timezone.now() - copy.requested_at).total_seconds() > allowed


def share_panel(video: Video) -> list[dict[str, Any]]:
    """What the video page shows of each kind of copy: its words, and where it stands."""
    copies = {c.kind: c for c in video.shared_copies.all()}
    panel = []
    for kind in ShareKind:
        title, text = notices.SHARE_KINDS[kind.value]
        copy = copies.get(kind.value)
        ready = bool(copy and copy.status == Status.DONE and copy.file)
        panel.append({
            "kind": kind.value,
            "title": title,
            "text": text.format(name=video.child.name),
            "copy": copy,
            "ready": ready and storage.absolute(copy.file).is_file(),  # type: ignore[union-attr]
            "label": notices.SHARE_STATUS[copy.status] if copy else "",
        })  # fmt: skip
    return panel


def make_copy(copy_id: int) -> None:
    """Make one queued copy (the worker's task)."""
    if not SharedCopy.objects.filter(pk=copy_id, status=Status.QUEUED).update(
        status=Status.ANALYSING
    ):
        return  # made already, or deleted with its video
    copy = SharedCopy.objects.select_related("video__child").get(pk=copy_id)
    video = copy.video
    out = storage.shared_copy_path(video, copy.kind)
    storage.private_folder(out.parent)
    message = _run(video, copy.kind, out)
    if message:
        out.unlink(missing_ok=True)
        fields = {"status": Status.FAILED, "error_message": message}
    else:
        out.chmod(0o600)
        fields = {"status": Status.DONE, "file": storage.relative(out)}
    if not SharedCopy.objects.filter(pk=copy_id).update(finished_at=timezone.now(), **fields):
        out.unlink(missing_ok=True)  # the video went while its copy was made
    if not Video.objects.filter(pk=video.pk).exists():
        storage.delete_video_files(video)


def _run(video: Video, kind: str, out: Path) -> str:
    """Run ``crawlcoach share``; the parent's message when it failed, else ''."""
    limits = limits_for(video.duration_s)
    command = [*SHARE_COMMAND, str(storage.absolute(video.original_file)), FLAGS[ShareKind(kind)]]
    track = storage.track_path(video)
    if track.is_file():
        command += ["--track", str(track)]  # else the video is tracked again
    command += ["-o", str(out)]
    try:
        finished = subprocess.run(
            command,
            capture_output=True,
            text=True,
            timeout=limits.seconds,
            preexec_fn=_memory_cap(limits.memory_bytes),
            start_new_session=True,
        )
    except subprocess.TimeoutExpired:
        log.warning("shared copy %s of video %s: over the time limit", kind, video.pk)
        return notices.SHARE_TOO_LONG
    if finished.returncode != 0 or not out.is_file():
        log.warning(
            "shared copy %s of video %s failed (%s): %s",
            kind, video.pk, finished.returncode, finished.stderr[-2000:],
        )  # fmt: skip
        return notices.SHARE_FAILED
    return ""


def _memory_cap(limit: int) -> Callable[[], None]:
    def apply() -> None:
        if limit > 0:
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    return apply
