"""Hypothesis strategies for the contract's records: any analysis the contract allows."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from crawlcoach.contract import (
    Analysis,
    Bout,
    Coordination,
    Distances,
    ErrorInfo,
    Limbs,
    LimbUse,
    Locomotion,
    Note,
    Quality,
    Seconds,
    Timing,
    VideoFacts,
)
from crawlcoach.vocabulary import Direction, Pattern, Style

numbers = st.floats(allow_nan=False, allow_infinity=False)
at_least_0 = st.floats(min_value=0, allow_nan=False, allow_infinity=False)
unit = st.floats(min_value=0, max_value=1)
texts = st.text(max_size=20)


def maybe(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.none() | strategy


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | numbers | texts,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(texts, inner, max_size=3),
    max_leaves=10,
)

videos = st.builds(
    VideoFacts,
    path=texts,
    duration_s=at_least_0,
    fps=at_least_0,
    width=st.integers(),
    height=st.integers(),
)
notes = st.builds(
    Note, code=texts, text=texts, details=st.dictionaries(texts, json_values, max_size=3)
)
qualities = st.builds(
    Quality,
    pose_coverage=unit,
    usable=st.booleans(),
    problems=st.lists(texts).map(tuple),
    notes=maybe(st.lists(notes, max_size=3).map(tuple)),
)
seconds = st.builds(
    Seconds, forward=at_least_0, backward=at_least_0, pivoting=at_least_0, stationary=at_least_0
)
bouts = st.builds(
    Bout,
    start_s=numbers,
    end_s=numbers,
    direction=st.sampled_from(Direction),
    style=st.sampled_from(Style),
    confidence=unit,
    distance_body_lengths=maybe(numbers),
    speed_body_lengths_per_s=maybe(numbers),
    net_forward_body_lengths=maybe(numbers),
    sideways=maybe(numbers),
)
locomotions = st.builds(
    Locomotion,
    crawling=st.booleans(),
    dominant_direction=st.sampled_from(Direction),
    seconds=seconds,
    dominant_style=st.sampled_from(Style),
    bouts=st.lists(bouts, max_size=3).map(tuple),
    direction_confidence=maybe(unit),
    distance_body_lengths=maybe(st.builds(Distances, forward=at_least_0, backward=at_least_0)),
    net_forward_body_lengths=maybe(numbers),
    tracked_seconds=maybe(at_least_0),
)
limb_uses = st.builds(
    LimbUse, used=maybe(st.booleans()), activity=maybe(at_least_0), seen_s=maybe(at_least_0)
)
limbs = st.builds(
    Limbs,
    left_arm=limb_uses,
    right_arm=limb_uses,
    left_leg=limb_uses,
    right_leg=limb_uses,
    symmetry_index=maybe(numbers),
    asymmetry_flag=st.booleans(),
    asymmetry_confidence=maybe(unit),
)
by_pair = st.dictionaries(texts, numbers, max_size=3)
coordinations = st.builds(
    Coordination,
    pattern=st.sampled_from(Pattern),
    confidence=maybe(unit),
    phase_deg=maybe(by_pair),
    consistency=maybe(by_pair),
)
analyses = st.builds(
    Analysis,
    video=videos,
    quality=qualities,
    locomotion=locomotions,
    limbs=limbs,
    coordination=coordinations,
    timing=st.builds(Timing, analysis_s=at_least_0, frames_analysed=maybe(st.integers())),
    assessment=maybe(st.dictionaries(texts, json_values, max_size=4)),
    error=maybe(st.builds(ErrorInfo, kind=texts, message=texts)),
    recorded_on=maybe(st.dates()),
)
