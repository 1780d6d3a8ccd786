"""A short plain-words summary of one analysis, for the terminal.

The words are the word list's (``crawlcoach.words``), in lower case: the same a parent reads on
the web page.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from crawlcoach import notes, words
from crawlcoach.contract import Analysis, certainty
from crawlcoach.vocabulary import LIMBS, Direction, Pattern


def summarize(result: Analysis | Mapping[str, Any]) -> str:
    """The summary of an analysis (a record, or its JSON object: ``ContractError`` when that is
    not an analysis)."""
    analysis = result if isinstance(result, Analysis) else Analysis.from_dict(result)
    video = analysis.video
    lines = [video.path]
    if analysis.error is not None:
        lines.append(f"  could not analyse: {analysis.error.message}")
        return "\n".join(lines)
    quality = analysis.quality
    lines.append(
        f"  {video.duration_s:.1f} s, {video.width}x{video.height} at {video.fps:.0f} fps;"
        f" baby found in {quality.pose_coverage:.0%} of frames"
        + ("" if quality.usable else " (too little to rely on)")
    )
    loco = analysis.locomotion
    seconds = loco.seconds
    direction = words.label(loco.dominant_direction).lower()
    sure = loco.direction_confidence
    if sure is not None and loco.dominant_direction != Direction.UNKNOWN:
        level = words.certainty(certainty(sure)).lower()
        direction += f" ({level} certainty, {sure:.2f})"
    lines.append(
        f"  mostly: {direction}; style: {words.label(loco.dominant_style).lower()} "
        f"(forward {seconds.forward:.1f} s, backward {seconds.backward:.1f} s, "
        f"turning {seconds.pivoting:.1f} s, still {seconds.stationary:.1f} s)"
    )
    limbs = analysis.limbs
    used = limbs.used()
    if all(v is None for v in used.values()):
        lines.append(f"  arms and legs: {words.limb_use(None).lower()}")
    else:
        parts = [
            f"{words.limb(limb).lower()} {words.limb_use(used[limb]).lower()}" for limb in LIMBS
        ]
        lines.append("  arms and legs: " + ", ".join(parts))
        if limbs.asymmetry_flag:
            lines.append("  one side seemed to do less than the other")
    pattern = analysis.coordination.pattern
    if pattern != Pattern.UNKNOWN:
        lines.append(f"  coordination: {words.label(pattern).lower()}")
    for sentence in notes.for_parent(quality):
        lines.append(f"  note: {sentence}")
    if analysis.assessment:
        lines.extend(_assessment_lines(analysis.assessment))
    return "\n".join(lines)


def _assessment_lines(assessment: Mapping[str, Any]) -> list[str]:
    """The guidance's verdict, reasons and plan (its object is the guidance's, see
    docs/guidance.md)."""
    verdict = assessment.get("verdict_text") or str(assessment.get("verdict", "")).replace("_", " ")
    lines = [f"  verdict: {verdict}"]
    lines.extend(f"    - {reason}" for reason in assessment.get("reasons", []))
    titles = [a["title"] for a in assessment.get("plan", [])] or assessment.get("activities", [])
    if titles:
        lines.append("  to try this week: " + "; ".join(titles))
    if assessment.get("disclaimer"):
        lines.append(f"  {assessment['disclaimer']}")
    return lines
