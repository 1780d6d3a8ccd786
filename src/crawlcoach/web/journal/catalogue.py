"""The milestones a parent can log, each with the norm it is judged against, and how "not yet"
reads for a baby of a given (corrected) age. Ages come from the guidance content (WHO windows,
CDC/AAP items), never from this app's data file."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from crawlcoach.guidance import load_content
from crawlcoach.guidance.content import Source

DATA_FILE = Path(__file__).resolve().parent / "data" / "milestones.toml"


@dataclass(frozen=True)
class Norm:
    """When most babies do it: a WHO window (low..high) or a CDC/AAP age (high only)."""

    kind: str  # "window" or "cdc"
    low_months: float | None
    high_months: float


@dataclass(frozen=True)
class Milestone:
    id: str
    name: str
    norm: Norm | None
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class Catalogue:
    milestones: tuple[Milestone, ...]
    texts: dict[str, str]
    tummy_time_until_months: float
    practice_sources: tuple[Source, ...]
    never_crawled_percent: float

    def get(self, milestone_id: str) -> Milestone | None:
        return next((m for m in self.milestones if m.id == milestone_id), None)


@lru_cache(maxsize=1)
def catalogue() -> Catalogue:
    content = load_content()
    data: dict[str, Any] = tomllib.loads(DATA_FILE.read_text(encoding="utf-8"))
    milestones = []
    for entry in data["milestone"]:
        norm, source_ids = None, tuple(entry.get("sources", ()))
        if "window" in entry:
            window = content.windows[entry["window"]]
            norm = Norm("window", window.p1_months, window.p99_months)
            source_ids = window.sources
        elif "cdc_item" in entry:
            item = content.cdc_item(entry["cdc_item"])
            norm = Norm("cdc", None, item.months)
            source_ids = item.sources
        milestones.append(
            Milestone(entry["id"], entry["name"], norm, content.resolve(tuple(source_ids)))
        )
    practice = data["practice"]
    return Catalogue(
        milestones=tuple(milestones),
        texts=dict(data["texts"]),
        tummy_time_until_months=float(practice["tummy_time_until_months"]),
        practice_sources=content.resolve(tuple(practice["sources"])),
        never_crawled_percent=content.never_crawled_percent,
    )


def months_text(months: float) -> str:
    """An age to the nearest half month, as people say it: "5", "13½"."""
    halves = round(months * 2)
    return f"{halves // 2}" + ("½" if halves % 2 else "")


def not_yet_text(milestone: Milestone, age_months: float) -> str:
    """How a milestone not yet seen reads against the baby's (corrected) age."""
    texts = catalogue().texts
    norm = milestone.norm
    if norm is None:
        return texts["no_norm"]
    high = months_text(norm.high_months)
    if norm.kind == "cdc":
        key = "cdc_ahead" if age_months < norm.high_months else "cdc_past"
        return texts[key].format(months=high)
    assert norm.low_months is not None
    if age_months < norm.low_months:
        key = "window_ahead"
    elif age_months <= norm.high_months:
        key = "window_inside"
    else:
        key = "window_past"
    text = texts[key].format(low=months_text(norm.low_months), high=high)
    if milestone.id == "hands_and_knees_crawling" and key == "window_past":
        text += " " + texts["crawling_note"].format(
            percent=f"{catalogue().never_crawled_percent:g}"
        )
    return text


def window_text(milestone: Milestone) -> str:
    """The norm in a few words, for the report's table: "WHO window 5 to 13½ months"."""
    norm = milestone.norm
    if norm is None:
        return ""
    if norm.kind == "cdc":
        return f"most by {months_text(norm.high_months)} months (CDC/AAP)"
    assert norm.low_months is not None
    return f"{months_text(norm.low_months)} to {months_text(norm.high_months)} months (WHO)"
