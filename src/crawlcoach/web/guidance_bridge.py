"""The web app's one door to the guidance: ages, the assessment over a child's videos, and the
observations a parent can report. The judging itself lives in ``crawlcoach.guidance``.

Nothing here raises for dates the guidance would refuse (a child past its norms, a video dated
before the birth or after today): those are shown calmly instead, with a note saying why."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from crawlcoach.contract import Analysis, ContractError
from crawlcoach.guidance.age import DAYS_PER_MONTH, MAX_AGE_MONTHS
from crawlcoach.guidance.errors import GuidanceInputError
from crawlcoach.web import family_time, notices

if TYPE_CHECKING:
    from crawlcoach.web.children.models import Child
    from crawlcoach.web.videos.models import Video

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ChildAges:
    age_months: float
    corrected_age_months: float | None
    past_norms: bool = False  # older than the guidance's norms reach

    @property
    def age_text(self) -> str:
        return format_months(self.age_months)

    @property
    def corrected_text(self) -> str | None:
        if self.corrected_age_months is None:
            return None
        return format_months(self.corrected_age_months)


@dataclass(frozen=True)
class ChildGuidance:
    """What the guidance says for a child on a day, and calm notes on what it could not judge."""

    assessment: dict[str, Any] | None
    analysed_count: int = 0  # finished videos the assessment weighed
    notes: tuple[str, ...] = field(default_factory=tuple)


def format_months(months: float) -> str:
    if months < 3:
        weeks = int(months * 30.44 / 7)
        return f"{weeks} week{'s' if weeks != 1 else ''}"
    whole = int(months)
    half = " and a half" if months - whole >= 0.5 else ""
    if whole >= 24:
        return f"{whole // 12} years, {whole % 12} months"
    return f"{whole}{half} months"


def child_ages(child: Child, today: date) -> ChildAges:
    """The child's ages on ``today``; never refuses, unlike the guidance's own age check."""
    from crawlcoach.guidance import age_from_dates

    months = (today - child.born).days / DAYS_PER_MONTH
    if months > MAX_AGE_MONTHS:
        return ChildAges(months, None, past_norms=True)
    try:
        ages = age_from_dates(child.born, child.due, today)
    except GuidanceInputError:
        # Born "after today": a birth entered where the calendar was already a day ahead.
        return ChildAges(max(0.0, months), None)
    return ChildAges(ages.age_months, ages.corrected_age_months)


def child_guidance(child: Child, videos: Iterable[Video], today: date) -> ChildGuidance:
    """The assessment on ``today`` over the child's finished videos up to that day.

    Videos dated outside the child's life so far are left out (and counted in a note); a child
    past the norms, or born after ``today``, gets a note instead of an assessment.
    """
    if child_ages(child, today).past_norms:
        return ChildGuidance(None, notes=(notices.past_norms(child.name),))
    if child.born > today:
        return ChildGuidance(None, notes=(notices.born_after_today(child.name),))
    dated = analyses_for(videos)
    analyses = [a for a in dated if a.recorded_on and child.born <= a.recorded_on <= today]
    outside = len(dated) - len(analyses)
    notes = (notices.videos_outside_life(outside, child.name),) if outside else ()
    try:
        judged = _assessment(child, analyses, today)
    except GuidanceInputError as exc:
        # A date or an analysis the guidance refuses: the page still shows everything else.
        log.warning("no assessment for child %s on %s: %s", child.pk, today, exc)
        return ChildGuidance(None, notes=(*notes, notices.NO_ASSESSMENT))
    return ChildGuidance(judged, len(analyses), notes)


def video_guidance(video: Video, others: Iterable[Video], today: date) -> ChildGuidance:
    """The assessment as it stood on the day ``video`` was filmed, over it and the videos among
    ``others`` filmed up to then (by their recording date, not when they were uploaded)."""
    child = video.child
    filmed = family_time.local_date(video.filmed_at)
    if not child.born <= filmed <= today:
        return ChildGuidance(None, notes=(notices.video_outside_life(child.name),))
    earlier = [v for v in others if v.pk != video.pk and v.filmed_at <= video.filmed_at]
    return child_guidance(child, [video, *earlier], filmed)


def analyses_for(videos: Iterable[Video]) -> list[Analysis]:
    """The finished analyses, oldest first, each dated the family's day it was filmed (its
    recording date, else its upload).

    A stored result that is not a readable analysis is left out (and logged): the guidance then
    judges from the others."""
    done = sorted((v for v in videos if v.status == "done" and v.result), key=_filmed)
    analyses = []
    for video in done:
        try:
            analysis = Analysis.from_dict(video.result)
        except ContractError as exc:
            log.warning("video %s: the stored result is not a readable analysis: %s", video.pk, exc)
            continue
        analyses.append(replace(analysis, recorded_on=family_time.local_date(video.filmed_at)))
    return analyses


def _filmed(video: Video) -> Any:
    return video.filmed_at


def _assessment(child: Child, analyses: list[Analysis], today: date) -> dict[str, Any]:
    """The guidance's verdict, reasons, plan and what to watch for, as its contract dict."""
    from crawlcoach.guidance import assess

    return assess(
        born=child.born,
        due=child.due,
        analyses=analyses,
        observations=list(child.observations or []),
        today=today,
    ).as_contract()


def observation_choices() -> list[tuple[str, str]]:
    """The things a parent may report, as (id, plain words) pairs for a form."""
    from crawlcoach.guidance import OBSERVATIONS, load_content

    words_for = load_content().texts.observations
    return [(key, words_for[key][:1].upper() + words_for[key][1:]) for key in OBSERVATIONS]


def date_problem(
    born: date, due: date | None, today: date, *, past_norms_allowed: bool = False
) -> str | None:
    """The guidance's own words when these dates cannot be right, else None.

    ``past_norms_allowed``: a child already saved who has since grown past the norms may still
    be edited (a name, a due date); only a newly typed birth date is held to the age limit.
    """
    from crawlcoach.guidance import age_from_dates

    if past_norms_allowed:
        today = min(today, last_day_of_norms(born))
    try:
        age_from_dates(born, due, today)
    except GuidanceInputError as exc:
        return str(exc)
    return None


def last_day_of_norms(born: date) -> date:
    """The last day on which a child born on ``born`` is within the guidance's norms."""
    return born + timedelta(days=int(MAX_AGE_MONTHS * DAYS_PER_MONTH))
