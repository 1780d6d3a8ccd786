"""From what the latest video shows and what the parent reports to the situations plans target."""

from __future__ import annotations

from crawlcoach.guidance.evidence import ONE_SIDE_REPORTS, Evidence
from crawlcoach.guidance.findings import VideoFindings
from crawlcoach.guidance.vocabulary import MOVEMENT_OBSERVATIONS, SITUATIONS

STYLE_SITUATIONS = {
    "belly": "belly_only",
    "bottom_scoot": "bottom_scooting",
    "rolling": "rolling_only",
    "walking": "walking",
}
DIRECTION_SITUATIONS = {
    "forward": "forward_crawling",
    "backward": "backward_only",
    "mixed": "mixed_direction",
    "pivoting": "pivoting_only",
    "stationary": "not_yet_moving",
}
# Situations that say nothing about how the baby moves across the floor.
NOT_MOVEMENT = frozenset({"one_side_less", "unknown_movement", "not_yet_moving"})


def video_situations(video: VideoFindings) -> set[str]:
    if not video.usable:
        return set()
    found = set()
    # Staying put or turning on the spot: the style then says nothing about getting around.
    moving = video.direction not in ("stationary", "pivoting")
    style_situation = STYLE_SITUATIONS.get(video.style) if moving else None
    if style_situation is not None:
        found.add(style_situation)
    direction_situation = DIRECTION_SITUATIONS.get(video.direction)
    # A style of its own (belly, scooting, rolling, walking) already says how a forward mover moves.
    if direction_situation is not None and not (
        style_situation is not None and direction_situation == "forward_crawling"
    ):
        found.add(direction_situation)
    if video.asymmetric:
        found.add("one_side_less")
    return found


def situations_for(evidence: Evidence) -> tuple[str, ...]:
    """The situations to plan for, in the order the plan draws on them (concerns first)."""
    found = set() if evidence.latest is None else video_situations(evidence.latest)
    for observation in evidence.observations:
        situation = MOVEMENT_OBSERVATIONS.get(observation)
        if situation:
            found.add(situation)
    if evidence.reported("not_moving"):
        found.add("not_yet_moving")
    if evidence.observations & ONE_SIDE_REPORTS:
        found.add("one_side_less")
    if {"forward_crawling", "backward_only"} <= found:
        found -= {"forward_crawling", "backward_only"}
        found.add("mixed_direction")
    if found - NOT_MOVEMENT:
        found.discard("not_yet_moving")  # some way of moving was seen or reported
    if not found - {"one_side_less"}:
        found.add("unknown_movement")
    return tuple(s for s in SITUATIONS if s in found)
