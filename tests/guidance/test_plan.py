"""The weekly plan: chosen for what the videos show, fitted to the age, every idea reachable."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest

from crawlcoach.guidance import SITUATIONS, assess, load_content
from crawlcoach.guidance.plan import choose_plan

BORN = date(2024, 1, 1)
MONDAY = date(2024, 10, 7)
AGES = [m / 2 for m in range(0, 145)]  # 0 to 72 months in half months
MakeAnalysis = Callable[..., dict[str, Any]]


@pytest.mark.parametrize("situation", SITUATIONS)
def test_every_situation_gets_three_to_five_activities_that_fit_the_age(situation: str) -> None:
    content = load_content()
    for months in AGES:
        for situations in ((situation,), ("one_side_less", situation)):
            plan = choose_plan(situations, months, MONDAY, content)
            assert 3 <= len(plan) <= 5, (situations, months)
            assert len({a.id for a in plan}) == len(plan)
            assert all(a.fits_age(months) for a in plan), (situations, months)


def test_every_activity_is_reachable() -> None:
    content = load_content()
    reached: set[str] = set()
    for situation in SITUATIONS:
        for months in AGES[::4]:
            for week in range(8):
                on = MONDAY + timedelta(weeks=week)
                reached |= {a.id for a in choose_plan((situation,), months, on, content)}
    assert reached == {a.id for a in content.activities}


def test_the_core_stays_and_the_rest_rotates_week_by_week() -> None:
    content = load_content()
    plans = [
        choose_plan(("backward_only",), 9, MONDAY + timedelta(weeks=w), content) for w in range(4)
    ]
    assert len({tuple(a.id for a in p[:3]) for p in plans}) == 1
    assert len({tuple(a.id for a in p[3:]) for p in plans}) > 1
    same_week = choose_plan(("backward_only",), 9, MONDAY + timedelta(days=3), content)
    assert [a.id for a in same_week] == [a.id for a in plans[0]]


@pytest.mark.parametrize(
    ("direction", "style", "first"),
    [
        ("backward", "hands_and_knees", "hand_behind_to_push_off"),
        ("forward", "belly", "hand_behind_to_push_off"),
        ("pivoting", "belly", "toy_just_out_of_reach"),
        ("stationary", "none", "toy_just_out_of_reach"),
        ("forward", "hands_and_knees", "toy_just_out_of_reach"),
    ],
)
def test_the_plan_follows_the_video_not_only_the_age(
    make_analysis: MakeAnalysis, direction: str, style: str, first: str
) -> None:
    today = MONDAY
    result = assess(BORN, today=today, analyses=[make_analysis(direction, style)])
    assert result.plan[0].id == first


def test_backward_and_forward_crawlers_of_one_age_get_different_plans(
    make_analysis: MakeAnalysis,
) -> None:
    backward = assess(BORN, today=MONDAY, analyses=[make_analysis("backward")])
    forward = assess(BORN, today=MONDAY, analyses=[make_analysis("forward")])
    assert backward.situations == ("backward_only",)
    assert forward.situations == ("forward_crawling",)
    assert {a.id for a in backward.plan} != {a.id for a in forward.plan}
    assert "hand_behind_to_push_off" in {a.id for a in backward.plan}
    assert "hand_behind_to_push_off" not in {a.id for a in forward.plan}


def test_one_side_doing_less_puts_both_sides_play_first(make_analysis: MakeAnalysis) -> None:
    result = assess(BORN, today=MONDAY, analyses=[make_analysis("backward", unused=("left_arm",))])
    assert result.situations == ("one_side_less", "backward_only")
    assert result.plan[0].id == "reach_both_sides"
    assert "hand_behind_to_push_off" in {a.id for a in result.plan}


@pytest.mark.parametrize(
    ("observations", "situations"),
    [
        ([], ("unknown_movement",)),
        (["moves_backward"], ("backward_only",)),
        (["moves_backward", "moves_forward"], ("mixed_direction",)),
        (["not_moving"], ("not_yet_moving",)),
        (["not_moving", "pivots"], ("pivoting_only",)),
        (["belly_crawls", "moves_backward"], ("backward_only", "belly_only")),
        (["reaches_with_one_hand"], ("one_side_less", "unknown_movement")),
        (["walks"], ("walking",)),
    ],
)
def test_situations_from_what_the_parent_reports(
    observations: list[str], situations: tuple[str, ...]
) -> None:
    assert assess(BORN, today=MONDAY, observations=observations).situations == situations


def test_video_and_reports_combine(make_analysis: MakeAnalysis) -> None:
    result = assess(
        BORN, today=MONDAY, analyses=[make_analysis("forward")], observations=["moves_backward"]
    )
    assert result.situations == ("mixed_direction",)
    still = assess(BORN, today=MONDAY, analyses=[make_analysis("stationary", "belly")])
    assert still.situations == ("not_yet_moving",)
