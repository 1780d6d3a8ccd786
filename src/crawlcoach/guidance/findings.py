"""What one ``crawlcoach analyze`` result says about the baby, read defensively.

The analysis contract (DESIGN.md) may say ``unknown``, ``null`` or ``usable: false``; those stay
unknown here rather than being guessed. A JSON object that is not a valid analysis
(``Analysis.from_dict`` raises) is an input error.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from crawlcoach import notes
from crawlcoach.contract import Analysis, ContractError, Seconds, certainty
from crawlcoach.guidance.errors import GuidanceInputError
from crawlcoach.vocabulary import (
    LIMBS,
    TRAVELLED,
    Certainty,
    Direction,
    Limb,
    Pattern,
    Style,
)


@dataclass(frozen=True)
class VideoFindings:
    label: str  # how errors and explanations name this video
    recorded_on: date | None
    usable: bool
    direction: Direction = Direction.UNKNOWN
    direction_sure: Certainty | None = None  # contract.certainty of the direction; None: not given
    style: Style = Style.UNKNOWN
    seconds: Seconds | None = None
    limbs_used: Mapping[Limb, bool | None] | None = None
    asymmetric: bool | None = None  # None: the analysis could not tell
    less_used: tuple[Limb, ...] = ()  # limbs reported unused while their partner was used
    pattern: Pattern = Pattern.UNKNOWN
    problems: tuple[str, ...] = ()  # the analysis's own plain-words notes on what limited it

    @property
    def travels(self) -> bool | None:
        """Whether the baby got across the floor in this video (None: could not tell)."""
        if not self.usable:
            return None
        if self.direction in TRAVELLED or self.style == Style.WALKING:
            return True
        if self.direction in (Direction.STATIONARY, Direction.PIVOTING):
            return False
        return None

    @property
    def on_hands_and_knees(self) -> bool:
        return self.usable and self.style == Style.HANDS_AND_KNEES and self.direction in TRAVELLED

    @property
    def side_less_used(self) -> str | None:
        sides = {limb.side for limb in self.less_used}
        return sides.pop() if len(sides) == 1 else None

    @property
    def forward_seconds(self) -> float | None:
        return None if self.seconds is None else self.seconds.forward


def read_analysis(analysis: Analysis | Any, position: int) -> VideoFindings:
    """Findings from one analysis: a record, or a JSON object read with ``Analysis.from_dict``;
    ``position`` (1-based) names it in error messages."""
    if not isinstance(analysis, Analysis):
        analysis = _from_json(analysis, position)
    path = analysis.video.path
    label = f"analysis {position}" + (f" ({path})" if path else "")
    recorded_on = analysis.recorded_on
    problems = notes.for_parent(analysis.quality) + (
        (analysis.error.message,) if analysis.error and analysis.error.message else ()
    )
    if analysis.error is not None or not analysis.quality.usable:
        return VideoFindings(label=label, recorded_on=recorded_on, usable=False, problems=problems)

    limbs = analysis.limbs
    used = limbs.used()
    less_used = _less_used(used)
    # The analysis raises its flag only when sure enough (a false alarm frightens a parent): a
    # limb reported still by a hair does not override it.
    if limbs.asymmetry_flag:
        asymmetric: bool | None = True
    elif limbs.symmetry_index is not None or any(v is not None for v in used.values()):
        asymmetric = False
    else:
        asymmetric = None  # a bare False with nothing measured is not evidence of symmetry

    locomotion = analysis.locomotion
    direction, style = locomotion.dominant_direction, locomotion.dominant_style
    if direction == Direction.UNKNOWN and style == Style.UNKNOWN and asymmetric is None:
        # Nothing was measured: judging from it would only be guessing.
        return VideoFindings(label=label, recorded_on=recorded_on, usable=False, problems=problems)
    sure = locomotion.direction_confidence  # None: an analysis made before the field existed
    return VideoFindings(
        label=label,
        recorded_on=recorded_on,
        usable=True,
        direction=direction,
        direction_sure=None if sure is None else certainty(sure),
        style=style,
        seconds=locomotion.seconds,
        limbs_used=used,
        asymmetric=asymmetric,
        less_used=less_used,
        pattern=analysis.coordination.pattern,
        problems=problems,
    )


def _from_json(analysis: Any, position: int) -> Analysis:
    if not isinstance(analysis, Mapping):
        raise GuidanceInputError(
            f"Analysis {position} is a {type(analysis).__name__}, not a JSON object from "
            "'crawlcoach analyze'."
        )
    video = analysis.get("video")
    path = video.get("path") if isinstance(video, Mapping) else None
    label = f"analysis {position}" + (f" ({path})" if isinstance(path, str) and path else "")
    try:
        return Analysis.from_dict(analysis)
    except ContractError as exc:
        raise GuidanceInputError(
            f"In {label}, {exc}. Give analyses as 'crawlcoach analyze --format json' writes them."
        ) from None


def _less_used(used: Mapping[Limb, bool | None]) -> tuple[Limb, ...]:
    """Limbs not used while the same limb on the other side was: one side doing less."""
    return tuple(limb for limb in LIMBS if used[limb] is False and used[limb.partner] is True)
