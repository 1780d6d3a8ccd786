"""The query parameters that narrow a list: ``?child=``, ``?status=``, and date ranges
(``recorded_after``/``recorded_before`` by the day filmed, ``uploaded_after``/``uploaded_before``
by moment).

A malformed value is a 400 that says what a good one looks like, never an empty list."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import TypeVar

from django.db.models import QuerySet
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.request import Request

from crawlcoach.web.api import scoping
from crawlcoach.web.videos.models import Status, Video

Row = TypeVar("Row")  # what the query set yields: filtering keeps it

VIDEO_PARAMETERS = [
    OpenApiParameter("child", OpenApiTypes.INT, description="Only this child's videos."),
    OpenApiParameter(
        "status", OpenApiTypes.STR, enum=list(Status.values), description="Only videos in it."
    ),
    OpenApiParameter(
        "recorded_after", OpenApiTypes.DATE,
        description="Videos filmed on this day or later (the recording date from the file or "
        "set by a parent; the upload day when neither is known).",
    ),
    OpenApiParameter(
        "recorded_before", OpenApiTypes.DATE, description="Videos filmed on this day or before."
    ),
    OpenApiParameter(
        "uploaded_after", OpenApiTypes.DATETIME,
        description="Videos uploaded at or after this moment (a date means its start).",
    ),
    OpenApiParameter(
        "uploaded_before", OpenApiTypes.DATETIME,
        description="Videos uploaded before this moment (a date means its start).",
    ),
]  # fmt: skip


def _one(request: Request, name: str) -> str | None:
    value = request.query_params.get(name)
    return value.strip() if value is not None and value.strip() else None


def day(request: Request, name: str) -> date | None:
    raw = _one(request, name)
    if raw is None:
        return None
    try:
        parsed = parse_date(raw)
    except ValueError:
        parsed = None
    if parsed is None:
        raise ValidationError({name: [f"Give a day as YYYY-MM-DD, e.g. {name}=2026-05-01."]})
    return parsed


def moment(request: Request, name: str) -> datetime | None:
    """A date and time (ISO 8601; without a zone, the server's), or a day meaning its start."""
    raw = _one(request, name)
    if raw is None:
        return None
    # A '+02:00' offset arrives as ' 02:00' when the caller did not encode the plus sign.
    raw = raw.replace(" ", "+") if "T" in raw else raw
    try:
        parsed = parse_datetime(raw)
        if parsed is None and (just_day := parse_date(raw)) is not None:
            parsed = datetime.combine(just_day, time.min)
    except ValueError:
        parsed = None
    if parsed is None:
        raise ValidationError(
            {name: [f"Give a day (2026-05-01) or a moment (2026-05-01T14:30:00Z) for {name}."]}
        )
    if timezone.is_naive(parsed):
        parsed = timezone.make_aware(parsed)
    return parsed


def child_id(request: Request) -> int | None:
    raw = _one(request, "child")
    if raw is None:
        return None
    if not raw.isdigit() or len(raw) > 18:
        raise ValidationError({"child": ["Give a child's id, a whole number, e.g. child=3."]})
    if not scoping.children(request).filter(pk=int(raw)).exists():
        raise NotFound(f"No child with id {int(raw)} in your family.")
    return int(raw)


def filter_videos(request: Request, videos: QuerySet[Video, Row]) -> QuerySet[Video, Row]:
    if (child := child_id(request)) is not None:
        videos = videos.filter(child_id=child)
    if (status := _one(request, "status")) is not None:
        if status not in Status.values:
            raise ValidationError({"status": [f"Give one of {', '.join(Status.values)}."]})
        videos = videos.filter(status=status)
    # Dated as every page dates a video: when it was filmed, else when it was uploaded.
    filmed = Coalesce("recorded_at", "uploaded_at")
    if (after := day(request, "recorded_after")) is not None:
        videos = videos.alias(filmed=filmed).filter(filmed__gte=_start_of(after))
    if (before := day(request, "recorded_before")) is not None:
        videos = videos.alias(filmed=filmed).filter(filmed__lt=_start_of(before, next_day=True))
    if (uploaded_after := moment(request, "uploaded_after")) is not None:
        videos = videos.filter(uploaded_at__gte=uploaded_after)
    if (uploaded_before := moment(request, "uploaded_before")) is not None:
        videos = videos.filter(uploaded_at__lt=uploaded_before)
    return videos


def _start_of(day_: date, next_day: bool = False) -> datetime:
    """Midnight at the start of this day (or the next) in the server's time zone."""
    start = datetime.combine(day_ + timedelta(days=1) if next_day else day_, time.min)
    return timezone.make_aware(start)
