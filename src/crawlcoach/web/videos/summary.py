"""One line per analysed video for lists: which way, how sure, in what style."""

from __future__ import annotations

from typing import Any

from crawlcoach.contract import certainty
from crawlcoach.web import words


def one_line(result: dict[str, Any] | None) -> str:
    """E.g. "Forward (high certainty) · On hands and knees"; empty without an analysis."""
    if not result:
        return ""
    locomotion = result.get("locomotion") or {}
    direction = str(locomotion.get("dominant_direction", "unknown"))
    text = words.DIRECTIONS.get(direction, words.humanise(direction))
    sure = locomotion.get("direction_confidence")
    if sure is not None and direction != "unknown":
        text += f" ({certainty(float(sure))} certainty)"
    style = str(locomotion.get("dominant_style", "unknown"))
    if style not in ("unknown", "none"):
        text += " · " + words.STYLES.get(style, words.humanise(style))
    return text
