"""The generator's output: shapes, determinism, speed, noise and camera behaviour."""

from __future__ import annotations

import time
from dataclasses import replace

import numpy as np
import pytest

from crawlcoach.pose.keypoints import COUNT, INDEX
from crawlcoach.synth import Scenario, ScenarioError, Segment, generate


def _size_px(clip, frames: slice) -> float:
    """Mean apparent shoulder width in pixels (a front view foreshortens the trunk, not this)."""
    kp = clip.track.keypoints_px[frames]
    width = kp[:, INDEX["left_shoulder"]] - kp[:, INDEX["right_shoulder"]]
    return float(np.nanmean(np.linalg.norm(width, axis=1)))


def _centre_px(clip) -> np.ndarray:
    kp = clip.track.keypoints_px
    return np.nanmean(kp[:, [INDEX[k] for k in ("left_hip", "right_hip", "left_shoulder",
                                                 "right_shoulder")]], axis=1)  # fmt: skip


def test_shapes_and_timestamps() -> None:
    s = Scenario(segments=(Segment(4.0, "forward"), Segment(2.0, "stationary")), fps=15.0)
    clip = generate(s)
    t = len(clip.track)
    assert t == 90
    assert clip.track.keypoints_px.shape == (t, COUNT, 2)
    assert clip.track.confidence.shape == (t, COUNT)
    assert clip.track.depth is not None and clip.track.depth.shape == (t, COUNT)
    assert clip.background_px.ndim == 3 and clip.background_px.shape[::2] == (t, 2)
    assert clip.trunk_floor.shape == (t, 2) and clip.heading_deg.shape == (t,)
    assert clip.keypoints_world.shape == (t, COUNT, 3)
    np.testing.assert_allclose(np.diff(clip.track.timestamps_s), 1 / 15)
    assert clip.track.frame_size == s.frame_size
    assert clip.truth.bouts[-1].end_s == pytest.approx(6.0)


def test_same_scenario_gives_identical_arrays() -> None:
    s = Scenario(style="belly", noise_px=2.0, dropout=0.1, occlusion=0.05, camera="shake", seed=7)
    a, b = generate(s), generate(s)
    for x, y in ((a.track.keypoints_px, b.track.keypoints_px), (a.track.confidence,
                 b.track.confidence), (a.track.depth, b.track.depth),
                 (a.background_px, b.background_px)):  # fmt: skip
        np.testing.assert_array_equal(x, y)
    c = generate(replace(s, seed=8))
    assert not np.array_equal(
        np.nan_to_num(a.track.keypoints_px), np.nan_to_num(c.track.keypoints_px)
    )


def test_noise_does_not_change_the_movement() -> None:
    quiet = generate(Scenario(noise_px=0.0, seed=3))
    noisy = generate(Scenario(noise_px=5.0, occlusion=0.1, seed=3))
    np.testing.assert_array_equal(quiet.keypoints_world, noisy.keypoints_world)


def test_an_eight_second_clip_is_fast() -> None:
    s = Scenario(segments=(Segment(8.0, "forward"),), fps=15.0, occlusion=0.05, dropout=0.05)
    generate(s)
    times = []
    for _ in range(5):
        start = time.perf_counter()
        generate(s)
        times.append(time.perf_counter() - start)
    assert np.median(times) < 0.05


def test_dropouts_are_whole_frames_of_nan_with_zero_confidence() -> None:
    clip = generate(Scenario(dropout=0.2, seed=1))
    conf, kp = clip.track.confidence, clip.track.keypoints_px
    empty = ~clip.track.detected
    assert 0.15 <= empty.mean() <= 0.3
    assert np.isnan(kp[empty]).all() and (conf[empty] == 0).all()
    assert np.isnan(clip.track.depth[empty]).all()
    # runs, not isolated frames only
    assert (np.diff(empty.astype(int)) == 1).sum() < empty.sum()


def test_occlusions_hide_single_keypoints() -> None:
    clip = generate(Scenario(occlusion=0.1, seed=2))
    missing = clip.track.confidence == 0
    assert clip.track.detected.all()
    assert 0.08 <= missing.mean() <= 0.14
    assert np.isnan(clip.track.keypoints_px[missing]).all()
    clean = generate(Scenario(seed=2))
    assert (clean.track.confidence > 0).all() and np.isfinite(clean.track.keypoints_px).all()


