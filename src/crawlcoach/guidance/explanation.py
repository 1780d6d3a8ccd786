"""A few plain sentences on what the videos (or the parent) showed, and what to watch for."""

from __future__ import annotations

from crawlcoach import words
from crawlcoach.guidance.content import Content
from crawlcoach.guidance.evidence import Evidence
from crawlcoach.guidance.vocabulary import OBSERVATIONS
from crawlcoach.vocabulary import TRAVEL_DIRECTIONS, Certainty, Pattern


def explain(evidence: Evidence, content: Content) -> str:
    texts = content.texts.explanation
    sentences: list[str] = []
    videos, usable, latest = evidence.videos, evidence.usable, evidence.latest
    if not videos:
        sentences.append(texts["no_video"])
    elif latest is None:
        what = "video" if len(videos) == 1 else f"{len(videos)} videos"
        sentences.append(texts["no_usable_video"].format(videos=what))
        problems = list(dict.fromkeys(p for v in videos for p in v.problems))
        if problems:
            items = " ".join(_as_sentence(p) for p in problems)
            sentences.append(texts["problems"].format(items=items))
    else:
        if len(usable) < len(videos):
            sentences.append(texts["some_unusable"].format(count=len(videos) - len(usable)))
        unsure = latest.direction in TRAVEL_DIRECTIONS and latest.direction_sure == Certainty.LOW
        # A direction the analysis was unsure of is never the headline: say how the baby moved,
        # then that the way was hard to tell.
        way = words.unsure_direction_sentence() if unsure else words.sentence(latest.direction)
        movement = f"{way} {words.sentence(latest.style)}"
        if latest.recorded_on is not None:
            sentences.append(
                texts["latest_video_dated"].format(
                    date=latest.recorded_on.isoformat(), movement=movement
                )
            )
        else:
            sentences.append(texts["latest_video"].format(movement=movement))
        if unsure:
            sentences.append(
                texts["direction_unsure"].format(direction=words.sentence(latest.direction))
            )
        if latest.less_used:
            limbs = " and ".join(words.limb(limb).lower() for limb in latest.less_used)
            sentences.append(texts["limbs_less"].format(limbs=limbs))
        elif latest.asymmetric:
            sentences.append(texts["one_side_less"])
        elif latest.limbs_used is not None and all(latest.limbs_used.values()):
            sentences.append(texts["all_limbs"])
        if latest.pattern != Pattern.UNKNOWN and latest.travels:
            sentences.append(words.sentence(latest.pattern))
        sentences.extend(_progress(evidence, content))
    reported = [o for o in OBSERVATIONS if o in evidence.observations]
    if reported:
        items = "; ".join(content.texts.observations[o] for o in reported)
        sentences.append(texts["reports_only"].format(items=items))
    return " ".join(sentences)


def _progress(evidence: Evidence, content: Content) -> list[str]:
    """Forward travel over time, when at least two dated videos say how much there was."""
    timed = [
        v for v in evidence.usable if v.recorded_on is not None and v.forward_seconds is not None
    ]
    if len(timed) < 2:
        return []
    first, latest = timed[0], timed[-1]
    days = (latest.recorded_on - first.recorded_on).days  # type: ignore[operator]
    weeks = max(1, round(days / 7))
    key = (
        "forward_grew"
        if (latest.forward_seconds or 0) > (first.forward_seconds or 0)
        else ("forward_steady")
    )
    return [
        content.texts.explanation[key].format(
            count=len(timed),
            weeks=weeks,
            first_seconds=f"{first.forward_seconds:.0f}",
            latest_seconds=f"{latest.forward_seconds:.0f}",
        )
    ]


def watch_for(evidence: Evidence, situations: tuple[str, ...], content: Content) -> tuple[str, ...]:
    """What to look out for: this baby's next steps, the coming milestones, then the red flags."""
    lines: list[str] = []
    for situation in situations:
        lines.extend(content.texts.watch_for.get(situation, ()))
    upcoming = [i for i in content.cdc_items if i.months > evidence.months]
    if upcoming:
        months = upcoming[0].months
        items = _and([i.text for i in upcoming if i.months == months])
        lines.append(content.texts.coming_up.format(months=f"{months:g}", items=items))
    lines.extend(flag.watch_for for flag in content.red_flags.values() if flag.watch_for)
    lines.extend(content.texts.watch_for["always"])
    return tuple(dict.fromkeys(lines))


def _as_sentence(text: str) -> str:
    """A note as a sentence of its own (older analyses wrote them as lower-case fragments)."""
    text = text.strip()
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
