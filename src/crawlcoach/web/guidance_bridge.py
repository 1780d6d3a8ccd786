"""The web app's one door to the guidance: ages, the assessment over a child's videos, and the
observations a parent can report. The judging itself lives in ``crawlcoach.guidance``."""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING, Any

from crawlcoach.contract import Analysis, ContractError

if TYPE_CHECKING:
    from crawlcoach.web.children.models import Child
    from crawlcoach.web.videos.models import Video

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ChildAges:
    age_months: float
    corrected_age_months: float | None

    @property
    def age_text(self) -> str:
        return format_months(self.age_months)

    @property
    def corrected_text(self) -> str | None:
        if self.corrected_age_months is None:
            return None
        return format_months(self.corrected_age_months)


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
    from crawlcoach.guidance import age_from_dates

    ages = age_from_dates(child.born, child.due, today)
    return ChildAges(ages.age_months, ages.corrected_age_months)


def analyses_for(videos: list[Video]) -> list[Analysis]:
    """The finished analyses, oldest first, each with the day it was filmed for the guidance.

    A stored result that is not a readable analysis is left out (and logged): the guidance then
    judges from the others."""
    done = [v for v in videos if v.status == "done" and v.result]
    done.sort(key=lambda v: v.uploaded_at)
    analyses = []
    for video in done:
        try:
            analysis = Analysis.from_dict(video.result)
        except ContractError as exc:
            log.warning("video %s: the stored result is not a readable analysis: %s", video.pk, exc)
            continue
        analyses.append(replace(analysis, recorded_on=video.uploaded_at.date()))
    return analyses


def assessment(child: Child, analyses: list[Analysis], today: date) -> dict[str, Any] | None:
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

    words = load_content().texts.observations
    return [(key, words[key][:1].upper() + words[key][1:]) for key in OBSERVATIONS]


def date_problem(born: date, due: date | None, today: date) -> str | None:
    """The guidance's own words when these dates cannot be right, else None."""
    from crawlcoach.guidance import age_from_dates
    from crawlcoach.guidance.errors import GuidanceInputError

    try:
        age_from_dates(born, due, today)
    except GuidanceInputError as exc:
        return str(exc)
    return None
