"""A split reading settled by the whole clip's depth trend (``travel.depth_trend_per_s``,
``direction_model.settle_by_depth_trend``): crawls toward or away from the camera whose windows
disagree."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from motion_helpers import catalogue, played_backwards

from crawlcoach import contract
from crawlcoach.motion import CameraMotion
from crawlcoach.motion.clean import clean_track
from crawlcoach.motion.direction_model import DirectionReading, settle_by_depth_trend
from crawlcoach.motion.heading import estimate_heading
from crawlcoach.motion.travel import _TREND_MAX_POINTS, depth_trend_per_s
from crawlcoach.parameters import MixedParams
from crawlcoach.pose.track import PoseTrack


def _trend(track: PoseTrack, camera: CameraMotion) -> float:
    clean = clean_track(track, camera)
    return depth_trend_per_s(clean, estimate_heading(clean))


@pytest.mark.parametrize("seed", [0, 1])
def test_a_crawl_toward_the_camera_has_a_forward_trend_and_played_backwards_the_opposite(
    seed: int,
) -> None:
    clip = catalogue("hk_forward_front_static", seed)
    trend = _trend(clip.track, clip.camera)
    assert trend > MixedParams().depth_trend_decides
    assert _trend(*played_backwards(clip.track, clip.camera)) == pytest.approx(-trend, abs=1e-9)


@pytest.mark.parametrize(
    ("name", "sign"), [("bear_forward_behind_static", 1), ("hk_backward_behind_static", -1)]
)
def test_seen_from_behind_going_away_is_forward_and_coming_nearer_backward(
    name: str, sign: int
) -> None:
    clip = catalogue(name, 0)
    assert sign * _trend(clip.track, clip.camera) > MixedParams().depth_trend_decides


def test_a_crawl_across_the_view_has_next_to_no_trend() -> None:
    clip = catalogue("hk_forward_side_static", 0)
    assert abs(_trend(clip.track, clip.camera)) < MixedParams().depth_trend_decides


def test_a_long_clip_is_thinned_alike_both_ways_in_time() -> None:
    clip = catalogue("hk_forward_front_static", 0)
    n = len(clip.track.timestamps_s)
    repeats = -(-3 * _TREND_MAX_POINTS // n)  # well past the thinning point
    step = float(np.median(np.diff(clip.track.timestamps_s)))
    span = clip.track.timestamps_s[-1] + step
    long = PoseTrack(
        timestamps_s=np.concatenate([clip.track.timestamps_s + k * span for k in range(repeats)]),
        keypoints_px=np.concatenate([clip.track.keypoints_px] * repeats),
        confidence=np.concatenate([clip.track.confidence] * repeats),
        frame_size=clip.track.frame_size,
        source="synth:repeated",
        depth=None if clip.track.depth is None else np.concatenate([clip.track.depth] * repeats),
        meta=clip.track.meta,
    )
    still = CameraMotion.still(long.timestamps_s)
    forward = _trend(long, still)
    assert np.isfinite(forward)
    assert _trend(*played_backwards(long, still)) == pytest.approx(-forward, abs=1e-9)


def _reading(direction: str, confidence: float = 0.28) -> DirectionReading:
    return DirectionReading(direction, 0.5, confidence, 3.0, 3.0)


def test_only_a_mixed_reading_with_a_clear_trend_is_settled_and_it_stays_low() -> None:
    mixed = MixedParams()
    clear = 2 * mixed.depth_trend_decides
    settled = settle_by_depth_trend(_reading("mixed"), clear, mixed)
    assert settled.direction == "forward"
    assert contract.certainty(settled.confidence) == "low"
    assert settle_by_depth_trend(_reading("mixed"), -clear, mixed).direction == "backward"
    # No clear trend (a there-and-back, or a side view): still both ways.
    faint = settle_by_depth_trend(_reading("mixed"), mixed.depth_trend_decides / 2, mixed)
    assert faint == _reading("mixed")
    # A one-way reading of the windows is theirs, whatever the size does.
    assert settle_by_depth_trend(_reading("backward", 0.4), clear, mixed) == _reading(
        "backward", 0.4
    )
    off = replace(mixed, depth_trend_decides=float("inf"))
    assert settle_by_depth_trend(_reading("mixed"), 10.0, off).direction == "mixed"


def test_the_analysis_settles_a_split_front_crawl_by_its_trend() -> None:
    """Wiring: rules and windows forced to split a crawl toward the camera; the clip's trend
    reads it forward at low certainty, and the bouts reported agree; with the trend off it
    stays mixed."""
    from crawlcoach.motion import analyze_motion
    from crawlcoach.parameters import AnalysisParams

    clip = catalogue("hk_forward_front_static", 0)
    base = AnalysisParams()
    split = replace(
        base,
        dominance=replace(base.dominance, dominant_share=1.01, net_decides_body_lengths=1e9),
        mixed=replace(base.mixed, min_s=0.0, min_share=0.0),
    )
    result = analyze_motion(clip.track, camera_motion=clip.camera, params=split)
    loco = result.locomotion
    assert loco.dominant_direction == "forward"
    assert loco.direction_confidence == split.mixed.depth_trend_confidence
    assert {b.direction for b in loco.bouts} <= {"forward", "stationary", "pivoting"}
    off = replace(split, mixed=replace(split.mixed, depth_trend_decides=float("inf")))
    still_split = analyze_motion(clip.track, camera_motion=clip.camera, params=off)
    assert still_split.locomotion.dominant_direction == "mixed"
