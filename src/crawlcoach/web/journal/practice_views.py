"""The practice page: a one-tap timer whose start is kept on the server, manual entries, the
day's goal and minutes, and the week. Works without JavaScript; ``practice-timer.js`` only
shows the time running."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.contrib import messages
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from crawlcoach.guidance import load_content
from crawlcoach.web import family_time, form_dates, guidance_bridge
from crawlcoach.web.children.models import Child
from crawlcoach.web.children.views import family_child
from crawlcoach.web.families.access import family_of, family_required
from crawlcoach.web.journal import practice
from crawlcoach.web.journal.milestone_views import age_for_norms
from crawlcoach.web.journal.models import PracticeEntry, PracticeKind, RunningTimer

MOST_MINUTES_A_DAY = 24 * 60


def activity_choices(child: Child) -> list[tuple[str, str]]:
    """The plan's activities for this baby's age, as (id, title) pairs."""
    age = age_for_norms(child, family_time.today())
    return [(a.id, a.title) for a in load_content().activities if a.fits_age(age)]


class KindForm(forms.Form):
    kind = forms.ChoiceField(label="What", choices=PracticeKind.choices)
    activity = forms.ChoiceField(label="Which activity", required=False)

    def __init__(self, child: Child, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.child = child
        activity = cast(forms.ChoiceField, self.fields["activity"])
        activity.choices = [("", "—"), *activity_choices(child)]

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        if cleaned.get("kind") == PracticeKind.ACTIVITY and not cleaned.get("activity"):
            self.add_error("activity", "Choose which activity from the plan.")
        if cleaned.get("kind") != PracticeKind.ACTIVITY:
            cleaned["activity"] = ""
        return cleaned


class EntryForm(KindForm):
    on = form_dates.date_field("Day")
    minutes = forms.IntegerField(label="Minutes", min_value=1, max_value=MOST_MINUTES_A_DAY)

    field_order = ["on", "minutes", "kind", "activity"]

    def clean_on(self) -> Any:
        return form_dates.day_in_life(
            self.cleaned_data["on"], self.child.born, family_time.today(), self.child.name
        )


def _page(
    request: HttpRequest,
    child: Child,
    entry_form: EntryForm | None = None,
    start_form: KindForm | None = None,
    status: int = 200,
) -> HttpResponse:
    today = family_time.today()
    goal = practice.daily_goal(age_for_norms(child, today))
    week = practice.minutes_by_day(child, practice.week_of(today)[0], today)
    timer = RunningTimer.objects.filter(child=child).first()
    titles = dict(activity_choices(child))
    context = {
        "child": child,
        "ages": guidance_bridge.child_ages(child, today),
        "goal": goal,
        "today_minutes": week[today],
        "week_chart": practice.week_svg(week, goal.minutes),
        "week_total": sum(week.values()),
        "timer": timer,
        "timer_label": _label(timer.kind, timer.activity, titles) if timer else "",
        "start_form": start_form or KindForm(child, prefix="start"),
        "entry_form": entry_form or EntryForm(child, initial={"on": today}, prefix="entry"),
        "entries": [(e, _label(e.kind, e.activity, titles)) for e in child.practice.all()[:14]],
    }
    return render(request, "journal/practice.html", context, status=status)


def _label(kind: str, activity: str, titles: dict[str, str]) -> str:
    if kind == PracticeKind.ACTIVITY and activity:
        return titles.get(activity, activity.replace("_", " "))
    return str(PracticeKind(kind).label)


@require_GET
@family_required
def practice_page(request: HttpRequest, child_id: int) -> HttpResponse:
    return _page(request, family_child(request, child_id))


@require_POST
@family_required
def start_timer(request: HttpRequest, child_id: int) -> HttpResponse:
    child = family_child(request, child_id)
    form = KindForm(child, request.POST, prefix="start")
    if not form.is_valid():
        return _page(request, child, start_form=form, status=400)
    try:
        with transaction.atomic():
            RunningTimer.objects.create(
                child=child,
                kind=form.cleaned_data["kind"],
                activity=form.cleaned_data["activity"],
                started_at=timezone.now(),
            )
    except IntegrityError:
        # Already running (a second tap, another phone): keep the first start.
        messages.info(request, "The timer is already running.")
    return redirect("practice", child_id=child.pk)


@require_POST
@family_required
def stop_timer(request: HttpRequest, child_id: int) -> HttpResponse:
    child = family_child(request, child_id)
    with transaction.atomic():
        timer = RunningTimer.objects.select_for_update().filter(child=child).first()
        if timer is None:
            messages.info(request, "The timer was already stopped.")
            return redirect("practice", child_id=child.pk)
        now = timezone.now()
        minutes = practice.minutes_between(timer.started_at, now)
        PracticeEntry.objects.create(
            child=child,
            on=family_time.local_date(timer.started_at),
            minutes=minutes,
            kind=timer.kind,
            activity=timer.activity,
            started_at=timer.started_at,
        )
        timer.delete()
    messages.success(request, f"{minutes} minute{'s' if minutes != 1 else ''} saved. Well done.")
    return redirect("practice", child_id=child.pk)


@require_POST
@family_required
def add_entry(request: HttpRequest, child_id: int) -> HttpResponse:
    child = family_child(request, child_id)
    form = EntryForm(child, request.POST, prefix="entry")
    if not form.is_valid():
        return _page(request, child, entry_form=form, status=400)
    PracticeEntry.objects.create(
        child=child,
        on=form.cleaned_data["on"],
        minutes=form.cleaned_data["minutes"],
        kind=form.cleaned_data["kind"],
        activity=form.cleaned_data["activity"],
    )
    messages.success(request, "Saved.")
    return redirect("practice", child_id=child.pk)


@require_POST
@family_required
def delete_entry(request: HttpRequest, entry_id: int) -> HttpResponse:
    entry = get_object_or_404(PracticeEntry, pk=entry_id, child__family=family_of(request))
    child_id = entry.child_id
    entry.delete()
    messages.success(request, "The entry is deleted.")
    return redirect("practice", child_id=child_id)
