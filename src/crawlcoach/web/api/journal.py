"""The journal through the API: milestones (the day first seen), practice minutes and notes.

Each entry belongs to one of the family's children (``child`` in the body, another family's id
is simply not found), dated within the child's life so far as on the journal pages, listed
newest first with ``?child=``, ``?since=`` and ``?until=`` (days, both included)."""

from __future__ import annotations

from datetime import date
from typing import Any, TypeVar

from django import forms
from django.db import IntegrityError
from django.db.models import Model, QuerySet
from django.http import FileResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, serializers
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.request import Request

from crawlcoach.web import family_time, form_dates
from crawlcoach.web.api import filters, scoping
from crawlcoach.web.api.serializers import _absolute
from crawlcoach.web.api.views import FamilyScopedViewSet
from crawlcoach.web.children.models import Child
from crawlcoach.web.journal import photos
from crawlcoach.web.journal.catalogue import catalogue
from crawlcoach.web.journal.models import MilestoneRecord, Note, PracticeEntry, PracticeKind
from crawlcoach.web.journal.note_views import PHOTO_TYPES
from crawlcoach.web.journal.practice_views import MOST_MINUTES_A_DAY, activity_choices
from crawlcoach.web.videos import storage

M = TypeVar("M", bound=Model)
Row = TypeVar("Row")  # what the query set yields: filtering keeps it

JOURNAL_PARAMETERS = [
    OpenApiParameter("child", OpenApiTypes.INT, description="Only this child's entries."),
    OpenApiParameter("since", OpenApiTypes.DATE, description="Entries on this day or later."),
    OpenApiParameter("until", OpenApiTypes.DATE, description="Entries on this day or before."),
]


class FamilyChildField(serializers.PrimaryKeyRelatedField):
    """A child of the caller's family, by id; any other id is not found."""

    default_error_messages = {
        "does_not_exist": "No child with id {pk_value} in your family.",
        "incorrect_type": "Give the child's id, a whole number, e.g. 3.",
        "required": "Give the id of the child this is about, e.g. 3.",
    }

    def get_queryset(self) -> QuerySet[Child]:
        return scoping.children(self.context["request"])

    def to_internal_value(self, data: Any) -> Child:
        if isinstance(data, bool) or not str(data).strip().isdigit() or len(str(data)) > 18:
            self.fail("incorrect_type", data_type=type(data).__name__)
        child: Child = super().to_internal_value(int(str(data).strip()))
        return child


def _in_life(day: date, child: Child) -> date:
    try:
        return form_dates.day_in_life(day, child.born, family_time.today(), child.name)
    except forms.ValidationError as exc:
        raise serializers.ValidationError(exc.messages) from None


class MilestoneSerializer(serializers.ModelSerializer):
    child = FamilyChildField()
    milestone = serializers.ChoiceField(choices=[], help_text="A milestone id (see the journal).")
    name = serializers.SerializerMethodField()
    video = serializers.UUIDField(
        allow_null=True, required=False, help_text="A video of it: one of the child's videos."
    )

    class Meta:
        model = MilestoneRecord
        fields = ("id", "child", "milestone", "name", "seen_on", "note", "video", "created_at")
        read_only_fields = ("id", "created_at")
        validators: list[Any] = []  # one record per milestone: checked in validate, in words

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choice = self.fields["milestone"]
        assert isinstance(choice, serializers.ChoiceField)
        choice.choices = [(m.id, m.name) for m in catalogue().milestones]

    def get_name(self, record: MilestoneRecord) -> str:
        found = catalogue().get(record.milestone)
        return found.name if found else record.milestone

    def to_representation(self, instance: MilestoneRecord) -> dict[str, Any]:
        data = super().to_representation(instance)
        data["video"] = str(instance.video_id) if instance.video_id else None
        return data

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        child: Child = attrs["child"]
        attrs["seen_on"] = _in_life(attrs["seen_on"], child)
        if child.milestones.filter(milestone=attrs["milestone"]).exists():
            raise serializers.ValidationError(
                {"milestone": ["Already in the journal for this child; delete it to log again."]}
            )
        video_id = attrs.pop("video", None)
        video = child.videos.filter(pk=video_id).first() if video_id else None
        if video_id and video is None:
            raise serializers.ValidationError({"video": ["No video with this id for this child."]})
        attrs["video"] = video
        return attrs


