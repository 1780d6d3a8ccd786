"""Receive an upload: streamed to a temporary file on disk, stopped at the size limit, checked by
its content (can PyAV open it as a video?), never by its name."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from django.core.files.uploadedfile import TemporaryUploadedFile, UploadedFile
from django.core.files.uploadhandler import StopUpload, TemporaryFileUploadHandler
from django.http import HttpRequest

from crawlcoach.video import VideoError, VideoInfo, probe
from crawlcoach.video.errors import PlaylistNotVideo
from crawlcoach.video.recorded import recorded_at

if TYPE_CHECKING:
    from crawlcoach.web.children.models import Child
    from crawlcoach.web.videos.models import Video

# Room for the multipart envelope and the CSRF field around the file itself.
MULTIPART_OVERHEAD_BYTES = 64 * 1024


@dataclass(frozen=True)
class Rejection:
    message: str
    status: int


def too_large_message(limit_bytes: int) -> str:
    return (
        f"This video is larger than {limit_bytes / 1024 / 1024:.0f} MB, the most this app accepts. "
        "Trim it on your phone to a minute or two of floor play, or film a shorter clip."
    )


def declared_length(request: HttpRequest) -> int | None:
    """The body length the client declares (Content-Length), None when it says none."""
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return None
    return declared if declared > 0 else None


def declared_too_large(request: HttpRequest, limit_bytes: int) -> bool:
    """Refuse before reading the body when the client already says it is too big."""
    return (declared_length(request) or 0) > limit_bytes + MULTIPART_OVERHEAD_BYTES


class SizeLimitedUploadHandler(TemporaryFileUploadHandler):
    """Writes the file to disk chunk by chunk and stops once it passes the limit."""

    def __init__(self, request: HttpRequest, limit_bytes: int) -> None:
        super().__init__(request)
        self.limit_bytes = limit_bytes

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes | None:
        if start + len(raw_data) > self.limit_bytes:
            self.request.upload_too_large = True  # type: ignore[union-attr]
            if self.file is not None:
                self.file.close()  # removes the partial temporary file
            raise StopUpload(connection_reset=False)
        return super().receive_data_chunk(raw_data, start)


def temporary_path(upload: UploadedFile) -> Path:
    return Path(upload.temporary_file_path())  # type: ignore[attr-defined]


def check_video(path: Path) -> VideoInfo | Rejection:
    """The file's facts when it is a video we can analyse, else why not in plain words."""
    try:
        info = probe(path)
    except PlaylistNotVideo:
        return Rejection(
            "That file is a playlist (a list of other files), not a video. Choose the video "
            "itself, for example the MP4 or MOV your phone recorded.",
            415,
        )
    except VideoError:
        return Rejection(
            "That file is not a video we can read. Choose a video from your phone's camera or "
            "gallery (MP4, MOV, WebM, AVI and GIF all work).",
            415,
        )
    if info.width <= 0 or info.height <= 0:
        return Rejection("That video has no picture we can read. Please try another clip.", 415)
    return info


def upload_name(upload: Any) -> str:
    return (getattr(upload, "name", None) or "video")[:255]


def accept(child: Child, received: TemporaryUploadedFile, info: VideoInfo) -> Video:
    """Record a checked upload as the child's video, move its file in place, queue its analysis.
    The one way in for a video, from the upload page and the API alike; raises
    ``limits.LimitReached`` when the family's limits (uploads per hour, disk) refuse it.

    File first, then the row: a kill in between leaves a folder that start-up removes, never a
    video without its file. Queueing comes last; start-up queues what a kill left waiting."""
    from django.db import OperationalError

    from crawlcoach.web import limits
    from crawlcoach.web.videos import storage
    from crawlcoach.web.videos.models import Video
    from crawlcoach.web.videos.tasks import enqueue

    limits.check_upload(child.family, received.size or 0)
    name = upload_name(received)
    video = Video(
        child=child,
        original_name=name,
        size_bytes=received.size or 0,
        duration_s=info.duration_s or None,
        recorded_at=recorded_at(temporary_path(received)),  # else the upload moment stands in
    )
    stored = storage.store_upload(video, temporary_path(received), name)
    video.original_file = storage.relative(stored)
    try:
        video.save(force_insert=True)
    except OperationalError:
        storage.delete_video_files(video)
        raise
    enqueue(video.pk)
    return video
