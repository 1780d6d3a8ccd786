"""What one family may put on a shared server: uploads per hour and disk for its videos.

Checked by ``videos.upload.accept``, the one way in for a video, so the upload page, the upload
script and the API are held to the same limits. A limit of 0 means none.
"""

from __future__ import annotations

import contextlib
import math
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from django.conf import settings
from django.db.models import QuerySet, Sum
from django.utils import timezone

if TYPE_CHECKING:
    from crawlcoach.web.families.models import Family
    from crawlcoach.web.videos.models import Video

HOUR = timedelta(hours=1)
GIGABYTE = 1024**3


@dataclass(frozen=True)
class LimitReached(Exception):
    """An upload refused by a family limit, with what to tell the family."""

    kind: str
    message: str
    status: int
    retry_after_s: int | None = None


def check_upload(family: Family, incoming_bytes: int, now: datetime | None = None) -> None:
    """Raise LimitReached when this upload would take the family past one of its limits."""
    now = now or timezone.now()
    _check_rate(family, now)
    _check_disk(family, incoming_bytes)


def _family_videos(family: Family) -> QuerySet[Video]:
    from crawlcoach.web.videos.models import Video

    return Video.objects.filter(child__family=family)


def _check_rate(family: Family, now: datetime) -> None:
    per_hour: int = settings.UPLOADS_PER_HOUR
    if not per_hour:
        return
    recent = _family_videos(family).filter(uploaded_at__gt=now - HOUR)
    moments = list(recent.order_by("-uploaded_at").values_list("uploaded_at", flat=True))
    if len(moments) < per_hour:
        return
    # Room comes back when the oldest of the last ``per_hour`` uploads is an hour old.
    frees_at = moments[per_hour - 1] + HOUR
    wait_s = max(60, math.ceil((frees_at - now).total_seconds()))
    minutes = math.ceil(wait_s / 60)
    raise LimitReached(
        "too_many_uploads",
        f"Your family has uploaded {len(moments)} videos in the last hour, the most this app "
        f"takes in an hour ({per_hour}). Nothing is lost: the videos already uploaded are "
        f"being looked at. Please upload this one again in about {minutes} minute"
        f"{'s' if minutes != 1 else ''}.",
        429,
        wait_s,
    )


def family_disk_bytes(family: Family) -> int:
    """The bytes the family's stored videos take: each upload, its skeleton video and its
    browser copy (made beside the skeleton video, when there is one)."""
    from crawlcoach.web.videos import storage

    videos = _family_videos(family)
    uploaded = videos.aggregate(total=Sum("size_bytes"))["total"] or 0
    annotated = 0
    for relative in videos.exclude(annotated_file="").values_list("annotated_file", flat=True):
        skeleton = storage.absolute(relative)
        for path in (skeleton, skeleton.with_name(storage.PLAYABLE_NAME)):
            with contextlib.suppress(OSError):  # a file already gone (or never made) takes no room
                annotated += path.stat().st_size
    return int(uploaded) + annotated


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
