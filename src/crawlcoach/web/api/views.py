"""The API's endpoints: the family, its children (with their assessment) and their videos (upload,
status, analysis, files). Every object comes through ``scoping``; every error through ``errors``."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

from django.conf import settings
from django.core.files.uploadedfile import TemporaryUploadedFile
from django.db.models import Model, QuerySet
from django.http import Http404, HttpRequest, JsonResponse
from django.http.response import HttpResponseBase
from django.urls import Resolver404, resolve, reverse
from django.views.decorators.csrf import csrf_exempt
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, UnsupportedMediaType, ValidationError
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.permissions import AllowAny
from rest_framework.renderers import BaseRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import BaseSerializer
from rest_framework.views import APIView

from crawlcoach.web import family_time, guidance_bridge, limits
from crawlcoach.web.api import filters, scoping, serializers
from crawlcoach.web.api.errors import error_body, error_response
from crawlcoach.web.api.permissions import FamilyMember
from crawlcoach.web.children.models import Child
from crawlcoach.web.videos import storage, upload
from crawlcoach.web.videos.models import Video
from crawlcoach.web.videos.ranged import ranged_file_response

VIDEO_FILE_RESPONSES = {
    (200, "video/*"): OpenApiTypes.BINARY,
    (206, "video/*"): OpenApiTypes.BINARY,
    (200, "application/octet-stream"): OpenApiTypes.BINARY,
    (206, "application/octet-stream"): OpenApiTypes.BINARY,
}


class AlwaysJson(DefaultContentNegotiation):
    """Answer in JSON whatever the Accept header asks: a video player asking for video/* must
    still get the file (served as it is), and an error it can read."""

    def select_renderer(
        self, request: Request, renderers: Iterable[BaseRenderer], format_suffix: str | None = None
    ) -> tuple[BaseRenderer, str]:
        first = next(iter(renderers))
        return first, first.media_type


M = TypeVar("M", bound=Model)
Row = TypeVar("Row")


class FamilyScoped(APIView):
    """What every family endpoint shares: members only, JSON."""

    permission_classes = [FamilyMember]
    content_negotiation_class = AlwaysJson


class FamilyScopedViewSet(FamilyScoped, viewsets.GenericViewSet[M]):
    """The family's objects of one model: one object found or a plain 404."""

    not_found_message = "Nothing with this id in your family."

    def get_object(self) -> M:
        try:
            return super().get_object()
        except Http404 as exc:  # not in this family (or not at all): the same answer
            raise NotFound(self.not_found_message) from exc


@extend_schema(tags=["family"])
class FamilyView(FamilyScoped):
    @extend_schema(responses=serializers.FamilySerializer, summary="Your family")
    def get(self, request: Request) -> Response:
        caregiver = scoping.caregiver_of(request)
        assert caregiver is not None  # FamilyMember made sure
        family = caregiver.family
        members = family.caregivers.select_related("user").order_by("joined_at")
        data = {
            "name": family.name,
            "caregivers": [
                {"name": m.display_name, "username": m.user.get_username(), "you": m == caregiver}
                for m in members
            ],
            "children": family.children.count(),
        }
        return Response(serializers.FamilySerializer(data).data)


@extend_schema(tags=["children"])
@extend_schema_view(
    list=extend_schema(summary="Your family's children"),
    create=extend_schema(summary="Add a child"),
    retrieve=extend_schema(summary="One child"),
    update=extend_schema(summary="Change a child"),
    partial_update=extend_schema(summary="Change some of a child's details"),
    destroy=extend_schema(summary="Delete a child with all of the child's videos"),
)
class ChildViewSet(
    mixins.CreateModelMixin,
    mixins.RetrieveModelMixin,
    mixins.UpdateModelMixin,
    mixins.DestroyModelMixin,
    mixins.ListModelMixin,
    FamilyScopedViewSet[Child],
):
    serializer_class = serializers.ChildSerializer
    lookup_value_regex = "[0-9]+"
    not_found_message = "No child with this id in your family."

    def get_queryset(self) -> QuerySet[Child]:
        return scoping.children(self.request)

    def perform_create(self, serializer: BaseSerializer[Child]) -> None:
        serializer.save(family=scoping.family_of(self.request))

    def perform_destroy(self, instance: Child) -> None:
        storage.delete_child_files(instance)
        instance.delete()

    @extend_schema(
        responses=serializers.AssessmentSerializer,
        summary="The child's assessment today, over all finished videos (as the dashboard shows)",
    )
    @action(detail=True, methods=["get"])
    def assessment(self, request: Request, pk: str) -> Response:
        child = self.get_object()
        today = family_time.today()
        guidance = guidance_bridge.child_guidance(child, child.videos.all(), today)
        data = {
            "child": child.pk,
            "on": today,
            "age": serializers.age_of(child),
            "analysed_videos": guidance.analysed_count,
            "assessment": guidance.assessment,
            "notes": list(guidance.notes),
        }
        return Response(serializers.AssessmentSerializer(data).data)


@extend_schema(tags=["videos"])
@extend_schema_view(
    list=extend_schema(
        summary="Your family's videos, newest first", parameters=filters.VIDEO_PARAMETERS
    ),
    retrieve=extend_schema(summary="One video"),
    destroy=extend_schema(summary="Delete a video, its files and its analysis"),
)
class VideoViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.DestroyModelMixin,
    FamilyScopedViewSet[Video],
):
    serializer_class = serializers.VideoSerializer
    lookup_value_regex = "[0-9a-fA-F-]{32,36}"
    not_found_message = "No video with this id in your family."

    def get_queryset(self) -> QuerySet[Video]:
        return scoping.videos(self.request)

    def perform_destroy(self, instance: Video) -> None:
        storage.delete_video_files(instance)
        instance.delete()

    def filter_queryset(self, queryset: QuerySet[Video, Row]) -> QuerySet[Video, Row]:
        if self.action == "list":
            return filters.filter_videos(self.request, queryset)
        return queryset

    def initialize_request(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Request:
        # The upload goes to disk through the web form's size-limited handler, installed before
        # anything (the session's CSRF check included) reads the body.
        if request.method == "POST" and self.action_map.get("post") == "create":
            request.upload_handlers = [
                upload.SizeLimitedUploadHandler(request, settings.MAX_UPLOAD_BYTES)
            ]
        return super().initialize_request(request, *args, **kwargs)

    def get_parsers(self) -> list[Any]:
        if self.action_map.get("post") == "create":
            return [MultiPartParser(), FormParser()]
        return super().get_parsers()

    @extend_schema(
        request={"multipart/form-data": serializers.VideoUploadSerializer},
        responses={201: serializers.VideoSerializer},
        summary="Upload a video of a child; its analysis starts in the background",
    )
    def create(self, request: Request) -> Response:
        limit = settings.MAX_UPLOAD_BYTES
        if upload.declared_too_large(request, limit):
            return error_response(413, "too_large", upload.too_large_message(limit))
        family = scoping.family_of(request)
        try:
            if family is not None:  # before the body is read: a family over its limits sends none
                limits.check_before_body(family, upload.declared_length(request))
        except limits.LimitReached as refused:
            return _refused(refused)
        try:
            received = request.FILES.get("video")
        except UnsupportedMediaType as exc:
            raise UnsupportedMediaType(
                request.content_type,
                detail="Send the video as multipart/form-data, with the file in the field "
                "'video' and the child's id in 'child' (curl -F does this).",
            ) from exc
        if getattr(request._request, "upload_too_large", False):
            return error_response(413, "too_large", upload.too_large_message(limit))
        data = request.data  # a form's fields here (multipart), never a JSON list
        child = self._child_for_upload(data.get("child") if isinstance(data, Mapping) else None)
        if not isinstance(received, TemporaryUploadedFile):
            return error_response(
                400, "no_video", "Send the video file in the form field 'video' (multipart)."
            )
        try:
            limits.take_upload_slot(child.family)
            checked = upload.check_video(upload.temporary_path(received))
            if isinstance(checked, upload.Rejection):
                kind = "not_a_video" if checked.status == 415 else "invalid_video"
                return error_response(checked.status, kind, checked.message)
            video = upload.accept(child, received, checked)
        except limits.LimitReached as refused:
            return _refused(refused)
        location = self.request.build_absolute_uri(reverse("api:video-detail", args=[video.pk]))
        return Response(self.get_serializer(video).data, status=201, headers={"Location": location})

    def _child_for_upload(self, raw: Any) -> Child:
        text = str(raw).strip() if raw is not None else ""
        if not text.isdigit() or len(text) > 18:
            raise ValidationError(
                {"child": ["Give the id of the child in the video, e.g. child=3."]}
            )
        child = scoping.children(self.request).filter(pk=int(text)).first()
        if child is None:
            raise NotFound(f"No child with id {int(text)} in your family.")
        return child

    @extend_schema(responses=serializers.VideoStatusSerializer, summary="Where its analysis stands")
    @action(detail=True, methods=["get"])
    def status(self, request: Request, pk: str) -> Response:
        response = Response(self.get_object().status_payload())
        response["Cache-Control"] = "no-store"
        return response

    @extend_schema(
        responses={
            200: OpenApiResponse(
                OpenApiTypes.OBJECT,
                description="The analysis contract (docs/analysis.md); for a video that could not "
                "be analysed, its error says why.",
            )
        },
        summary="The analysis, once the video is analysed (409 while it waits)",
    )
    @action(detail=True, methods=["get"])
    def analysis(self, request: Request, pk: str) -> Response:
        video = self.get_object()
        if video.is_pending or video.result is None:
            return error_response(
                409,
                "not_ready",
                f"This video is not analysed yet ({video.get_status_display().lower()}). Ask its "
                "status until it is no longer pending, then ask again.",
            )
        return Response(video.result)

    @extend_schema(responses=VIDEO_FILE_RESPONSES, summary="The video as it was uploaded (Range)")
    @action(detail=True, methods=["get"])
    def original(self, request: Request, pk: str) -> HttpResponseBase:
        return self._file(self.get_object().original_file, "This video's file is no longer there.")

    @extend_schema(
        responses=VIDEO_FILE_RESPONSES, summary="The video with the tracked body drawn (Range)"
    )
    @action(detail=True, methods=["get"])
    def skeleton(self, request: Request, pk: str) -> HttpResponseBase:
        return self._file(
            self.get_object().annotated_file,
            "This video has no skeleton video: it is drawn while the video is analysed.",
        )

    def _file(self, relative: str, missing: str) -> HttpResponseBase:
        path = storage.absolute(relative) if relative else None
        if path is None or not path.is_file():
            raise NotFound(missing)
        return ranged_file_response(self.request._request, path)


@extend_schema(exclude=True)
class ApiRoot(APIView):
    """Where everything is; open to all, as it holds no family data."""

    permission_classes = [AllowAny]
    content_negotiation_class = AlwaysJson

    def get(self, request: Request) -> Response:
        names = {
            "family": "api:family", "children": "api:child-list", "videos": "api:video-list",
            "milestones": "api:milestone-list", "practice": "api:practice-list",
            "notes": "api:note-list", "schema": "api:schema", "docs": "api:docs",
        }  # fmt: skip
        return Response({key: request.build_absolute_uri(reverse(n)) for key, n in names.items()})


@csrf_exempt
def not_found(request: HttpRequest, *args: Any, **kwargs: Any) -> JsonResponse:
    """Any other address under /api/: a JSON 404 that points at the right one when it can."""
    message = "There is no such address in the API; GET /api/ lists them."
    if not request.path.endswith("/"):
        try:
            if resolve(request.path + "/").url_name != "not-found":
                message = f"Use {request.path}/ (with a slash at the end)."
        except Resolver404:
            pass
    return JsonResponse(error_body("not_found", message), status=404)


def _refused(refused: limits.LimitReached) -> Response:
    response = error_response(refused.status, refused.kind, refused.message)
    if refused.retry_after_s:
        response["Retry-After"] = str(refused.retry_after_s)
    return response
