"""The assessment: age + analyses over time + what the parent reports -> verdict, reasons, plan."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from crawlcoach.contract import Analysis
from crawlcoach.guidance.age import Age, age_from_dates
from crawlcoach.guidance.content import Activity, Content, Source
from crawlcoach.guidance.errors import GuidanceInputError
from crawlcoach.guidance.evidence import Evidence
from crawlcoach.guidance.explanation import explain, watch_for
from crawlcoach.guidance.findings import VideoFindings, read_analysis
from crawlcoach.guidance.loading import load_content
from crawlcoach.guidance.plan import choose_plan
from crawlcoach.guidance.rules import Reason, collect_reasons, verdict_of
from crawlcoach.guidance.situations import situations_for
from crawlcoach.guidance.vocabulary import OBSERVATIONS, Level

# When to film again, in days: soon when nothing could be seen; in two weeks when a change is
# worth checking (does a one-sidedness persist?) or a skill is being learned; monthly otherwise.
FILM_AGAIN_NO_VIDEO = 7
FILM_AGAIN_UNUSABLE = 3
FILM_AGAIN_SOON = 14
FILM_AGAIN_LATER = 28
SETTLED = frozenset({"forward_crawling", "walking"})


@dataclass(frozen=True)
class Assessment:
    age: Age
    verdict: Level
    verdict_text: str
    reasons: tuple[Reason, ...]  # weightiest first
    explanation: str
    situations: tuple[str, ...]  # what the plan was chosen for
    situations_text: tuple[str, ...]  # the same in plain words
    plan: tuple[Activity, ...]
    watch_for: tuple[str, ...]
    film_again_in_days: int
    film_again: str  # when to film again, with tips for a clear video
    disclaimer: str
    observations: tuple[str, ...]
    videos_given: int
    videos_used: int
    sources: tuple[Source, ...]  # every source the reasons and the plan cite, once each

    def sources_of(self, activity: Activity) -> tuple[Source, ...]:
        by_id = {s.id: s for s in self.sources}
        return tuple(by_id[s] for s in activity.sources)

    def as_contract(self) -> dict[str, Any]:
        """The ``assessment`` object of the ``crawlcoach analyze`` contract, plus details."""
        corrected = self.age.corrected_age_months
        return {
            "age_months": round(self.age.age_months, 2),
            "corrected_age_months": None if corrected is None else round(corrected, 2),
            "verdict": self.verdict,
            "reasons": [r.text for r in self.reasons],
            "activities": [a.id for a in self.plan],
            "verdict_text": self.verdict_text,
            "reason_details": [r.as_dict() for r in self.reasons],
            "explanation": self.explanation,
            "situations": list(self.situations),
            "situations_text": list(self.situations_text),
            "plan": [self._activity_dict(a) for a in self.plan],
            "watch_for": list(self.watch_for),
            "film_again_in_days": self.film_again_in_days,
            "film_again": self.film_again,
            "observations": list(self.observations),
            "videos": {"given": self.videos_given, "used": self.videos_used},
            "disclaimer": self.disclaimer,
        }

    def _activity_dict(self, activity: Activity) -> dict[str, Any]:
        return {
            "id": activity.id,
            "title": activity.title,
            "why": activity.why,
            "steps": list(activity.steps),
            "safety": list(activity.safety),
            "min_months": activity.min_months,
            "max_months": activity.max_months,
            "situations": list(activity.situations),
            "sources": [s.as_dict() for s in self.sources_of(activity)],
        }


def assess(
    born: date | str,
    *,
    due: date | str | None = None,
    today: date | str | None = None,
    analyses: Iterable[Analysis | Mapping[str, Any]] = (),
    observations: Iterable[str] = (),
    content: Content | None = None,
) -> Assessment:
    """Judge how a baby moves against the norms for its age, and plan this week's play.

    ``analyses`` are ``crawlcoach analyze`` results (``contract.Analysis`` records, or their JSON
    objects), oldest first unless each carries a ``recorded_on`` date (YYYY-MM-DD), which lets
    persistence over weeks be judged.
    ``observations`` are words from :data:`OBSERVATIONS` for what the parent has noticed.
    """
    content = load_content() if content is None else content
    age = age_from_dates(born, due, today)
    evidence = Evidence(
        age=age,
        videos=_videos(analyses, age),
        observations=frozenset(parse_observations(observations)),
    )
    reasons = collect_reasons(evidence, content)
    verdict = verdict_of(reasons)
    situations = situations_for(evidence)
    plan = choose_plan(situations, evidence.months, age.on, content)
    days = _film_again_in_days(evidence, verdict, situations)
    film_again = f"{content.texts.film_again.format(days=days)} {content.texts.film_tips}"
    cited = [s for r in reasons for s in r.sources]
    cited += [s for a in plan for s in content.resolve(a.sources)]
    return Assessment(
        age=age,
        verdict=verdict,
        verdict_text=content.texts.verdicts[verdict],
        reasons=reasons,
        explanation=explain(evidence, content),
        situations=situations,
        situations_text=tuple(content.texts.situations[s] for s in situations),
        plan=plan,
        watch_for=watch_for(evidence, situations, content),
        film_again_in_days=days,
        film_again=film_again,
        disclaimer=content.texts.disclaimer,
        observations=tuple(o for o in OBSERVATIONS if o in evidence.observations),
        videos_given=len(evidence.videos),
        videos_used=len(evidence.usable),
        sources=tuple({s.id: s for s in cited}.values()),
    )


def parse_observations(observations: Iterable[str]) -> list[str]:
    """Observation words, checked against the vocabulary (``one-side-less`` is accepted too)."""
    if isinstance(observations, str):
        observations = [observations]
    words = []
    for raw in observations:
        word = str(raw).strip().lower().replace("-", "_").replace(" ", "_")
        if word not in OBSERVATIONS:
            raise GuidanceInputError(
                f"'{raw}' is not an observation crawlcoach knows. Use one or more of: "
                f"{', '.join(OBSERVATIONS)}."
            )
        words.append(word)
    return words


def _videos(
    analyses: Iterable[Analysis | Mapping[str, Any]], age: Age
) -> tuple[VideoFindings, ...]:
    if isinstance(analyses, Mapping | Analysis):
        analyses = [analyses]  # one analysis passed on its own
    videos = [read_analysis(a, position) for position, a in enumerate(analyses, start=1)]
    for video in videos:
        if video.recorded_on is None:
            continue
        if video.recorded_on < age.born or video.recorded_on > age.on:
            raise GuidanceInputError(
                f"The recorded_on date {video.recorded_on.isoformat()} of {video.label} lies "
                f"outside the baby's life so far ({age.born.isoformat()} to {age.on.isoformat()})."
            )
    if all(v.recorded_on is not None for v in videos):
        videos.sort(key=lambda v: v.recorded_on)  # type: ignore[arg-type,return-value]
    return tuple(videos)


def _film_again_in_days(evidence: Evidence, verdict: Level, situations: tuple[str, ...]) -> int:
    if not evidence.videos:
        return FILM_AGAIN_NO_VIDEO
    if not evidence.usable:
        return FILM_AGAIN_UNUSABLE
    if verdict != "typical" or not set(situations) <= SETTLED:
        return FILM_AGAIN_SOON
    return FILM_AGAIN_LATER
