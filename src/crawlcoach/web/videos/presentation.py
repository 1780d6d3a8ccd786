"""Turn an analysis into what the result page shows: timeline, cards, confidence.

The stored result is read once, with ``Analysis.from_dict``; the words come from the word list
(``crawlcoach.words``).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from crawlcoach import notes, words
from crawlcoach.contract import Analysis, ContractError, Locomotion, Quality, certainty
from crawlcoach.vocabulary import (
    BOUT_DIRECTIONS,
    LIMBS,
    TRAVEL_DIRECTIONS,
    Certainty,
    Direction,
    NoteCode,
)
from crawlcoach.web import notices

log = logging.getLogger(__name__)

# Shown in place of a stored result that is not a readable analysis (never a server error).
UNREADABLE = "We could not read the stored analysis of this video. Upload the video again."


@dataclass(frozen=True)
class TimelineSegment:
    left_pct: float
    width_pct: float
    direction: str
    label: str
    start_s: float
    end_s: float
    confidence: float


@dataclass(frozen=True)
class Card:
    title: str
    value: str
    detail: str = ""
    tone: str = ""  # "", "good" or "attention": a border colour, never the only signal


def read_result(result: Analysis | Mapping[str, Any]) -> Analysis:
    """The analysis of a stored result; one that cannot be read shows as a failed analysis."""
    if isinstance(result, Analysis):
        return result
    try:
        return Analysis.from_dict(result)
    except ContractError as exc:
        log.warning("a stored result is not a readable analysis: %s", exc)
        video = result.get("video") if isinstance(result, Mapping) else None
        path = video.get("path") if isinstance(video, Mapping) else None
        return Analysis.failed(path if isinstance(path, str) else "", exc.kind, UNREADABLE, 0)


def timeline(analysis: Analysis) -> list[TimelineSegment]:
    duration = analysis.video.duration_s
    bouts = analysis.locomotion.bouts
    if duration <= 0:
        duration = max((b.end_s for b in bouts), default=0.0)
    if duration <= 0:
        return []
    segments = []
    for bout in bouts:
        start = max(0.0, bout.start_s)
        end = min(duration, bout.end_s)
        if end <= start:
            continue
        label = words.label(bout.direction)
        segments.append(
            TimelineSegment(
                left_pct=round(100 * start / duration, 2),
                width_pct=round(max(0.6, 100 * (end - start) / duration), 2),
                direction=bout.direction.value,
                label=f"{label}, {words.label(bout.style).lower()}",
                start_s=round(start, 1),
                end_s=round(end, 1),
                confidence=round(bout.confidence, 2),
            )
        )
    return segments


def movement_cards(analysis: Analysis) -> list[Card]:
    locomotion = analysis.locomotion
    seconds = locomotion.seconds
    return [
        Card("Forward", f"{seconds.forward:.0f} s", "travelling the way the head points",
             "good" if seconds.forward > 0 else ""),
        Card("Backward", f"{seconds.backward:.0f} s", "travelling away from where the head points"),
        Card("Mostly", words.label(locomotion.dominant_direction),
             f"turning {seconds.pivoting:.0f} s, still {seconds.stationary:.0f} s"),
        Card("Style", words.label(locomotion.dominant_style)),
    ]  # fmt: skip


def limb_cards(analysis: Analysis) -> list[Card]:
    cards = []
    for limb in LIMBS:
        used = analysis.limbs.of(limb).used
        cards.append(
            Card(words.limb(limb), words.limb_use(used), tone="attention" if used is False else "")
        )
    return cards


def balance_cards(analysis: Analysis) -> list[Card]:
    limbs = analysis.limbs
    index = limbs.symmetry_index
    # Plain words, no index: a number beside "even" read as a contradiction (0.58 "Even") when the
    # flag, not the index, decides; the index stays in the JSON and the terminal summary.
    balance = words.side_balance(index, limbs.asymmetry_flag)
    tone = {"even": "good", "uneven": "attention"}.get(balance, "")
    sides = words.sides(balance)
    symmetry = Card("Left and right", sides["label"], sides["detail"], tone)
    coordination = Card("Coordination", words.label(analysis.coordination.pattern))
    return [symmetry, coordination]


def confidence(analysis: Analysis, first_part_said: bool = False) -> dict[str, Any]:
    """How far to trust this analysis, in words, with what limited it: how much of the video
    showed the baby, and how sure the reported direction is. ``first_part_said``: the page
    already says above the result that only the first part was analysed, so the list leaves
    that note out rather than say it twice."""
    quality = analysis.quality
    coverage = quality.pose_coverage
    direction = analysis.locomotion.dominant_direction
    sure = _direction_confidence(analysis.locomotion)
    level = certainty(sure) if sure is not None and direction != Direction.UNKNOWN else None
    if not quality.usable or coverage < 0.5 or level == Certainty.LOW:
        overall = Certainty.LOW
    elif coverage < 0.8 or level == Certainty.MEDIUM:
        overall = Certainty.MEDIUM
    else:
        overall = Certainty.HIGH
    return {
        "level": words.certainty(overall),
        "coverage_pct": round(100 * coverage),
        "direction": _certainty_words(direction, level),
        "usable": quality.usable,
        "problems": _problems(quality, first_part_said),
    }


def _problems(quality: Quality, first_part_said: bool) -> list[str]:
    problems = notes.for_parent(quality)
    if not first_part_said:
        return list(problems)
    said = {
        text
        for n in quality.notes or ()
        if n.code == NoteCode.FIRST_PART_ONLY.value
        for text in (n.text, notes.sentence(n))
    }
    return [problem for problem in problems if problem not in said]


def _direction_confidence(locomotion: Locomotion) -> float | None:
    """The analysis's own figure; analyses stored before it existed get their bouts' mean."""
    if locomotion.direction_confidence is not None:
        return locomotion.direction_confidence
    bouts = locomotion.bouts
    return sum(b.confidence for b in bouts) / len(bouts) if bouts else None


def _certainty_words(direction: Direction, level: Certainty | None) -> str:
    if level is None:
        return ""
    if direction == Direction.STATIONARY:
        return words.certainty_sentence(level, "stillness")
    if direction == Direction.MIXED:
        return words.certainty_sentence(level, "mixed")
    if direction in TRAVEL_DIRECTIONS:
        return words.certainty_sentence(level, "direction")
    return ""


def first_part_note(result: Analysis | Mapping[str, Any], analysis: Analysis) -> str:
    """Said above the result when only the first part of a long video was analysed: the worker
    adds ``video.full_duration_s`` to the stored result (no contract field, so read here)."""
    video = result.get("video") if isinstance(result, Mapping) else None
    full = video.get("full_duration_s") if isinstance(video, Mapping) else None
    if not isinstance(full, int | float) or isinstance(full, bool) or not full > 0:
        return ""
    return notices.FIRST_PART_NOTE.format(
        minutes=words.spoken_length(analysis.video.duration_s), total=words.spoken_length(full)
    )


def result_context(result: Analysis | Mapping[str, Any]) -> dict[str, Any]:
    analysis = read_result(result)
    first_part = first_part_note(result, analysis)
    return {
        "first_part_note": first_part,
        "timeline": timeline(analysis),
        "duration_s": analysis.video.duration_s,
        "movement_cards": movement_cards(analysis),
        "limb_cards": limb_cards(analysis),
        "balance_cards": balance_cards(analysis),
        "confidence": confidence(analysis, first_part_said=bool(first_part)),
        "legend": [(d.value, words.label(d)) for d in BOUT_DIRECTIONS],
    }