class PracticeSerializer(serializers.ModelSerializer):
    child = FamilyChildField()
    minutes = serializers.IntegerField(min_value=1, max_value=MOST_MINUTES_A_DAY)
    activity = serializers.CharField(
        required=False, allow_blank=True, max_length=64,
        help_text="With kind 'activity': the id of an activity from the child's plan.",
    )  # fmt: skip

    class Meta:
        model = PracticeEntry
        fields = ("id", "child", "on", "minutes", "kind", "activity", "started_at", "created_at")
        read_only_fields = ("id", "started_at", "created_at")

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        child: Child = attrs["child"]
        attrs["on"] = _in_life(attrs["on"], child)
        if attrs["kind"] != PracticeKind.ACTIVITY:
            attrs["activity"] = ""
        elif attrs.get("activity") not in dict(activity_choices(child)):
            raise serializers.ValidationError(
                {"activity": ["Give the id of an activity from this child's plan."]}
            )
        return attrs


class NoteSerializer(serializers.ModelSerializer):
    child = FamilyChildField()
    text = serializers.CharField(max_length=10_000)
    photo = serializers.SerializerMethodField()

    class Meta:
        model = Note
        fields = ("id", "child", "on", "text", "photo", "created_at")
        read_only_fields = ("id", "created_at")

    def get_photo(self, note: Note) -> str | None:
        """Where the note's photo is (notes with photos are made on the journal page)."""
        if not note.photo_file:
            return None
        return _absolute(self.context, "api:note-photo", note.pk)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        attrs["on"] = _in_life(attrs["on"], attrs["child"])
        return attrs


class JournalViewSet(
    mixins.ListModelMixin,
    mixins.CreateModelMixin,
    mixins.RetrieveModelMixin,
    mixins.DestroyModelMixin,
    FamilyScopedViewSet[M],
):
    lookup_value_regex = "[0-9]+"
    day_field = "on"

    def filter_queryset(self, queryset: QuerySet[M, Row]) -> QuerySet[M, Row]:
        if self.action != "list":
            return queryset
        request = self.request
        if (child := filters.child_id(request)) is not None:
            queryset = queryset.filter(child_id=child)
        if (since := filters.day(request, "since")) is not None:
            queryset = queryset.filter(**{f"{self.day_field}__gte": since})
        if (until := filters.day(request, "until")) is not None:
            queryset = queryset.filter(**{f"{self.day_field}__lte": until})
        return queryset


def _journal_schema(what: str) -> Any:
    return extend_schema_view(
        list=extend_schema(summary=f"Your family's {what}", parameters=JOURNAL_PARAMETERS),
        create=extend_schema(summary=f"Add to the {what}"),
        retrieve=extend_schema(summary=f"One of the {what}"),
        destroy=extend_schema(summary=f"Delete one of the {what}"),
    )


@extend_schema(tags=["journal"])
@_journal_schema("milestones (the day each was first seen)")
class MilestoneViewSet(JournalViewSet[MilestoneRecord]):
    serializer_class = MilestoneSerializer
    not_found_message = "No milestone with this id in your family."
    day_field = "seen_on"

    def get_queryset(self) -> QuerySet[MilestoneRecord]:
        return scoping.milestones(self.request).order_by("-seen_on", "-pk")

    def perform_create(self, serializer: serializers.BaseSerializer[MilestoneRecord]) -> None:
        try:
            serializer.save()
        except IntegrityError:  # logged by another request in the meantime
            raise ValidationError(
                {"milestone": ["Already in the journal for this child; delete it to log again."]}
            ) from None


@extend_schema(tags=["journal"])
@_journal_schema("practice and tummy-time minutes")
class PracticeViewSet(JournalViewSet[PracticeEntry]):
    serializer_class = PracticeSerializer
    not_found_message = "No practice entry with this id in your family."

    def get_queryset(self) -> QuerySet[PracticeEntry]:
        return scoping.practice(self.request)


@extend_schema(tags=["journal"])
@_journal_schema("notes")
class NoteViewSet(JournalViewSet[Note]):
    serializer_class = NoteSerializer
    not_found_message = "No note with this id in your family."

    def get_queryset(self) -> QuerySet[Note]:
        return scoping.notes(self.request)

    def perform_destroy(self, instance: Note) -> None:
        photos.delete(instance)
        instance.delete()

    @extend_schema(
        responses={(200, "image/*"): OpenApiTypes.BINARY}, summary="The note's photo, if it has one"
    )
    @action(detail=True, methods=["get"])
    def photo(self, request: Request, pk: str) -> FileResponse:
        note = self.get_object()
        path = storage.absolute(note.photo_file) if note.photo_file else None
        if path is None or not path.is_file():
            raise NotFound("This note has no photo.")
        content_type = PHOTO_TYPES.get(path.suffix, "application/octet-stream")
        return FileResponse(path.open("rb"), content_type=content_type)
