"""What the API reads and writes: children, videos, statuses, analyses, assessments, errors."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, cast

from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from crawlcoach.web import family_time, guidance_bridge
from crawlcoach.web.children.models import Child
from crawlcoach.web.videos.models import Status, Video


def _absolute(context: Mapping[str, Any], name: str, *args: object) -> str:
    path = reverse(name, args=args)
    request = context.get("request")
    return request.build_absolute_uri(path) if request is not None else path


class AgeSerializer(serializers.Serializer):
    months = serializers.FloatField()
    corrected_months = serializers.FloatField(allow_null=True)
    text = serializers.CharField()
    corrected_text = serializers.CharField(allow_null=True)


def age_of(child: Child) -> dict[str, Any] | None:
    try:
        ages = guidance_bridge.child_ages(child, family_time.today())
    except Exception:  # dates the guidance cannot use (e.g. kept from an older version)
        return None
    corrected = ages.corrected_age_months
    return {
        "months": round(ages.age_months, 2),
        "corrected_months": None if corrected is None else round(corrected, 2),
        "text": ages.age_text,
        "corrected_text": ages.corrected_text,
    }


class ChildSerializer(serializers.ModelSerializer):
    observations = serializers.ListField(
        child=serializers.ChoiceField(choices=[]),
        required=False,
        help_text="What the parents have noticed (ids from the guidance), weighed in assessments.",
    )
    age = serializers.SerializerMethodField()
    links = serializers.SerializerMethodField()

    class Meta:
        model = Child
        fields = ("id", "name", "born", "due", "observations", "created_at", "age", "links")
        read_only_fields = ("id", "created_at")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Read when used, not at import: the guidance's content is loaded lazily.
        observations = cast(serializers.ListField, self.fields["observations"])
        choice = cast(serializers.ChoiceField, observations.child)
        choice.choices = guidance_bridge.observation_choices()

    @extend_schema_field(AgeSerializer(allow_null=True))
    def get_age(self, child: Child) -> dict[str, Any] | None:
        return age_of(child)

    @extend_schema_field(
        {"type": "object", "properties": {n: {"type": "string"} for n in ("assessment", "videos")}}
    )
    def get_links(self, child: Child) -> dict[str, str]:
        return {
            "assessment": _absolute(self.context, "api:child-assessment", child.pk),
            "videos": _absolute(self.context, "api:video-list") + f"?child={child.pk}",
        }

    def validate_observations(self, value: list[str]) -> list[str]:
        return list(dict.fromkeys(value))  # each once, in the order given

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        born = attrs.get("born", getattr(self.instance, "born", None))
        due = attrs["due"] if "due" in attrs else getattr(self.instance, "due", None)
        if born is not None:
            problem = guidance_bridge.date_problem(born, due, family_time.today())
            if problem:
                raise serializers.ValidationError(problem)
        return attrs


class VideoErrorSerializer(serializers.Serializer):
    kind = serializers.CharField()
    message = serializers.CharField()


class VideoLinksSerializer(serializers.Serializer):
    status = serializers.URLField()
    analysis = serializers.URLField()
    original = serializers.URLField()
    skeleton = serializers.URLField(allow_null=True)
    page = serializers.URLField()


class VideoSerializer(serializers.ModelSerializer):
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    recorded_on = serializers.SerializerMethodField()
    recorded_at = serializers.DateTimeField(
        source="filmed_at",
        read_only=True,
        help_text="When it was filmed: from the file's metadata or set by a parent; the upload "
        "moment when neither is known.",
    )
    error = serializers.SerializerMethodField()
    links = serializers.SerializerMethodField()

    class Meta:
        model = Video
        fields = (
            "id", "child", "original_name", "size_bytes", "duration_s", "status", "status_label",
            "progress", "error", "uploaded_at", "recorded_on", "recorded_at", "title", "note",
            "started_at", "finished_at", "links",
        )  # fmt: skip
        read_only_fields = fields

    @extend_schema_field(OpenApiTypes.DATE)
    def get_recorded_on(self, video: Video) -> str:
        """The family's day it was filmed, as the pages and the guidance date it."""
        return family_time.local_date(video.filmed_at).isoformat()

    @extend_schema_field(VideoErrorSerializer(allow_null=True))
    def get_error(self, video: Video) -> dict[str, str] | None:
        if not video.error_message:
            return None
        return {"kind": video.error_kind or "error", "message": video.error_message}

    @extend_schema_field(VideoLinksSerializer)
    def get_links(self, video: Video) -> dict[str, str | None]:
        def link(name: str) -> str:
            return _absolute(self.context, f"api:video-{name}", video.pk)

        return {
            "status": link("status"),
            "analysis": link("analysis"),
            "original": link("original"),
            "skeleton": link("skeleton") if video.annotated_file else None,
            "page": _absolute(self.context, "video", video.pk),
        }


class VideoUploadSerializer(serializers.Serializer):
    """The upload form (multipart/form-data); read by the view through the web's upload path."""

    child = serializers.IntegerField(help_text="The id of the child in the video.")
    video = serializers.FileField(help_text="The video file, as it came from the phone.")


class VideoStatusSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    status = serializers.ChoiceField(choices=Status.choices)  # as Video.status
    # DRF's metaclass takes declared fields off the class, so this never hides Field.label.
    label = serializers.CharField()  # type: ignore[assignment]
    progress = serializers.FloatField()
    pending = serializers.BooleanField()
    error = serializers.CharField(allow_null=True)


class AssessmentSerializer(serializers.Serializer):
    child = serializers.IntegerField()
    on = serializers.DateField(help_text="The day the assessment is made for (today).")
    age = AgeSerializer(allow_null=True)
    analysed_videos = serializers.IntegerField()
    assessment = serializers.JSONField(
        allow_null=True,
        help_text="The guidance's verdict, reasons and plan (docs/guidance.md); null when it "
        "cannot judge (see notes).",
    )
    notes = serializers.ListField(
        child=serializers.CharField(),
        help_text="Calm notes on what could not be judged (a child past the norms, videos dated "
        "outside the child's life so far).",
    )


class CaregiverSerializer(serializers.Serializer):
    name = serializers.CharField()
    username = serializers.CharField()
    you = serializers.BooleanField()


class FamilySerializer(serializers.Serializer):
    name = serializers.CharField()
    caregivers = CaregiverSerializer(many=True)
    children = serializers.IntegerField(help_text="How many children the family has.")
