"""Reject scenarios the generator cannot show faithfully, with a message saying what to change."""

from __future__ import annotations

from crawlcoach.errors import CrawlcoachError
from crawlcoach.synth.scenario import LIMB_NAMES, Scenario


class ScenarioError(CrawlcoachError):
    kind = "synth_scenario"


def validate(scenario: Scenario) -> None:
    """Raise ``ScenarioError`` naming the field to change."""
    problems: list[str] = []
    if not scenario.segments:
        problems.append("segments is empty: give at least one Segment")
    if any(s.duration_s <= 0 for s in scenario.segments):
        problems.append("every segment needs duration_s > 0")
    if scenario.fps <= 0 or scenario.duration_s * scenario.fps < 2:
        problems.append("fps x duration must give at least 2 frames")
    if min(scenario.frame_size) <= 0 or scenario.body_length_px <= 0:
        problems.append("frame_size and body_length_px must be positive")
    if scenario.cycle_hz <= 0 or scenario.speed_body_lengths_per_s < 0:
        problems.append("cycle_hz must be > 0 and speed_body_lengths_per_s >= 0")
    shares = (scenario.dropout, scenario.occlusion, scenario.swap)
    if scenario.noise_px < 0 or not all(0 <= v < 1 for v in shares):
        problems.append("noise_px must be >= 0, dropout, occlusion and swap in [0, 1)")
    if set(scenario.limb_use) != set(LIMB_NAMES) or not all(
        0.0 <= v <= 1.0 for v in scenario.limb_use.values()
    ):
        problems.append(f"limb_use needs exactly {', '.join(LIMB_NAMES)}, each in [0, 1]")
    directions = {s.direction for s in scenario.segments}
    if scenario.style == "none" and directions & {"forward", "backward"}:
        problems.append("style 'none' does not travel: use stationary or pivoting segments")
    if scenario.style == "rolling" and "pivoting" in directions:
        problems.append("style 'rolling' cannot pivot: use forward (rolls sideways) or stationary")
    if problems:
        raise ScenarioError("synthetic scenario is not valid: " + "; ".join(problems))
