"""The milestones page: what has been seen (when, a note, a video) and, calmly, what not yet."""

from __future__ import annotations

from datetime import date
from typing import Any, cast

from django import forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from crawlcoach.web import family_time, form_dates, guidance_bridge
from crawlcoach.web.children.models import Child
from crawlcoach.web.children.views import family_child
from crawlcoach.web.families.access import family_required
from crawlcoach.web.journal.catalogue import Milestone, catalogue, not_yet_text
from crawlcoach.web.journal.models import MilestoneRecord
from crawlcoach.web.videos.models import Video


class MilestoneForm(forms.Form):
    seen_on = form_dates.date_field("First seen on")
    note = forms.CharField(label="Note", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    video = forms.ChoiceField(label="A video of it", required=False)

    def __init__(self, child: Child, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.child = child
        videos = child.videos.all()
        cast(forms.ChoiceField, self.fields["video"]).choices = [("", "None")] + [
            (str(v.pk), f"{v.display_title}, {v.filmed_at:%-d %b %Y}") for v in videos
        ]

    def clean_seen_on(self) -> date:
        seen = self.cleaned_data["seen_on"]
        if seen < self.child.born:
            raise forms.ValidationError(
                f"That is before {self.child.name}'s birth date. Check the date."
            )
        if seen > family_time.today():
            raise forms.ValidationError("That day has not come yet. Check the date.")
        return seen

    def clean_video(self) -> Video | None:
        chosen = self.cleaned_data.get("video")
        return self.child.videos.filter(pk=chosen).first() if chosen else None


def age_for_norms(child: Child, today: date) -> float:
    """The corrected age when the baby came early, else the age: what milestones are judged by."""
    ages = guidance_bridge.child_ages(child, today)
    return ages.corrected_age_months if ages.corrected_age_months is not None else ages.age_months


def _milestone(milestone_id: str) -> Milestone:
    milestone = catalogue().get(milestone_id)
    if milestone is None:
        raise Http404("No such milestone.")
    return milestone


def _rows(child: Child, forms_by_id: dict[str, MilestoneForm]) -> list[dict[str, Any]]:
    today = family_time.today()
    age = age_for_norms(child, today)
    records = {r.milestone: r for r in child.milestones.select_related("video")}
    rows = []
    for milestone in catalogue().milestones:
        record = records.get(milestone.id)
        form = forms_by_id.get(milestone.id) or MilestoneForm(
            child, initial={"seen_on": today}, prefix=milestone.id
        )
        rows.append(
            {
                "milestone": milestone,
                "record": record,
                "not_yet": None if record else not_yet_text(milestone, age),
                "form": form,
            }
        )
    return rows


def _page(
    request: HttpRequest, child: Child, forms_by_id: dict[str, MilestoneForm], status: int = 200
) -> HttpResponse:
    context = {
        "child": child,
        "ages": guidance_bridge.child_ages(child, family_time.today()),
        "rows": _rows(child, forms_by_id),
    }
    return render(request, "journal/milestones.html", context, status=status)


@require_GET
@family_required
def milestones(request: HttpRequest, child_id: int) -> HttpResponse:
    return _page(request, family_child(request, child_id), {})


@require_POST
@family_required
def log_milestone(request: HttpRequest, child_id: int, milestone: str) -> HttpResponse:
    child = family_child(request, child_id)
    entry = _milestone(milestone)
    form = MilestoneForm(child, request.POST, prefix=entry.id)
    if not form.is_valid():
        return _page(request, child, {entry.id: form}, status=400)
    MilestoneRecord.objects.update_or_create(
        child=child,
        milestone=entry.id,
        defaults={
            "seen_on": form.cleaned_data["seen_on"],
            "note": form.cleaned_data["note"],
            "video": form.cleaned_data["video"],
        },
    )
    messages.success(request, f"{entry.name}: saved. Lovely.")
    return redirect("milestones", child_id=child.pk)


@require_POST
@family_required
def unlog_milestone(request: HttpRequest, child_id: int, milestone: str) -> HttpResponse:
    child = family_child(request, child_id)
    entry = _milestone(milestone)
    child.milestones.filter(milestone=entry.id).delete()
    messages.success(request, f"{entry.name}: taken off the list.")
    return redirect("milestones", child_id=child.pk)
