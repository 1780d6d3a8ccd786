"""The family's home (its children) and each child's dashboard."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from crawlcoach.web import family_time, guidance_bridge
from crawlcoach.web.children.views import family_child
from crawlcoach.web.families.access import family_required
from crawlcoach.web.videos.models import Video

RECENT_VIDEOS = 12


def home(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        if not get_user_model().objects.exists():
            return redirect("signup")
        return redirect("login")
    return _family_home(request)


@family_required
def _family_home(request: HttpRequest) -> HttpResponse:
    today = family_time.today()
    children = list(request.family.children.all())  # type: ignore[attr-defined]
    rows = [
        {
            "child": child,
            "ages": guidance_bridge.child_ages(child, today),
            "latest": child.videos.first(),
        }
        for child in children
    ]
    return render(request, "dashboard/home.html", {"rows": rows})


def progress_series(videos: list[Video]) -> dict[str, Any]:
    """Forward and backward seconds per finished video, oldest first, for the progress chart."""
    done = sorted(
        (v for v in videos if v.status == "done" and v.result), key=lambda v: v.uploaded_at
    )
    dates, forward, backward = [], [], []
    for video in done:
        seconds = video.result.get("locomotion", {}).get("seconds", {})
        dates.append(timezone.localtime(video.uploaded_at).isoformat(timespec="minutes"))
        forward.append(round(float(seconds.get("forward", 0.0)), 1))
        backward.append(round(float(seconds.get("backward", 0.0)), 1))
    return {"dates": dates, "forward": forward, "backward": backward}


@family_required
def child_dashboard(request: HttpRequest, child_id: int) -> HttpResponse:
    child = family_child(request, child_id)
    today = family_time.today()
    videos = list(child.videos.all())
    guidance = guidance_bridge.child_guidance(child, videos, today)
    context = {
        "child": child,
        "ages": guidance_bridge.child_ages(child, today),
        "videos": videos[:RECENT_VIDEOS],
        "more_videos": max(0, len(videos) - RECENT_VIDEOS),
        "analysed_count": guidance.analysed_count,
        "assessment": guidance.assessment,
        "guidance_notes": guidance.notes,
        "series": progress_series(videos),
    }
    return render(request, "dashboard/child.html", context)
