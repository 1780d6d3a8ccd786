"""Which reasons apply to a baby, and so the verdict: the judgement, in one place.

Each rule picks reason ids; their words, weight (level) and sources live in the data files.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from crawlcoach.guidance.content import Content, Source
from crawlcoach.guidance.evidence import ONE_SIDE_REPORTS, Evidence
from crawlcoach.guidance.findings import VideoFindings
from crawlcoach.guidance.vocabulary import LEVELS, MOVEMENT_OBSERVATIONS, PLACEHOLDERS, Level

# Asymmetry seen in videos at least this far apart counts as persisting ("weeks apart").
PERSISTING_AFTER_DAYS = 14
OTHER_STYLES = ("bear", "bottom_scoot", "crab", "rolling")

Add = Callable[..., None]


@dataclass(frozen=True)
class Reason:
    id: str
    level: Level
    text: str
    sources: tuple[Source, ...]

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "level": self.level,
            "text": self.text,
            "sources": [s.as_dict() for s in self.sources],
        }


def collect_reasons(evidence: Evidence, content: Content) -> tuple[Reason, ...]:
    """The reasons that apply, weightiest first (in the order found within a level)."""
    picked: list[tuple[str, dict[str, Any]]] = []

    def add(reason_id: str, **values: Any) -> None:
        if reason_id not in (p[0] for p in picked):
            picked.append((reason_id, values))

    if evidence.age.corrected_age_months is not None:
        add("preterm_corrected", weeks=round(evidence.age.weeks_early))
    if evidence.reported("lost_skills"):
        add("lost_skills")
    if evidence.reported("stiff", "floppy"):
        add("stiff_or_floppy")
    _one_side(evidence, add)
    _floor_movement(evidence, content, add)
    _sitting(evidence, content, add)
    weight_flag = content.red_flags["not_bearing_weight"]
    if evidence.reported("not_bearing_weight") and evidence.months >= (weight_flag.by_months or 0):
        add("not_bearing_weight")
    worried_about_moving = any(p[0] == "no_floor_movement" for p in picked)
    _how_baby_moves(evidence, content, add, reassure_about_window=not worried_about_moving)

    reasons = [_render(reason_id, values, evidence, content) for reason_id, values in picked]
    return tuple(sorted(reasons, key=lambda r: -LEVELS.index(r.level)))


def verdict_of(reasons: tuple[Reason, ...]) -> Level:
    return max((r.level for r in reasons), key=LEVELS.index, default="typical")


def _one_side(evidence: Evidence, add: Add) -> None:
    latest = evidence.latest
    reported = bool(evidence.observations & ONE_SIDE_REPORTS)
    if latest is not None and latest.asymmetric:
        days_apart = _persisting_days(evidence.usable, latest)
        if days_apart is not None:
            add("one_side_persistent", days_apart=days_apart)
        elif reported:
            add("one_side_confirmed")
        else:
            side = latest.side_less_used
            add("asymmetry_seen", side="one side" if side is None else f"the {side} side")
    elif reported:
        add("one_side_reported")
    elif (
        latest is not None
        and latest.asymmetric is False
        and latest.limbs_used is not None
        and all(latest.limbs_used.values())
    ):
        add("both_sides_used")


def _persisting_days(videos: tuple[VideoFindings, ...], latest: VideoFindings) -> int | None:
    """Days back to the earliest video showing the same one-sidedness, if weeks before."""
    if latest.recorded_on is None:
        return None
    side = latest.side_less_used
    spans = [
        (latest.recorded_on - v.recorded_on).days
        for v in videos
        if v is not latest
        and v.asymmetric
        and v.recorded_on is not None
        and (side is None or v.side_less_used is None or v.side_less_used == side)
    ]
    longest = max(spans, default=0)
    return longest if longest >= PERSISTING_AFTER_DAYS else None


def _floor_movement(evidence: Evidence, content: Content, add: Add) -> None:
    flag = content.red_flags["no_floor_movement"]
    if evidence.months < (flag.by_months or 0) or evidence.reports_travel:
        return
    if evidence.reported("not_moving"):
        add("no_floor_movement", age=_months(evidence.months))
        return
    latest = evidence.latest
    if latest is None or latest.travels is not False:
        return
    usable = evidence.usable
    dated = [v.recorded_on for v in usable if v.recorded_on is not None]
    never_travels = all(v.travels is False for v in usable)
    if (
        never_travels
        and len(dated) >= 2
        and (max(dated) - min(dated)).days >= PERSISTING_AFTER_DAYS
    ):
        add("no_floor_movement", age=_months(evidence.months))
    else:
        add("still_in_video_after_12")


def _sitting(evidence: Evidence, content: Content, add: Add) -> None:
    if not evidence.reported("not_sitting"):
        return
    window = content.windows["sitting_without_support"]
    cdc = content.cdc_item("sits_without_support")
    values = {
        "window_start": f"{window.p1_months:g}",
        "window_end": f"{window.p99_months:g}",
        "months": f"{cdc.months:g}",
    }
    if evidence.months > window.p99_months:
        add("not_sitting_after_window", **values)
    elif evidence.months >= cdc.months:
        add("not_sitting_yet", **values)
    else:
        add("sitting_within_window", **values)


def _how_baby_moves(
    evidence: Evidence, content: Content, add: Add, *, reassure_about_window: bool
) -> None:
    """The reassuring facts about what the baby does, and where the age sits in the windows.

    The crawling window is left out when the baby does not move at all: next to that red flag,
    "not crawling yet is within the range" would read as a contradiction.
    """
    latest = evidence.latest
    direction = latest.direction if latest else "unknown"
    # A forward or backward reading the analysis was unsure of is not stated as a fact.
    unsure = (
        latest is not None
        and direction in ("forward", "backward")
        and (latest.direction_sure == "low")
    )
    if unsure:
        direction = "unknown"
    style = latest.style if latest else "unknown"
    hands_and_knees = (latest is not None and latest.on_hands_and_knees) or evidence.reported(
        "on_hands_and_knees"
    )
    walking = style == "walking" or evidence.reported("walks")
    backward = direction in ("backward", "mixed") or evidence.reported("moves_backward")

    if walking:
        add("walking_fine")
    if backward:
        add("backward_is_common")
        if hands_and_knees:
            add("backward_meets_who")
    elif hands_and_knees:
        forward_known = not unsure or evidence.reported("moves_forward")
        add("forward_hands_knees" if forward_known else "hands_knees_either_way")
    if style == "belly" or evidence.reported("belly_crawls"):
        add("belly_crawling_common")
    if style in OTHER_STYLES or evidence.reported("bottom_scoots", "rolls_to_move"):
        add("other_style_fine")
    if direction == "pivoting" or evidence.reported("pivots"):
        add("pivoting_early_step")

    crawled = hands_and_knees or any(v.on_hands_and_knees for v in evidence.usable)
    travels = evidence.reports_travel or any(v.travels is True for v in evidence.usable)
    # What the baby does is known from a usable video or a report of how it moves (or that it
    # does not); without either we say where the age sits, never "not crawling yet".
    known = bool(evidence.usable) or evidence.reported("not_moving", *MOVEMENT_OBSERVATIONS)
    window = content.windows["hands_and_knees_crawling"]
    if not crawled and not walking and reassure_about_window:
        if evidence.months < window.p1_months:
            add("before_crawling_window")
        elif evidence.months > window.p99_months:
            add("some_never_crawl")
        elif travels:
            add("hands_knees_may_follow")
        elif known:
            add("not_crawling_within_window")
        else:
            add("crawling_window_now")

    mobile = (
        walking
        or evidence.reports_travel
        or (latest is not None and latest.travels is True and style != "rolling")
    )
    if not mobile and evidence.months < 12:
        add("tummy_time")


def _months(months: float) -> str:
    return f"{months:.1f}"


def _render(reason_id: str, values: dict[str, Any], evidence: Evidence, content: Content) -> Reason:
    template = content.reasons[reason_id]
    window = content.windows["hands_and_knees_crawling"]
    fill = dict.fromkeys(PLACEHOLDERS, "")
    fill.update(
        age=_months(evidence.months),
        months=_months(evidence.months),
        window_start=f"{window.p1_months:g}",
        window_end=f"{window.p99_months:g}",
        never_crawled_percent=f"{content.never_crawled_percent:g}",
        tummy_minutes=str(content.tummy_time.minutes_per_day),
        side="one side",
    )
    fill.update({k: str(v) for k, v in values.items()})
    return Reason(
        id=template.id,
        level=template.level,
        text=template.text.format_map(fill),
        sources=content.resolve(template.sources),
    )
