"""The family scoping of every API call, in one place: whose family the caller belongs to, and
the children, videos and journal entries that family may see. Everything else is never
reachable, so another family's ids are simply not found (404), exactly as on the pages."""

from __future__ import annotations

from django.db.models import QuerySet
from rest_framework.request import Request

from crawlcoach.web.api.models import ApiToken
from crawlcoach.web.children.models import Child
from crawlcoach.web.families.models import Caregiver, Family
from crawlcoach.web.journal.models import MilestoneRecord, Note, PracticeEntry
from crawlcoach.web.videos.models import Video


def caregiver_of(request: Request) -> Caregiver | None:
    """The caller's membership: from the token when one was used, else from the session."""
    if isinstance(request.auth, ApiToken):
        return request.auth.caregiver
    if not request.user or not request.user.is_authenticated:
        return None
    return Caregiver.objects.select_related("family").filter(user=request.user).first()


def family_of(request: Request) -> Family | None:
    caregiver = caregiver_of(request)
    return caregiver.family if caregiver is not None else None


def children(request: Request) -> QuerySet[Child]:
    return Child.objects.filter(family=family_of(request))


def videos(request: Request) -> QuerySet[Video]:
    return Video.objects.select_related("child").filter(child__family=family_of(request))


def milestones(request: Request) -> QuerySet[MilestoneRecord]:
    return MilestoneRecord.objects.select_related("child").filter(child__family=family_of(request))


def practice(request: Request) -> QuerySet[PracticeEntry]:
    return PracticeEntry.objects.select_related("child").filter(child__family=family_of(request))


def notes(request: Request) -> QuerySet[Note]:
    return Note.objects.select_related("child").filter(child__family=family_of(request))
