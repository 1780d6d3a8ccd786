"""The family's home (its children) and each child's dashboard."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import timezone

from crawlcoach.web import family_time, guidance_bridge
from crawlcoach.web.children.views import family_child
from crawlcoach.web.dashboard.charts import progress
from crawlcoach.web.families.access import family_of, family_required
from crawlcoach.web.videos.models import Video

RECENT_VIDEOS = 12


def home(request: HttpRequest) -> HttpResponseBase:
    if not request.user.is_authenticated:
        if not get_user_model().objects.exists():
            return redirect("signup")
        return redirect("login")
    return _family_home(request)


@family_required
def _family_home(request: HttpRequest) -> HttpResponse:
    today = family_time.today()
    children = list(family_of(request).children.all())
    rows = [
        {
            "child": child,
            "ages": guidance_bridge.child_ages(child, today),
            "latest": child.videos.first(),
        }
        for child in children
    ]
    return render(request, "dashboard/home.html", {"rows": rows})


def progress_points(videos: list[Video]) -> list[progress.Point]:
    """Forward and backward seconds of each finished video, at the moment it was filmed."""
    points = []
    for video in videos:
        if video.status != "done" or not video.result:
            continue
        seconds = video.result.get("locomotion", {}).get("seconds", {})
        points.append(
            progress.Point(
                at=timezone.localtime(video.filmed_at),
                forward_s=round(float(seconds.get("forward", 0.0)), 1),
                backward_s=round(float(seconds.get("backward", 0.0)), 1),
                label=video.display_title,
            )
        )
    return sorted(points, key=lambda p: p.at)


@family_required
def child_dashboard(request: HttpRequest, child_id: int) -> HttpResponse:
    child = family_child(request, child_id)
    today = family_time.today()
    videos = list(child.videos.all())
    guidance = guidance_bridge.child_guidance(child, videos, today)
    points = progress_points(videos)
    context = {
        "child": child,
        "ages": guidance_bridge.child_ages(child, today),
        "videos": videos[:RECENT_VIDEOS],
        "more_videos": max(0, len(videos) - RECENT_VIDEOS),
        "analysed_count": guidance.analysed_count,
        "assessment": guidance.assessment,
        "guidance_notes": guidance.notes,
        "progress_points": points,
        "progress_chart": progress.svg(points),
    }
    return render(request, "dashboard/child.html", context)
