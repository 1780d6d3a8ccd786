"""The analysis parameters: each documented (unit, reason, benchmark), the defaults equal to the
documented table, and every stage reading its own parameters rather than a module constant."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np
import pytest

from crawlcoach import quality
from crawlcoach.motion import analyze_motion
from crawlcoach.parameters import (
    AnalysisParams,
    BoutParams,
    DominanceParams,
    FrameClock,
    QualityParams,
    StyleParams,
    describe,
    frames,
    markdown_table,
)
from crawlcoach.pipeline import AnalysisOptions
from crawlcoach.pose.depth import DepthCalibration

synth = pytest.importorskip("crawlcoach.synth")

DOCS = Path(__file__).resolve().parents[1] / "docs" / "parameters.md"


def _documented_classes() -> list[type]:
    stages = [f.default_factory for f in dataclasses.fields(AnalysisParams)]  # type: ignore[misc]
    return [*stages, DepthCalibration]


@pytest.mark.parametrize("cls", _documented_classes(), ids=lambda c: c.__name__)
def test_every_parameter_says_its_unit_reason_and_benchmark(cls: type) -> None:
    for f in dataclasses.fields(cls):
        for key in ("unit", "reason", "bench"):
            assert str(f.metadata.get(key, "")).strip(), f"{cls.__name__}.{f.name} has no {key}"
        # The analysis rate is a user option: a threshold counted in frames means another
        # thing at another rate.
        assert "frame" not in f.metadata["unit"], f"{cls.__name__}.{f.name} is in frames"


def test_defaults_are_the_documented_table() -> None:
    """docs/parameters.md is ``markdown_table()``; regenerate it when a default changes:
    .venv/bin/python -c 'from crawlcoach.parameters import markdown_table as t; print(t(), end="")'
    (below the file's header)."""
    text = DOCS.read_text()
    assert markdown_table() in text


def test_describe_lists_every_field_with_its_value() -> None:
    params = dataclasses.replace(
        AnalysisParams(), bouts=dataclasses.replace(BoutParams(), min_speed=0.5)
    )
    rows = {(p.stage, p.name): p for p in describe(params)}
    assert rows[("bouts", "min_speed")].value == 0.5
    assert rows[("bouts", "min_speed")].unit == "body lengths/s"
    total = sum(len(dataclasses.fields(c)) for c in _documented_classes()[:-1])
    assert len(rows) == total > 150


def test_seconds_give_the_former_frame_counts_at_15_fps() -> None:
    """The thresholds once counted in frames (at the default 15 fps) count the same there."""
    p = AnalysisParams()
    former = {
        p.tracker.hold_misses_s: 2,
        p.tracker.lost_crop_s: 45,
        p.camera.box_memory_s: 30,
        p.style.roll_hold_s: 7,
        p.style.min_resting_s: 10,
        p.style.min_median_s: 3,
        p.limbs.min_activity_s: 5,
    }
    for seconds, count in former.items():
        assert frames(seconds, 15.0) == count
    assert frames(p.style.roll_hold_s, 30.0) == 14  # and scale with the rate


def test_frame_clock_counts_at_the_frames_own_rate() -> None:
    clock = FrameClock()
    assert clock.frames(3.0) == 1  # nothing seen yet: the minimum
    jitter = np.random.default_rng(0).normal(0, 0.002, 40)
    for t in np.arange(40) / 10.0 + jitter:
        clock.tick(float(t))
    assert clock.frames(3.0) == 30


def test_analyze_motion_reads_its_parameters() -> None:
    clip = synth.generate(synth.Scenario(view="side", seed=1))
    default = analyze_motion(clip.track).locomotion
    assert default.dominant_direction == "forward"
    slow = dataclasses.replace(AnalysisParams(), bouts=BoutParams(min_speed=5.0))
    assert analyze_motion(clip.track, params=slow).locomotion.dominant_direction == ("stationary")
    never = dataclasses.replace(AnalysisParams(), dominance=DominanceParams(min_travel_s=60.0))
    loco = analyze_motion(clip.track, params=never).locomotion
    assert loco.crawling is False and loco.dominant_direction == "stationary"


def test_style_frame_thresholds_follow_the_rate() -> None:
    """The same crawl analysed at 30 fps reads as at 15 fps (seconds, not frames)."""
    scenario = synth.Scenario(view="side", seed=2)
    at_15 = analyze_motion(synth.generate(scenario).track).locomotion
    at_30 = analyze_motion(synth.generate(dataclasses.replace(scenario, fps=30.0)).track)
    assert at_30.locomotion.dominant_style == at_15.dominant_style == "hands_and_knees"
    assert at_30.locomotion.dominant_direction == at_15.dominant_direction
    assert StyleParams().roll_hold_s > 0


def test_one_quality_gate_decides_usable() -> None:
    clip = synth.generate(synth.Scenario(view="side", seed=1))
    assert quality.quality_section(clip.track).usable is True
    strict = QualityParams(usable_min_s=clip.track.duration_s + 1)
    section = quality.quality_section(clip.track, params=strict)
    assert section.usable is False
    assert [n.code for n in section.notes or ()] == ["video_too_short"]
    assert "too short" in section.problems[0]
    # The motion is not judged below the other level of the same gate.
    params = dataclasses.replace(AnalysisParams(), quality=QualityParams(judge_min_tracked_s=60))
    result = analyze_motion(clip.track, params=params)
    assert result.locomotion.dominant_direction == "unknown"
    assert any(n.code == "too_little_tracking" and n.details["needed_s"] == 60
               for n in result.problems)  # fmt: skip


def test_pipeline_options_carry_the_parameters() -> None:
    assert AnalysisOptions().params == AnalysisParams()
    custom = dataclasses.replace(AnalysisParams(), quality=QualityParams(usable_min_s=9.0))
    assert AnalysisOptions(params=custom).params.quality.usable_min_s == 9.0


def test_depth_calibration_comes_with_the_track() -> None:
    clip = synth.generate(synth.Scenario(view="side", seed=1))
    recorded = DepthCalibration.of_track(clip.track.meta)
    assert recorded.toward_from == 0.5  # the generator's own, not BlazePose's
    assert DepthCalibration.of_track({"backend": "mediapipe-blazepose-full/0.10.14"}) == (
        DepthCalibration()
    )
