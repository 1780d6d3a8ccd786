"""Turn an analysis contract into what the result page shows: timeline, cards, confidence."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from crawlcoach.contract import certainty
from crawlcoach.web import words


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


def timeline(result: dict[str, Any]) -> list[TimelineSegment]:
    duration = float(result.get("video", {}).get("duration_s") or 0.0)
    bouts = result.get("locomotion", {}).get("bouts") or []
    if duration <= 0:
        duration = max((float(b.get("end_s", 0.0)) for b in bouts), default=0.0)
    if duration <= 0:
        return []
    segments = []
    for bout in bouts:
        start = max(0.0, float(bout.get("start_s", 0.0)))
        end = min(duration, float(bout.get("end_s", start)))
        if end <= start:
            continue
        direction = str(bout.get("direction", "unknown"))
        style = words.STYLES.get(str(bout.get("style", "unknown")), "")
        label = words.DIRECTIONS.get(direction, words.humanise(direction))
        segments.append(
            TimelineSegment(
                left_pct=round(100 * start / duration, 2),
                width_pct=round(max(0.6, 100 * (end - start) / duration), 2),
                direction=direction,
                label=f"{label}, {style.lower()}" if style else label,
                start_s=round(start, 1),
                end_s=round(end, 1),
                confidence=round(float(bout.get("confidence", 0.0)), 2),
            )
        )
    return segments


def movement_cards(result: dict[str, Any]) -> list[Card]:
    locomotion = result.get("locomotion", {})
    seconds = locomotion.get("seconds", {})
    forward, backward = float(seconds.get("forward", 0.0)), float(seconds.get("backward", 0.0))
    style = str(locomotion.get("dominant_style", "unknown"))
    direction = str(locomotion.get("dominant_direction", "unknown"))
    return [
        Card("Forward", f"{forward:.0f} s", "travelling the way the head points",
             "good" if forward > 0 else ""),
        Card("Backward", f"{backward:.0f} s", "travelling away from where the head points"),
        Card("Mostly", words.DIRECTIONS.get(direction, words.humanise(direction)),
             f"turning {float(seconds.get('pivoting', 0.0)):.0f} s, "
             f"still {float(seconds.get('stationary', 0.0)):.0f} s"),
        Card("Style", words.STYLES.get(style, words.humanise(style))),
    ]  # fmt: skip


def limb_cards(result: dict[str, Any]) -> list[Card]:
    limbs = result.get("limbs", {})
    cards = []
    for key, title in words.LIMBS:
        used = (limbs.get(key) or {}).get("used")
        cards.append(Card(title, words.limb_use(used), tone="attention" if used is False else ""))
    return cards


def balance_cards(result: dict[str, Any]) -> list[Card]:
    limbs = result.get("limbs", {})
    index = limbs.get("symmetry_index")
    flagged = bool(limbs.get("asymmetry_flag"))
    if index is None:
        symmetry = Card("Left and right", "Not sure", "we could not compare the two sides")
    elif flagged:
        symmetry = Card("Left and right", "One side does more",
                        f"symmetry {float(index):.2f} (1 is even)", "attention")  # fmt: skip
    else:
        symmetry = Card(
            "Left and right", "Even", f"symmetry {float(index):.2f} (1 is even)", "good"
        )
    pattern = str(result.get("coordination", {}).get("pattern", "unknown"))
    coordination = Card("Coordination", words.PATTERNS.get(pattern, words.humanise(pattern)))
    return [symmetry, coordination]


def confidence(result: dict[str, Any]) -> dict[str, Any]:
    """How far to trust this analysis, in words, with what limited it: how much of the video
    showed the baby, and how sure the reported direction is."""
    quality = result.get("quality", {})
    locomotion = result.get("locomotion", {})
    coverage = float(quality.get("pose_coverage") or 0.0)
    usable = bool(quality.get("usable"))
    direction = str(locomotion.get("dominant_direction", "unknown"))
    sure = _direction_confidence(locomotion)
    level = certainty(sure) if sure is not None and direction != "unknown" else None
    if not usable or coverage < 0.5 or level == "low":
        overall = "Low"
    elif coverage < 0.8 or level == "medium":
        overall = "Medium"
    else:
        overall = "High"
    return {
        "level": overall,
        "coverage_pct": round(100 * coverage),
        "direction": _certainty_words(direction, level),
        "usable": usable,
        "problems": list(quality.get("problems") or []),
    }


def _direction_confidence(locomotion: dict[str, Any]) -> float | None:
    """The analysis's own figure; analyses stored before it existed get their bouts' mean."""
    if locomotion.get("direction_confidence") is not None:
        return float(locomotion["direction_confidence"])
    bouts = locomotion.get("bouts") or []
    return sum(float(b.get("confidence", 0.0)) for b in bouts) / len(bouts) if bouts else None


def _certainty_words(direction: str, level: str | None) -> str:
    if level is None:
        return ""
    if direction == "stationary":
        return words.STILLNESS_CERTAINTY[level]
    if direction == "mixed":
        return words.MIXED_CERTAINTY[level]
    if direction in ("forward", "backward"):
        return words.DIRECTION_CERTAINTY[level]
    return ""


def first_part_note(result: dict[str, Any]) -> str:
    """Said above the result when only the first part of a long video was analysed."""
    video = result.get("video", {})
    full = video.get("full_duration_s")
    if not full:
        return ""
    return words.FIRST_PART_NOTE.format(
        minutes=words.minutes(float(video.get("duration_s") or 0)), total=words.minutes(full)
    )


def result_context(result: dict[str, Any]) -> dict[str, Any]:
    return {
        "first_part_note": first_part_note(result),
        "timeline": timeline(result),
        "duration_s": float(result.get("video", {}).get("duration_s") or 0.0),
        "movement_cards": movement_cards(result),
        "limb_cards": limb_cards(result),
        "balance_cards": balance_cards(result),
        "confidence": confidence(result),
        "legend": [
            (d, words.DIRECTIONS[d]) for d in ("forward", "backward", "pivoting", "stationary")
        ],
    }
