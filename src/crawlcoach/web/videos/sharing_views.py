"""The video page's "Share privately" panel: ask for a copy, follow it, download it."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from crawlcoach.web import family_time, notices
from crawlcoach.web.families.access import family_required
from crawlcoach.web.videos import sharing, storage
from crawlcoach.web.videos.models import SharedCopy, ShareKind, Status
from crawlcoach.web.videos.views import family_video


def _kind(kind: str) -> ShareKind:
    try:
        return ShareKind(kind)
    except ValueError:
        raise Http404("No such copy.") from None


@require_POST
@family_required
def make_shared_copy(request: HttpRequest, video_id: uuid.UUID, kind: str) -> HttpResponse:
    video = family_video(request, video_id)
    share_kind = _kind(kind)
    if video.status != Status.DONE:
        raise Http404("Copies are made of analysed videos.")
    copy = sharing.request_copy(video, share_kind.value)
    if copy.is_pending:
        messages.info(request, notices.SHARE_MADE_AGAIN)
    return redirect(reverse("video", args=[video.pk]) + "#share")


@require_GET
@family_required
def shared_copy_status(request: HttpRequest, video_id: uuid.UUID, kind: str) -> JsonResponse:
    video = family_video(request, video_id)
    copy = SharedCopy.objects.filter(video=video, kind=_kind(kind).value).first()
    if copy is None:
        raise Http404("No copy of this kind was asked for.")
    response = JsonResponse(copy.status_payload())
    response["Cache-Control"] = "no-store"
    return response


@require_GET
@family_required
def download_shared_copy(request: HttpRequest, video_id: uuid.UUID, kind: str) -> HttpResponseBase:
    video = family_video(request, video_id)
    copy = SharedCopy.objects.filter(video=video, kind=_kind(kind).value).first()
    if copy is None or copy.status != Status.DONE or not copy.file:
        raise Http404("This copy has not been made yet.")
    path = storage.absolute(copy.file)
    if not path.is_file():
        messages.info(request, notices.SHARE_GONE)
        return redirect(reverse("video", args=[video.pk]) + "#share")
    # The file's name says neither the child's name nor the original's: it is for sending.
    filmed = family_time.local_date(video.filmed_at).isoformat()
    name = f"crawlcoach-{filmed}-{kind.replace('_', '-')}.mp4"
    response = FileResponse(path.open("rb"), as_attachment=True, filename=name,
                            content_type="video/mp4")  # fmt: skip
    response["Cache-Control"] = "private, no-store"
    return response
