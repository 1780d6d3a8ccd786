"""Upload a video, follow its analysis, see the result, fetch its files, delete it."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.files.uploadedfile import TemporaryUploadedFile
from django.db import OperationalError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from crawlcoach.web import family_time, guidance_bridge, limits, notices
from crawlcoach.web.children.models import Child
from crawlcoach.web.children.views import family_child
from crawlcoach.web.families.access import family_of, family_required
from crawlcoach.web.videos import presentation, sharing, storage, upload
from crawlcoach.web.videos.details import VideoDetailsForm
from crawlcoach.web.videos.models import PENDING, Status, Video
from crawlcoach.web.videos.ranged import content_type_for, ranged_file_response
from crawlcoach.web.videos.tasks import enqueue


def family_video(request: HttpRequest, video_id: uuid.UUID) -> Video:
    """The video with this id in the request's family, else 404 (never another family's)."""
    return get_object_or_404(
        Video.objects.select_related("child"),
        pk=video_id,
        child__family=family_of(request),
    )


def playback_type(path: Path) -> str:
    """The type the page asks the browser about; phone MOVs play as MP4 in most browsers."""
    content_type = content_type_for(path)
    return "video/mp4" if content_type == "video/quicktime" else content_type


def _wants_json(request: HttpRequest) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def _upload_page(
    request: HttpRequest, child: Child, error: str = "", status: int = 200
) -> HttpResponse:
    if error and _wants_json(request):
        return JsonResponse({"error": error}, status=status)
    context = {"child": child, "error": error, "max_upload_bytes": settings.MAX_UPLOAD_BYTES}
    return render(request, "videos/upload.html", context, status=status)


# CSRF is checked inside, after the size-limited upload handler is installed: the CSRF middleware
# would otherwise read the whole body with the default handlers first.
@csrf_exempt
@require_http_methods(["GET", "POST"])
@family_required
def upload_video(request: HttpRequest, child_id: int) -> HttpResponse:
    child = family_child(request, child_id)
    if request.method == "GET":
        return _upload_page(request, child)
    # A declared length over the limit was already answered by RequestSizeMiddleware; a family
    # over its own limits is answered here, before the body is read.
    try:
        limits.check_before_body(child.family, upload.declared_length(request))
    except limits.LimitReached as refused:
        return _refused(request, child, refused)
    request.upload_handlers = [upload.SizeLimitedUploadHandler(request, settings.MAX_UPLOAD_BYTES)]
    try:
        # Read the body here, not in the CSRF check (which would let this error become a 500):
        # Django writes the upload into the data folder as it arrives, and that may be full or
        # read-only.
        request.FILES  # noqa: B018
    except OSError:
        return _upload_page(request, child, notices.STORAGE_PROBLEM, 507)
    return _receive_upload(request, child)


@csrf_protect
def _receive_upload(request: HttpRequest, child: Child) -> HttpResponse:
    received = request.FILES.get("video")
    if getattr(request, "upload_too_large", False):
        return _upload_page(
            request, child, upload.too_large_message(settings.MAX_UPLOAD_BYTES), 413
        )
    if not isinstance(received, TemporaryUploadedFile):
        return _upload_page(request, child, "Choose a video first, then press Upload.", 400)
    try:
        limits.take_upload_slot(child.family)
        checked = upload.check_video(upload.temporary_path(received))
        if isinstance(checked, upload.Rejection):
            return _upload_page(request, child, checked.message, checked.status)
        video = upload.accept(child, received, checked)
    except limits.LimitReached as refused:
        return _refused(request, child, refused)
    except (OSError, OperationalError):
        return _upload_page(request, child, notices.STORAGE_PROBLEM, 507)
    url = reverse("video", args=[video.pk])
    if _wants_json(request):
        return JsonResponse({"url": url, "status": video.status_payload()}, status=201)
    return redirect(url)


def _refused(request: HttpRequest, child: Child, refused: limits.LimitReached) -> HttpResponse:
    response = _upload_page(request, child, refused.message, refused.status)
    if refused.retry_after_s:
        response["Retry-After"] = str(refused.retry_after_s)
    return response


@require_GET
@family_required
def video_page(request: HttpRequest, video_id: uuid.UUID) -> HttpResponse:
    video = family_video(request, video_id)
    context: dict[str, Any] = {
        "video": video,
        "child": video.child,
        "cancelled_note": notices.CANCELLED,
    }
    context["details_form"] = VideoDetailsForm(instance=video)
    if video.status == Status.DONE and video.result:
        context |= presentation.result_context(video.result)
        context["original_type"] = playback_type(storage.absolute(video.original_file))
        # Browsers cannot play the original (AVI, HEVC...): the plain copy plays in its place.
        context["has_playable_copy"] = storage.playable_path(video).is_file()
        others = Video.objects.filter(child=video.child)
        guidance = guidance_bridge.video_guidance(video, others, family_time.today())
        context["assessment"] = guidance.assessment
        context["guidance_notes"] = guidance.notes
        context["share_intro"] = notices.SHARE_INTRO
        context["share_panel"] = sharing.share_panel(video)
    return render(request, "videos/video.html", context)


@require_GET
@family_required
def video_status(request: HttpRequest, video_id: uuid.UUID) -> JsonResponse:
    video = family_video(request, video_id)
    response = JsonResponse(video.status_payload())
    response["Cache-Control"] = "no-store"
    return response


@require_GET
@family_required
def video_file(request: HttpRequest, video_id: uuid.UUID, kind: str) -> HttpResponseBase:
    video = family_video(request, video_id)
    if kind == "playable":
        path = storage.playable_path(video)
    else:
        relative = {"original": video.original_file, "annotated": video.annotated_file}.get(kind)
        if not relative:
            raise Http404("No such file for this video.")
        path = storage.absolute(relative)
    if not path.is_file():
        raise Http404("This file is no longer there.")
    return ranged_file_response(request, path)


@require_http_methods(["GET", "POST"])
@family_required
def delete_video(request: HttpRequest, video_id: uuid.UUID) -> HttpResponse:
    video = family_video(request, video_id)
    if request.method == "POST":
        child_id = video.child_id
        storage.delete_video_files(video)
        video.delete()
        messages.success(request, "The video and its analysis are deleted.")
        return redirect("child", child_id=child_id)
    return render(request, "videos/delete.html", {"video": video, "child": video.child})


@require_POST
@family_required
def retry_video(request: HttpRequest, video_id: uuid.UUID) -> HttpResponse:
    video = family_video(request, video_id)
    if video.can_retry:
        requeued = Video.objects.filter(pk=video.pk, status=video.status).update(
            status=Status.QUEUED, progress=0.0, error_kind="", error_message="", result=None
        )
        if requeued:
            enqueue(video.pk)
    return redirect("video", video_id=video.pk)


@require_POST
@family_required
def cancel_video(request: HttpRequest, video_id: uuid.UUID) -> HttpResponse:
    """Stop a waiting or running analysis: the worker sees the status change within a second,
    ends the analysis' process and moves on to the next video."""
    video = family_video(request, video_id)
    stopped = Video.objects.filter(pk=video.pk, status__in=PENDING).update(
        status=Status.CANCELLED, progress=0.0, finished_at=timezone.now()
    )
    if stopped:
        messages.success(request, "The analysis is stopped.")
    return redirect("video", video_id=video.pk)
