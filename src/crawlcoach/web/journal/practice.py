"""Practice and tummy time: the day's goal by age (the guidance's tummy-time minutes, for the
first year), minutes per day and week, and the week drawn on the server as SVG bars."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from math import ceil

from django.db.models import Sum
from django.utils.safestring import SafeString, mark_safe

from crawlcoach.guidance import load_content
from crawlcoach.guidance.content import Source
from crawlcoach.web.children.models import Child
from crawlcoach.web.journal.catalogue import catalogue

WIDTH, HEIGHT = 440, 200
LEFT, RIGHT, TOP, BOTTOM = 36, 12, 14, 30
# A timer left running overnight is not practice: stopping it saves at most this much.
LONGEST_SESSION_MINUTES = 180


@dataclass(frozen=True)
class Goal:
    minutes: int | None  # None: no daily minutes at this age
    text: str
    sources: tuple[Source, ...]


def daily_goal(age_months: float) -> Goal:
    """Tummy-time minutes a day for a baby this old (corrected age), with where they come from."""
    texts = catalogue().texts
    if age_months < catalogue().tummy_time_until_months:
        tummy = load_content().tummy_time
        content = load_content()
        sources = content.resolve(tummy.sources)
        return Goal(
            tummy.minutes_per_day,
            texts["tummy_goal"].format(minutes=tummy.minutes_per_day),
            sources,
        )
    return Goal(None, texts["no_tummy_goal"], catalogue().practice_sources)


def minutes_between(started: datetime, stopped: datetime) -> int:
    """Whole minutes of a timed session, at least 1, at most ``LONGEST_SESSION_MINUTES``."""
    seconds = max(0.0, (stopped - started).total_seconds())
    return max(1, min(LONGEST_SESSION_MINUTES, round(seconds / 60)))


def minutes_by_day(child: Child, first: date, last: date) -> dict[date, int]:
    rows = (
        child.practice.filter(on__gte=first, on__lte=last)
        .values("on")
        .annotate(total=Sum("minutes"))
    )
    totals = {day: 0 for day in _days(first, last)}
    totals.update({row["on"]: int(row["total"]) for row in rows})
    return totals


def week_of(today: date) -> list[date]:
    """The seven days ending today."""
    return [today - timedelta(days=6 - i) for i in range(7)]


def minutes_by_week(child: Child) -> list[tuple[date, int]]:
    """(Monday, minutes) for every week with practice, oldest first: the report's table."""
    weeks: dict[date, int] = {}
    for row in child.practice.values("on").annotate(total=Sum("minutes")):
        monday = row["on"] - timedelta(days=row["on"].weekday())
        weeks[monday] = weeks.get(monday, 0) + int(row["total"])
    return sorted(weeks.items())


def week_svg(totals: dict[date, int], goal: int | None) -> SafeString:
    """Bars for the days in ``totals`` (in order), and the goal as a dashed line."""
    days = sorted(totals)
    top = max([*totals.values(), goal or 0, 10])
    top = 10 * ceil(top / 10)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = plot_w / max(1, len(days))

    def y(minutes: float) -> float:
        return TOP + plot_h * (1 - minutes / top)

    parts = [
        f'<svg class="chart week-chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        'aria-labelledby="week-chart-title" preserveAspectRatio="xMidYMid meet">',
        '<title id="week-chart-title">Minutes of practice each day this week</title>',
    ]
    for value in (0, top // 2, top):
        parts.append(
            f'<line class="grid" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(value):.1f}" '
            f'y2="{y(value):.1f}"/><text class="tick" x="{LEFT - 6}" y="{y(value) + 4:.1f}" '
            f'text-anchor="end">{value}</text>'
        )
    for i, day in enumerate(days):
        minutes = totals[day]
        x = LEFT + i * slot + slot * 0.2
        height = plot_h * minutes / top
        parts.append(
            f'<rect class="bar" x="{x:.1f}" y="{y(minutes):.1f}" width="{slot * 0.6:.1f}" '
            f'height="{height:.1f}"><title>{day:%a %-d %b}: {minutes} min</title></rect>'
            f'<text class="tick" x="{x + slot * 0.3:.1f}" y="{HEIGHT - BOTTOM + 16}" '
            f'text-anchor="middle">{day:%a}</text>'
        )
    if goal:
        parts.append(
            f'<line class="goal" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(goal):.1f}" '
            f'y2="{y(goal):.1f}"/><text class="legend" x="{WIDTH - RIGHT}" y="{y(goal) - 4:.1f}" '
            f'text-anchor="end">goal {goal} min</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))


def _days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=d) for d in range((last - first).days + 1)]
