"""What one ``crawlcoach analyze`` result says about the baby, read defensively.

The analysis contract (DESIGN.md) may say ``unknown``, ``null`` or ``usable: false``; those stay
unknown here rather than being guessed. Values outside the contract are an input error.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from crawlcoach.contract import certainty
from crawlcoach.guidance.age import parse_date
from crawlcoach.guidance.errors import GuidanceInputError
from crawlcoach.guidance.vocabulary import DIRECTIONS, LIMBS, PATTERNS, STYLES

TRAVEL_DIRECTIONS = ("forward", "backward", "mixed")
CRAWL_STYLES = ("hands_and_knees", "belly", "bear", "bottom_scoot", "crab", "rolling")
SECONDS_KEYS = ("forward", "backward", "pivoting", "stationary")


@dataclass(frozen=True)
class VideoFindings:
    label: str  # how errors and explanations name this video
    recorded_on: date | None
    usable: bool
    direction: str = "unknown"
    direction_sure: str | None = None  # contract.certainty of the direction; None: not given
    style: str = "unknown"
    seconds: Mapping[str, float] | None = None
    limbs_used: Mapping[str, bool | None] | None = None
    asymmetric: bool | None = None  # None: the analysis could not tell
    less_used: tuple[str, ...] = ()  # limbs reported unused while their partner was used
    pattern: str = "unknown"
    problems: tuple[str, ...] = ()  # the analysis's own plain-words notes on what limited it

    @property
    def travels(self) -> bool | None:
        """Whether the baby got across the floor in this video (None: could not tell)."""
        if not self.usable:
            return None
        if self.direction in TRAVEL_DIRECTIONS or self.style == "walking":
            return True
        if self.direction in ("stationary", "pivoting"):
            return False
        return None

    @property
    def on_hands_and_knees(self) -> bool:
        return (
            self.usable and self.style == "hands_and_knees" and self.direction in TRAVEL_DIRECTIONS
        )

    @property
    def side_less_used(self) -> str | None:
        sides = {limb.split("_")[0] for limb in self.less_used}
        return sides.pop() if len(sides) == 1 else None

    @property
    def forward_seconds(self) -> float | None:
        return None if self.seconds is None else self.seconds.get("forward")


def read_analysis(analysis: Any, position: int) -> VideoFindings:
    """Findings from one analysis dict; ``position`` (1-based) names it in error messages."""
    if not isinstance(analysis, Mapping):
        raise GuidanceInputError(
            f"Analysis {position} is a {type(analysis).__name__}, not a JSON object from "
            "'crawlcoach analyze'."
        )
    video = analysis.get("video")
    path = video.get("path") if isinstance(video, Mapping) else None
    label = f"analysis {position}" + (f" ({path})" if path else "")
    recorded_on = _recorded_on(analysis, label)

    quality = _section(analysis, "quality", label)
    locomotion = _section(analysis, "locomotion", label)
    problems = _problems(analysis, quality)
    usable = (
        not analysis.get("error")
        and bool(locomotion)
        and quality.get("usable", True) is not False
    )
    if not usable:
        return VideoFindings(label=label, recorded_on=recorded_on, usable=False,
                             problems=problems)

    limbs = _section(analysis, "limbs", label)
    used = {limb: _used(limbs, limb, label) for limb in LIMBS}
    less_used = _less_used(used)
    flag = limbs.get("asymmetry_flag")
    # The analysis raises its flag only when sure enough (a false alarm frightens a parent): a
    # limb reported still by a hair does not override it. Without a flag, the limbs decide.
    if flag is True or (flag is None and less_used):
        asymmetric: bool | None = True
    elif flag is False and (
        limbs.get("symmetry_index") is not None or any(v is not None for v in used.values())
    ):
        asymmetric = False
    else:
        asymmetric = None  # a bare False with nothing measured is not evidence of symmetry

    direction = _choice(locomotion, "dominant_direction", DIRECTIONS, label, "locomotion")
    style = _choice(locomotion, "dominant_style", STYLES, label, "locomotion")
    if direction == "unknown" and style == "unknown" and asymmetric is None:
        # Nothing was measured: judging from it would only be guessing.
        return VideoFindings(label=label, recorded_on=recorded_on, usable=False,
                             problems=problems)
    return VideoFindings(
        label=label,
        recorded_on=recorded_on,
        usable=True,
        direction=direction,
        direction_sure=_direction_sure(locomotion, label),
        style=style,
        seconds=_seconds(locomotion, label),
        limbs_used=used,
        asymmetric=asymmetric,
        less_used=less_used,
        pattern=_choice(
            _section(analysis, "coordination", label), "pattern", PATTERNS, label, "coordination"
        ),
        problems=problems,
    )


def _recorded_on(analysis: Mapping[str, Any], label: str) -> date | None:
    video = analysis.get("video")
    value = analysis.get("recorded_on")
    if value is None and isinstance(video, Mapping):
        value = video.get("recorded_on")
    return None if value is None else parse_date(value, f"recorded_on date of {label}")


def _problems(analysis: Mapping[str, Any], quality: Mapping[str, Any]) -> tuple[str, ...]:
    notes = quality.get("problems")
    found = [str(n) for n in notes if n] if isinstance(notes, list) else []
    error = analysis.get("error")
    if isinstance(error, Mapping) and error.get("message"):
        found.append(str(error["message"]))
    return tuple(found)


def _seconds(locomotion: Mapping[str, Any], label: str) -> dict[str, float] | None:
    seconds = locomotion.get("seconds")
    if seconds is None:
        return None
    try:
        return {key: float(seconds.get(key) or 0.0) for key in SECONDS_KEYS}
    except (AttributeError, TypeError, ValueError, OverflowError):
        raise GuidanceInputError(
            f"In {label}, locomotion.seconds should map forward/backward/pivoting/stationary "
            "to numbers of seconds."
        ) from None


def _direction_sure(locomotion: Mapping[str, Any], label: str) -> str | None:
    value = locomotion.get("direction_confidence")
    if value is None:
        return None  # an analysis made before the field existed
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
        raise GuidanceInputError(
            f"In {label}, locomotion.direction_confidence is {value!r}; expected a number "
            "from 0 to 1."
        )
    return certainty(float(value))


def _section(analysis: Mapping[str, Any], name: str, label: str) -> Mapping[str, Any]:
    section = analysis.get(name)
    if section is None:
        return {}
    if not isinstance(section, Mapping):
        raise GuidanceInputError(f"In {label}, '{name}' should be a JSON object.")
    return section


def _choice(
    section: Mapping[str, Any], key: str, allowed: tuple[str, ...], label: str, where: str
) -> str:
    value = section.get(key)
    if value is None:
        return "unknown"
    if value not in allowed:
        raise GuidanceInputError(
            f"In {label}, {where}.{key} is {value!r}; expected one of: {', '.join(allowed)}."
        )
    return str(value)


def _used(limbs: Mapping[str, Any], limb: str, label: str) -> bool | None:
    entry = limbs.get(limb)
    if entry is None:
        return None
    if not isinstance(entry, Mapping) or entry.get("used") not in (True, False, None):
        raise GuidanceInputError(
            f"In {label}, limbs.{limb} should look like {{\"used\": true|false|null}}."
        )
    return entry.get("used")


def _less_used(used: Mapping[str, bool | None]) -> tuple[str, ...]:
    """Limbs not used while the same limb on the other side was: one side doing less."""
    less = []
    for limb in LIMBS:
        side, part = limb.split("_")
        partner = ("right" if side == "left" else "left") + "_" + part
        if used[limb] is False and used[partner] is True:
            less.append(limb)
    return tuple(less)
