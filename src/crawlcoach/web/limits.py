"""What one family may put on a shared server: uploads per hour and disk for its videos.

The upload page, the upload script and the API are held to the same limits, in three steps:
``check_before_body`` on the declared length (Content-Length) before the app reads the body, so
a family over its limits is answered at once and nothing reaches the data folder (waitress has
still received the body by then: it hands the app whole requests); ``take_upload_slot`` once
the body has arrived (and, on the page, passed its CSRF check), which records the attempt: the
hourly limit counts attempts, so a video refused, deleted or failed still counts; and
``check_upload`` in ``videos.upload.accept``, the one way in for a video, on the size actually
received. A limit of 0 means none.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from django.conf import settings
from django.utils import timezone

if TYPE_CHECKING:
    from crawlcoach.web.families.models import Family

HOUR = timedelta(hours=1)
GIGABYTE = 1024**3


@dataclass(frozen=True)
class LimitReached(Exception):
    """An upload refused by a family limit, with what to tell the family."""

    kind: str
    message: str
    status: int
    retry_after_s: int | None = None


def check_before_body(family: Family, declared_body_bytes: int | None) -> None:
    """Raise LimitReached when the family is at its hourly limit, or when a body of the declared
    length (the multipart envelope allowed for) could not fit in its disk space."""
    from crawlcoach.web.videos.upload import MULTIPART_OVERHEAD_BYTES

    _check_rate(family, timezone.now())
    if declared_body_bytes:
        _check_disk(family, max(0, declared_body_bytes - MULTIPART_OVERHEAD_BYTES))


def take_upload_slot(family: Family, now: datetime | None = None) -> None:
    """Count this upload against the hourly limit, or raise LimitReached when none is left."""
    from crawlcoach.web.videos.models import UploadAttempt

    now = now or timezone.now()
    _check_rate(family, now)
    UploadAttempt.objects.create(family=family, at=now)
    # Only the last hour counts; a day is kept for whoever looks at the table.
    UploadAttempt.objects.filter(family=family, at__lt=now - 24 * HOUR).delete()


def check_upload(family: Family, incoming_bytes: int) -> None:
    """Raise LimitReached when this upload would take the family past its disk space."""
    _check_disk(family, incoming_bytes)


def _check_rate(family: Family, now: datetime) -> None:
    per_hour: int = settings.UPLOADS_PER_HOUR
    if not per_hour:
        return
    from crawlcoach.web.videos.models import UploadAttempt

    recent = UploadAttempt.objects.filter(family=family, at__gt=now - HOUR)
    moments = list(recent.order_by("-at").values_list("at", flat=True)[:per_hour])
    if len(moments) < per_hour:
        return
    # Room comes back when the oldest of the last ``per_hour`` uploads is an hour old.
    frees_at = moments[per_hour - 1] + HOUR
    wait_s = max(60, math.ceil((frees_at - now).total_seconds()))
    minutes = math.ceil(wait_s / 60)
    raise LimitReached(
        "too_many_uploads",
        f"Your family has sent {per_hour} videos in the last hour, the most this app takes in "
        f"an hour ({per_hour}). Nothing is lost: the videos already uploaded are being looked "
        f"at. Please upload this one again in about {minutes} minute"
        f"{'s' if minutes != 1 else ''}.",
        429,
        wait_s,
    )


def family_disk_bytes(family: Family) -> int:
    """The bytes the family's folder takes on disk: every file its videos made (the upload, the
    skeleton video, the browser copy, the pose track, the shared copies) and its note photos.
    Summed from the folder itself, so a file added later is counted without a list to keep."""
    from crawlcoach.web.videos import storage

    return storage.folder_bytes(storage.family_dir(family.pk))


def _check_disk(family: Family, incoming_bytes: int) -> None:
    limit: int = settings.FAMILY_DISK_BYTES
    if not limit:
        return
    used = family_disk_bytes(family)
    if used + incoming_bytes <= limit:
        return
    raise LimitReached(
        "family_disk_full",
        f"Your family's videos take {_gb(used)} of the {_gb(limit)} this app keeps for each "
        f"family, and this video ({_gb(incoming_bytes)}) would not fit. Delete videos you no "
        "longer need (each video's page has \u201cDelete this video\u201d), or ask whoever runs "
        "this app for more room, then upload it again.",
        507,
    )


def _gb(size_bytes: int) -> str:
    gigabytes = size_bytes / GIGABYTE
    if gigabytes < 0.1:
        return f"{size_bytes / 1024 / 1024:.0f} MB"
    return f"{gigabytes:.1f} GB"
