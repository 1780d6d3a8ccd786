"""Forward and backward travel in each analysed video over time, drawn on the server as SVG.

Server-drawn: no chart library in the browser (plotly's bundle was 1.4 MB), nothing inline for
the Content-Security-Policy to allow, and the page prints as it looks. Each video sits at the
moment it was filmed, so several videos on one day stand side by side, not on one vertical line.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

# Drawing box in SVG user units; the SVG scales to the width of the page.
WIDTH, HEIGHT = 440, 250
LEFT, RIGHT, TOP, BOTTOM = 48, 16, 16, 48  # room below for labels and legend at phone size
MAX_X_TICKS = 4
MIN_LABEL_GAP = 220  # user units between two time labels, enough at a phone's larger font


@dataclass(frozen=True)
class Point:
    at: datetime  # when the video was filmed (or uploaded), in the family's time zone
    forward_s: float
    backward_s: float
    label: str  # the video's name, for the hover title and the table


def svg(points: Sequence[Point]) -> SafeString:
    """The chart as an inline SVG element (empty when fewer than two videos)."""
    if len(points) < 2:
        return mark_safe("")
    points = sorted(points, key=lambda p: p.at)
    start, end = points[0].at, points[-1].at
    span = max((end - start).total_seconds(), 3600.0)
    top = _nice_ceiling(max(max(p.forward_s, p.backward_s) for p in points))
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(at: datetime) -> float:
        return LEFT + plot_w * (at - start).total_seconds() / span

    def y(seconds: float) -> float:
        return TOP + plot_h * (1 - seconds / top)

    parts = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        'aria-labelledby="progress-chart-title" preserveAspectRatio="xMidYMid meet">',
        '<title id="progress-chart-title">Seconds of forward and backward travel in each '
        "video</title>",
    ]
    for value in _y_ticks(top):
        parts.append(
            f'<line class="grid" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(value):.1f}" '
            f'y2="{y(value):.1f}"/>'
            f'<text class="tick" x="{LEFT - 6}" y="{y(value) + 4:.1f}" text-anchor="end">'
            f"{value:g}</text>"
        )
    parts.append(
        f'<text class="axis-label" x="12" y="{TOP + plot_h / 2:.0f}" '
        f'transform="rotate(-90 12 {TOP + plot_h / 2:.0f})" text-anchor="middle">seconds</text>'
    )
    if start.date() == end.date():
        # All on one day: the day and the first video's time at the left, the last one's at the
        # right, so the points' spread reads as hours.
        labels = [(start, "start", f"{start.day} {start:%b}, {start:%H:%M}")]
        if x(end) - x(start) > MIN_LABEL_GAP:  # else the two would overlap
            labels.append((end, "end", f"{end:%H:%M}"))
        for at, anchor, text in labels:
            parts.append(
                f'<text class="tick" x="{x(at):.1f}" y="{HEIGHT - BOTTOM + 18}" '
                f'text-anchor="{anchor}">{text}</text>'
            )
    for day in _x_ticks(start.date(), end.date()) if start.date() != end.date() else ():
        at = datetime.combine(day, datetime.min.time(), tzinfo=start.tzinfo)
        if start <= at <= end or day == start.date():
            tick_x = max(x(at), LEFT)
            parts.append(
                f'<text class="tick" x="{tick_x:.1f}" y="{HEIGHT - BOTTOM + 18}" '
                f'text-anchor="middle">{day.day} {day:%b}</text>'
            )
    for name, attr in (("forward", "forward_s"), ("backward", "backward_s")):
        coords = " ".join(f"{x(p.at):.1f},{y(getattr(p, attr)):.1f}" for p in points)
        parts.append(f'<polyline class="line-{name}" points="{coords}"/>')
        for p in points:
            seconds = getattr(p, attr)
            parts.append(
                f'<circle class="dot-{name}" cx="{x(p.at):.1f}" cy="{y(seconds):.1f}" r="4">'
                f"<title>{escape(p.label)}: {name} {seconds:.1f} s</title></circle>"
            )
    legend_y = HEIGHT - 8
    parts.append(
        f'<line class="line-forward" x1="{LEFT}" x2="{LEFT + 24}" y1="{legend_y - 4}" '
        f'y2="{legend_y - 4}"/><text class="legend" x="{LEFT + 30}" y="{legend_y}">Forward</text>'
        f'<line class="line-backward" x1="{LEFT + 130}" x2="{LEFT + 154}" y1="{legend_y - 4}" '
        f'y2="{legend_y - 4}"/><text class="legend" x="{LEFT + 160}" y="{legend_y}">Backward'
        "</text>"
    )
    parts.append("</svg>")
    return mark_safe("".join(parts))


def _nice_ceiling(value: float) -> float:
    """A round top for the y axis: 5, 10, 20, 30, 60... seconds."""
    for top in (5, 10, 20, 30, 60, 120, 300, 600, 1200):
        if value <= top:
            return float(top)
    return float(value)


def _y_ticks(top: float) -> list[float]:
    return [top * i / 4 for i in range(5)]


def _x_ticks(first: date, last: date) -> list[date]:
    """Day labels, at most ``MAX_X_TICKS``, evenly spaced in whole days."""
    days = (last - first).days
    step = max(1, -(-days // (MAX_X_TICKS - 1))) if days else 1
    return [first + timedelta(days=d) for d in range(0, days + 1, step)]
