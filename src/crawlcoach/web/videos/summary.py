"""One line per analysed video for lists: which way, how sure, in what style."""

from __future__ import annotations

from typing import Any

from crawlcoach import words
from crawlcoach.contract import Analysis, ContractError, certainty
from crawlcoach.vocabulary import Direction, Style


def one_line(result: dict[str, Any] | None) -> str:
    """E.g. "Forward (high certainty) · On hands and knees"; empty without a readable analysis."""
    if not result:
        return ""
    try:
        analysis = Analysis.from_dict(result)
    except ContractError:
        return ""
    if analysis.error is not None:
        return ""
    locomotion = analysis.locomotion
    direction = locomotion.dominant_direction
    text = words.label(direction)
    sure = locomotion.direction_confidence
    if sure is not None and direction != Direction.UNKNOWN:
        text += f" ({words.certainty(certainty(sure)).lower()} certainty)"
    if locomotion.dominant_style not in (Style.UNKNOWN, Style.NONE):
        text += " · " + words.label(locomotion.dominant_style)
    return text
