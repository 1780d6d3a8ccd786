"""This week's play: activities chosen for the baby's situations, fitted to the age."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from itertools import zip_longest

from crawlcoach.guidance.content import Activity, Content

PLAN_CORE = 3  # the best fits, every week
PLAN_ROTATING = 2  # then this many more, taking turns week by week so ideas stay fresh


def choose_plan(
    situations: Sequence[str], months: float, on: date, content: Content
) -> tuple[Activity, ...]:
    """3-5 activities: for each situation in turn, the first fitting ones in file order."""
    queues = [_fitting(content, situation, months) for situation in situations]
    candidates = _dedupe(a for round_ in zip_longest(*queues) for a in round_ if a is not None)
    if len(candidates) < PLAN_CORE:  # very young or old for what was seen: general ideas
        fallback = [
            *_fitting(content, "unknown_movement", months),
            *(a for a in content.activities if a.fits_age(months)),
        ]
        candidates = _dedupe([*candidates, *fallback])
    core, rest = candidates[:PLAN_CORE], candidates[PLAN_CORE:]
    if not rest:
        return tuple(core)
    week = on.toordinal() // 7
    start = (week * PLAN_ROTATING) % len(rest)
    count = min(PLAN_ROTATING, len(rest))
    return (*core, *(rest[(start + i) % len(rest)] for i in range(count)))


def _fitting(content: Content, situation: str, months: float) -> list[Activity]:
    return [a for a in content.activities if situation in a.situations and a.fits_age(months)]


def _dedupe(activities: Iterable[Activity]) -> list[Activity]:
    seen: dict[str, Activity] = {}
    for activity in activities:
        seen.setdefault(activity.id, activity)
    return list(seen.values())
