"""An uploaded video of a child, where its analysis stands, and the analysis itself."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from django.db import models

from crawlcoach.web.children.models import Child
from crawlcoach.web.families.models import Family


class Status(models.TextChoices):
    QUEUED = "queued", "Waiting its turn"
    ANALYSING = "analysing", "Watching the video"
    DONE = "done", "Ready"
    FAILED = "failed", "Could not be analysed"
    CANCELLED = "cancelled", "Stopped"


PENDING = (Status.QUEUED, Status.ANALYSING)
# Failures another try can get past (the server was busy, or something broke on our side).
# Not among them: no baby found, a file we cannot read, a video too big for the memory cap.
RETRYABLE_ERRORS = frozenset({"time_limit", "crashed", "internal_error", "disk_problem"})


class Video(models.Model):
    # Unguessable ids in URLs; access is still checked against the family on every request.
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="videos")
    original_name = models.CharField(max_length=255)
    original_file = models.CharField(max_length=255)  # relative to MEDIA_ROOT
    annotated_file = models.CharField(max_length=255, blank=True)  # relative to MEDIA_ROOT
    size_bytes = models.BigIntegerField(default=0)
    duration_s = models.FloatField(null=True, blank=True)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.QUEUED)
    progress = models.FloatField(default=0.0)  # 0..1 while analysing
    # Counts the times a worker took the video up; a worker only records its result while the
    # count is still its own (a cancel, a retry or a restart's re-queue makes it stale).
    attempt = models.PositiveIntegerField(default=0)
    result = models.JSONField(null=True, blank=True)  # the analysis contract
    error_kind = models.CharField(max_length=64, blank=True)
    error_message = models.TextField(blank=True)
    uploaded_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    # Renewed every few seconds by the process that watches the video's analysis; a video left
    # "analysing" with an old heartbeat has lost its worker (``recovery.requeue_stale``).
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    # When it was filmed: from the file's metadata at upload, or set by the parent; None means
    # the upload moment stands in (see ``filmed_at``).
    recorded_at = models.DateTimeField("filmed", null=True, blank=True)
    title = models.CharField(max_length=120, blank=True)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["-uploaded_at"]

    def __str__(self) -> str:
        return f"{self.original_name} ({self.get_status_display()})"

    @property
    def filmed_at(self) -> datetime:
        """The moment the video was filmed, as far as we know: every page dates it by this."""
        return self.recorded_at or self.uploaded_at

    @property
    def display_title(self) -> str:
        return self.title or self.original_name

    @property
    def summary_line(self) -> str:
        from crawlcoach.web.videos.summary import one_line

        return one_line(self.result) if self.status == Status.DONE else ""

    @property
    def is_pending(self) -> bool:
        return self.status in PENDING

    @property
    def can_retry(self) -> bool:
        """Offer "Try again" only where another try may end differently."""
        if self.status == Status.CANCELLED:
            return True
        return self.status == Status.FAILED and self.error_kind in RETRYABLE_ERRORS

    def status_payload(self) -> dict[str, Any]:
        """What the status endpoint (and the page's polling script) sees."""
        return {
            "id": str(self.id),
            "status": self.status,
            "label": self.get_status_display(),
            "progress": round(self.progress, 3),
            "pending": self.is_pending,
            "error": self.error_message or None,
        }


class UploadAttempt(models.Model):
    """One upload a family sent (whatever became of it: refused as no video, deleted, failed),
    counted by the uploads-per-hour limit (``web.limits``)."""

    family = models.ForeignKey(Family, on_delete=models.CASCADE, related_name="upload_attempts")
    at = models.DateTimeField(db_index=True)


class ShareKind(models.TextChoices):
    FACES_BLURRED = "faces_blurred", "Faces blurred"
    SKELETON_ONLY = "skeleton_only", "Skeleton only"


class SharedCopy(models.Model):
    """A copy of a video made, on the parent's request, to send to a therapist: faces blurred or
    the skeleton alone. It stays on this server until the parent downloads it; its file lives in
    the video's folder, so deleting the video (or the child) deletes it."""

    video = models.ForeignKey(Video, on_delete=models.CASCADE, related_name="shared_copies")
    kind = models.CharField(max_length=16, choices=ShareKind.choices)
    # queued, analysing (being made), done or failed: the words of ``notices.SHARE_STATUS``.
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.QUEUED)
    file = models.CharField(max_length=255, blank=True)  # relative to MEDIA_ROOT
    error_message = models.TextField(blank=True)
    requested_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["video", "kind"], name="one_shared_copy_per_kind")
        ]

    @property
    def is_pending(self) -> bool:
        return self.status in PENDING

    def status_payload(self) -> dict[str, Any]:
        """The shape ``status.js`` polls, as for a video's analysis."""
        from crawlcoach.web import notices

        return {
            "id": self.pk,
            "status": self.status,
            "label": notices.SHARE_STATUS[self.status],
            "progress": 0.0,
            "pending": self.is_pending,
            "error": self.error_message or None,
        }