def test_far_side_limbs_are_less_confident_in_side_view() -> None:
    clip = generate(Scenario(view="side", seed=4))  # the camera sees the baby's right side
    conf = clip.track.confidence
    near = conf[:, [INDEX["right_shoulder"], INDEX["right_hip"], INDEX["right_elbow"]]].mean()
    far = conf[:, [INDEX["left_shoulder"], INDEX["left_hip"], INDEX["left_elbow"]]].mean()
    assert near > 0.85 and far < 0.6


def test_jitter_follows_noise_px() -> None:
    base = Scenario(style="none", segments=(Segment(4.0, "stationary"),), seed=5)
    quiet, noisy = generate(replace(base, noise_px=0.0)), generate(replace(base, noise_px=3.0))
    k = INDEX["right_shoulder"]
    diff = noisy.track.keypoints_px[:, k] - quiet.track.keypoints_px[:, k]
    assert 2.0 < np.std(diff) < 4.5


def test_static_front_view_baby_grows_as_it_comes() -> None:
    clip = generate(Scenario(view="front", body_length_px=70.0, seed=6))
    assert _size_px(clip, slice(-15, None)) > 1.3 * _size_px(clip, slice(0, 15))


def test_retreating_camera_makes_a_forward_crawler_shrink() -> None:
    clip = generate(Scenario(view="front", camera="retreat", seed=6))
    d = clip.trunk_floor[-1] - clip.trunk_floor[0]
    h = np.radians(clip.heading_deg[0])
    assert d @ [np.cos(h), np.sin(h)] > 1.0  # it goes forward on the floor...
    assert _size_px(clip, slice(-15, None)) < _size_px(clip, slice(0, 15))  # ...yet shrinks


@pytest.mark.parametrize("camera", ["follow", "pan"])
def test_moving_camera_keeps_the_baby_centred_while_the_background_slides(camera: str) -> None:
    static = generate(Scenario(seed=9))
    moving = generate(Scenario(camera=camera, seed=9))
    travel_static = np.ptp(_centre_px(static)[:, 0])
    travel_moving = np.ptp(_centre_px(moving)[:, 0])
    assert travel_moving < 0.35 * travel_static
    step = np.diff(moving.background_px[..., 0], axis=0)  # frame-to-frame, NaN where unseen
    slid = np.abs(np.nansum(np.nanmedian(step, axis=1)))
    assert slid > 100
    still_bg = static.background_px
    assert np.nanmax(np.abs(still_bg[-1] - still_bg[0])) < 3  # a static camera: points stay put


def test_background_points_avoid_the_baby() -> None:
    clip = generate(Scenario(seed=10))
    kp, bg = clip.track.keypoints_px, clip.background_px
    lo, hi = np.nanmin(kp, axis=1), np.nanmax(kp, axis=1)
    inside = np.all((bg > lo[:, None] + 2) & (bg < hi[:, None] - 2), axis=-1)
    assert not inside.any()
    assert np.isfinite(bg[..., 0]).sum(axis=1).min() >= 20


def test_scenarios_it_cannot_show_are_refused() -> None:
    with pytest.raises(ScenarioError, match="none"):
        generate(Scenario(style="none", segments=(Segment(3.0, "forward"),)))
    with pytest.raises(ScenarioError, match="limb_use"):
        generate(Scenario(limb_use={"left_arm": 1.0}))  # type: ignore[dict-item]
    with pytest.raises(ScenarioError, match="camera"):
        generate(Scenario(view="front", camera="pan", body_length_px=400.0))


def test_swaps_exchange_left_and_right() -> None:
    base = Scenario(seed=12)
    clean, swapped = generate(base), generate(replace(base, swap=0.2))
    left, right = INDEX["left_wrist"], INDEX["right_wrist"]
    a, b = clean.track.keypoints_px, swapped.track.keypoints_px
    exchanged = np.linalg.norm(b[:, left] - a[:, right], axis=1) < np.linalg.norm(
        b[:, left] - a[:, left], axis=1
    )
    assert 0.12 <= exchanged.mean() <= 0.3
