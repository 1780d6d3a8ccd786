"""The shared catalogue covers every labelled value and generates for any seed."""

from __future__ import annotations

from typing import get_args

import pytest

from crawlcoach.synth import LIMB_NAMES, SynthClip, generate, scenario
from crawlcoach.synth.scenarios import named, standard_suite


@pytest.mark.parametrize(
    ("field", "literal"),
    [("style", scenario.Style), ("pattern", scenario.Pattern), ("view", scenario.View),
     ("camera", scenario.Camera)],
)  # fmt: skip
def test_catalogue_covers_every_value(field: str, literal: object) -> None:
    seen = {getattr(s, field) for s in standard_suite(0)}
    assert seen == set(get_args(literal))


def test_catalogue_covers_every_direction_and_limb_use_degree() -> None:
    suite = standard_suite(0)
    directions = {seg.direction for s in suite for seg in s.segments}
    assert directions == set(get_args(scenario.Direction))
    uses = [v for s in suite for v in s.limb_use.values()]
    assert 0.0 in uses and 1.0 in uses
    assert any(0.2 <= v < 0.5 for v in uses) and any(0.5 < v < 1.0 for v in uses)
    for limb in LIMB_NAMES:
        assert any(s.limb_use[limb] == 0.0 for s in suite), limb


def test_catalogue_covers_the_truth_values(suite_clips: dict[str, SynthClip]) -> None:
    truths = [c.truth for c in suite_clips.values()]
    assert {t.dominant_direction for t in truths} == {
        "forward", "backward", "mixed", "pivoting", "stationary"
    }  # fmt: skip
    assert {t.asymmetric for t in truths} == {True, False}
    assert {t.crawling for t in truths} == {True, False}
    assert {t.pattern for t in truths} >= set(get_args(scenario.Pattern)) | {None}


def test_seed_varies_the_clip_not_the_labels() -> None:
    a, b = named(0), named(1)
    assert a.keys() == b.keys()
    for name in a:
        sa, sb = a[name], b[name]
        assert (sa.style, sa.segments, sa.view, sa.camera, sa.pattern, sa.limb_use) == (
            sb.style, sb.segments, sb.view, sb.camera, sb.pattern, sb.limb_use
        )  # fmt: skip
        assert sa.seed != sb.seed and sa.name == name


@pytest.mark.parametrize("seed", [1, 2])
def test_every_scenario_generates_and_keeps_the_baby_in_view(seed: int) -> None:
    for s in standard_suite(seed):
        clip = generate(s)
        assert clip.track.coverage >= 0.7 * (1 - s.dropout) or s.dropout > 0, s.name
        assert clip.track.coverage >= 0.95 * (1 - s.dropout) - 0.05, s.name
