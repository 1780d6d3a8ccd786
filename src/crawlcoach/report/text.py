"""A short plain-words summary of one analysis, for the terminal."""

from __future__ import annotations

from typing import Any

from crawlcoach.contract import certainty

_DIRECTION_WORDS = {
    "forward": "mostly forward",
    "backward": "mostly backward",
    "mixed": "both forward and backward",
    "pivoting": "mostly turning in place",
    "stationary": "staying in one place",
    "unknown": "not measured",
}
_STYLE_WORDS = {
    "hands_and_knees": "on hands and knees",
    "belly": "on the belly (commando style)",
    "bear": "on hands and feet (bear style)",
    "bottom_scoot": "bottom-scooting",
    "crab": "crab style",
    "rolling": "rolling",
    "walking": "walking (not crawling)",
    "none": "no travel style",
    "unknown": "not measured",
}


def summarize(analysis: dict[str, Any]) -> str:
    video = analysis["video"]
    lines = [f"{video['path']}"]
    error = analysis.get("error")
    if error:
        lines.append(f"  could not analyse: {error['message']}")
        return "\n".join(lines)
    quality = analysis["quality"]
    lines.append(
        f"  {video['duration_s']:.1f} s, {video['width']}x{video['height']}"
        f" at {video['fps']:.0f} fps;"
        f" baby found in {quality['pose_coverage']:.0%} of frames"
        + ("" if quality["usable"] else " (too little to rely on)")
    )
    loco = analysis["locomotion"]
    seconds = loco["seconds"]
    direction = _DIRECTION_WORDS.get(loco["dominant_direction"], loco["dominant_direction"])
    sure = loco.get("direction_confidence")
    if sure is not None and loco["dominant_direction"] != "unknown":
        direction += f" ({certainty(float(sure))} certainty, {float(sure):.2f})"
    style = _STYLE_WORDS.get(loco["dominant_style"], loco["dominant_style"])
    lines.append(
        f"  travel: {direction}, {style} "
        f"(forward {seconds['forward']:.1f} s, backward {seconds['backward']:.1f} s, "
        f"turning {seconds['pivoting']:.1f} s, still {seconds['stationary']:.1f} s)"
    )
    limbs = analysis["limbs"]
    used = {
        name: limbs[name]["used"] for name in ("left_arm", "right_arm", "left_leg", "right_leg")
    }
    if all(v is None for v in used.values()):
        lines.append("  limbs: not measured")
    else:
        parts = [
            f"{name.replace('_', ' ')} {'yes' if v else 'not seen' if v is False else '?'}"
            for name, v in used.items()
        ]
        lines.append("  limbs taking part: " + ", ".join(parts))
        if limbs.get("asymmetry_flag"):
            lines.append("  one side seemed to do less than the other")
    pattern = analysis["coordination"]["pattern"]
    if pattern != "unknown":
        lines.append(f"  coordination: {pattern}")
    for problem in quality["problems"]:
        lines.append(f"  note: {problem}")
    assessment = analysis.get("assessment")
    if assessment:
        verdict = assessment.get("verdict_text") or assessment["verdict"].replace("_", " ")
        lines.append(f"  verdict: {verdict}")
        lines.extend(f"    - {reason}" for reason in assessment["reasons"])
        titles = [a["title"] for a in assessment.get("plan", [])] or assessment["activities"]
        if titles:
            lines.append("  to try this week: " + "; ".join(titles))
        if assessment.get("disclaimer"):
            lines.append(f"  {assessment['disclaimer']}")
    return "\n".join(lines)
