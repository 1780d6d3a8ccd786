"""The guidance content as typed, frozen records: sources, norms, red flags, activities, texts.

Loaded from the TOML files in ``data/`` by :func:`crawlcoach.guidance.loading.load_content`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from crawlcoach.guidance.vocabulary import Level


@dataclass(frozen=True)
class Source:
    id: str
    citation: str  # full reference
    short: str  # how the source is named inline, e.g. "WHO 2006"
    url: str | None
    secondary: bool  # the primary text was not at hand: never the only support of a hard rule

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "short": self.short,
            "citation": self.citation,
            "url": self.url,
            "secondary": self.secondary,
        }


@dataclass(frozen=True)
class Window:
    """A WHO window of achievement: 1st to 99th percentile ages, in months."""

    id: str
    milestone: str
    p1_months: float
    p99_months: float
    sources: tuple[str, ...]


@dataclass(frozen=True)
class CdcItem:
    """A movement item of the CDC/AAP 2022 checklists: most children (75%) do it by ``months``."""

    id: str
    months: float
    text: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class TummyTime:
    minutes_per_day: int
    max_restrained_minutes: int
    sources: tuple[str, ...]


@dataclass(frozen=True)
class ReasonTemplate:
    """A reason the assessment may give: its weight, its words and what it stands on."""

    id: str
    level: Level
    text: str
    sources: tuple[str, ...]
    by_months: float | None = None  # for red flags tied to an age ("by about 12 months")
    watch_for: str | None = None  # for red flags: the line in "what to watch for"


@dataclass(frozen=True)
class Activity:
    id: str
    title: str
    why: str
    steps: tuple[str, ...]
    min_months: float
    max_months: float
    situations: tuple[str, ...]
    safety: tuple[str, ...]
    sources: tuple[str, ...]

    def fits_age(self, months: float) -> bool:
        return self.min_months <= months <= self.max_months


@dataclass(frozen=True)
class Texts:
    disclaimer: str
    film_tips: str
    film_again: str
    verdicts: Mapping[str, str]
    situations: Mapping[str, str]
    observations: Mapping[str, str]
    explanation: Mapping[str, str]
    watch_for: Mapping[str, tuple[str, ...]]  # "always" and situation names
    coming_up: str


@dataclass(frozen=True)
class Content:
    sources: Mapping[str, Source]
    windows: Mapping[str, Window]
    never_crawled_percent: float
    crawling_sources: tuple[str, ...]
    cdc_items: tuple[CdcItem, ...]  # sorted by age
    tummy_time: TummyTime
    red_flags: Mapping[str, ReasonTemplate]
    reasons: Mapping[str, ReasonTemplate]  # every reason, red flags included
    activities: tuple[Activity, ...]  # in file order, which is the order of preference
    texts: Texts

    def activity(self, activity_id: str) -> Activity:
        return next(a for a in self.activities if a.id == activity_id)

    def cdc_item(self, item_id: str) -> CdcItem:
        return next(i for i in self.cdc_items if i.id == item_id)

    def resolve(self, source_ids: tuple[str, ...]) -> tuple[Source, ...]:
        return tuple(self.sources[s] for s in source_ids)
