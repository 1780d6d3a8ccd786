"""The server-drawn progress chart: several videos a day, escaping, and nothing with < 2 videos."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from crawlcoach.web.dashboard.charts.progress import Point, svg


def at(day: int, hour: int) -> datetime:
    return datetime(2026, 11, day, hour, tzinfo=UTC)


def dot_xs(chart: str, kind: str) -> list[float]:
    return [float(x) for x in re.findall(rf'class="dot-{kind}" cx="([\d.]+)"', chart)]


def test_two_videos_on_one_day_stand_side_by_side() -> None:
    chart = svg([Point(at(3, 9), 2.0, 1.0, "morning.mp4"), Point(at(3, 18), 4.0, 0.5, "eve.mp4"),
                 Point(at(10, 9), 6.0, 0.0, "next-week.mp4")])  # fmt: skip
    xs = dot_xs(chart, "forward")
    assert len(xs) == 3 and len(set(xs)) == 3 and xs == sorted(xs)
    assert xs[1] - xs[0] > 15  # nine hours apart is visibly apart on a week's axis
    # day labels, never clock times with fractions of a second
    assert "3 Nov" in chart and "6 Nov" in chart and ":59" not in chart


def test_one_video_draws_no_chart() -> None:
    assert svg([Point(at(3, 9), 2.0, 1.0, "a.mp4")]) == ""


def test_points_come_in_any_order_and_names_are_escaped() -> None:
    chart = svg([Point(at(5, 9), 1.0, 1.0, "<b>late</b>.mp4"), Point(at(1, 9), 1.0, 1.0, "a.mp4")])
    assert "<b>" not in chart and "&lt;b&gt;late&lt;/b&gt;.mp4" in chart
    assert dot_xs(chart, "backward") == sorted(dot_xs(chart, "backward"))


def test_the_axis_tops_out_at_a_round_number_above_the_longest_travel() -> None:
    chart = svg(
        [Point(at(1, 9), 13.0, 0.0, "a"), Point(at(1, 9) + timedelta(days=1), 0.0, 2.0, "b")]
    )
    ticks = re.findall(r'class="tick" x="42" y="[\d.]+" text-anchor="end">([\d.]+)<', chart)
    assert ticks[-1] == "20" and ticks[0] == "0"


def test_videos_all_on_one_day_are_labelled_by_their_hours() -> None:
    chart = svg([Point(at(3, 9), 2.0, 1.0, "morning.mp4"), Point(at(3, 18), 4.0, 0.5, "eve.mp4")])
    labels = re.findall(r'class="tick" x="[\d.]+" y="[\d.]+" text-anchor="(\w+)">([^<]+)<', chart)
    assert ("start", "3 Nov, 09:00") in labels and ("end", "18:00") in labels
    xs = dot_xs(chart, "forward")
    assert xs[1] - xs[0] > 300  # the day's hours fill the width


def test_two_videos_minutes_apart_get_one_label() -> None:
    chart = svg([Point(at(3, 9), 2.0, 1.0, "a.mp4"), Point(at(3, 9) + timedelta(minutes=5), 3.0,
                                                              1.0, "b.mp4")])  # fmt: skip
    labels = re.findall(r'class="tick" x="[\d.]+" y="[\d.]+" text-anchor="\w+">([^<]+)<', chart)
    assert "3 Nov, 09:00" in labels and "09:05" not in labels
