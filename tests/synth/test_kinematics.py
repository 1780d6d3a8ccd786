"""Each style and direction looks like what it says, in the true 3D body and on the floor."""

from __future__ import annotations

import numpy as np
import pytest

from crawlcoach.pose.keypoints import INDEX
from crawlcoach.synth import Scenario, Segment, SynthClip, generate
from crawlcoach.synth.scenarios import named

TRIM_S = 0.4  # the ease between segments


def _mid(clip: SynthClip, a: str, b: str) -> np.ndarray:
    w = clip.keypoints_world
    return (w[:, INDEX[a]] + w[:, INDEX[b]]) / 2


def _bout_frames(clip: SynthClip, bout) -> slice:
    fps = clip.scenario.fps
    return slice(int((bout.start_s + TRIM_S) * fps), int((bout.end_s - TRIM_S) * fps))


def _bout_motion(clip: SynthClip, bout) -> tuple[float, float, float]:
    """Floor displacement along and across the mean heading (body lengths), and turn (deg)."""
    f = _bout_frames(clip, bout)
    xy, heading = clip.trunk_floor[f], clip.heading_deg[f]
    h = np.radians(np.mean(heading))
    d = xy[-1] - xy[0]
    along = float(d @ [np.cos(h), np.sin(h)])
    across = float(d @ [-np.sin(h), np.cos(h)])
    return along, across, float(heading[-1] - heading[0])


def test_every_bout_of_the_catalogue_moves_as_labelled(suite_clips: dict[str, SynthClip]) -> None:
    for name, clip in suite_clips.items():
        for bout in clip.truth.bouts:
            along, across, turn = _bout_motion(clip, bout)
            span = bout.end_s - bout.start_s - 2 * TRIM_S
            dist = np.hypot(along, across)
            where = f"{name} {bout.direction} {bout.start_s}-{bout.end_s}s"
            if bout.direction == "stationary":
                assert dist < 0.15 and abs(turn) < 10, where
            elif bout.direction == "pivoting":
                assert dist < 0.15 and abs(turn) > 20 * span, where
            else:
                assert bout.travel_angle_deg is not None
                assert dist > 0.15 * span, where
                angle = np.degrees(np.arctan2(across, along))
                off = abs((angle - bout.travel_angle_deg + 180) % 360 - 180)
                assert off < 20, where
                if bout.style != "rolling":
                    assert (along > 0) == (bout.direction == "forward"), where


def _heights(clip: SynthClip) -> dict[str, float]:
    w = clip.keypoints_world
    z = {k: float(np.median(w[:, INDEX[k], 2])) for k in INDEX}
    z["hips"] = float(np.median(_mid(clip, "left_hip", "right_hip")[:, 2]))
    z["shoulders"] = float(np.median(_mid(clip, "left_shoulder", "right_shoulder")[:, 2]))
    return z


def _style(style: str, seed: int = 0, **kw) -> SynthClip:
    direction = "stationary" if style == "none" else ("backward" if style == "crab" else "forward")
    return generate(Scenario(style=style, segments=(Segment(6.0, direction),), seed=seed, **kw))  # type: ignore[arg-type]


@pytest.mark.parametrize("seed", [0, 1])
def test_style_postures(seed: int) -> None:
    hk = _heights(_style("hands_and_knees", seed))
    assert 0.2 < hk["hips"] < 0.45 and hk["shoulders"] > hk["hips"]
    assert hk["left_knee"] < 0.1 and hk["left_wrist"] < 0.1  # on hands and knees
    belly = _heights(_style("belly", seed))
    assert belly["hips"] < 0.2 and belly["shoulders"] < 0.3  # trunk on the floor
    bear = _heights(_style("bear", seed))
    assert bear["hips"] > hk["hips"] + 0.15 and bear["left_knee"] > 0.2  # knees straight, hips up
    assert bear["left_ankle"] < 0.12
    scoot = _heights(_style("bottom_scoot", seed))
    assert scoot["hips"] < 0.2 and scoot["shoulders"] - scoot["hips"] > 0.45  # sitting upright
    walk = _heights(_style("walking", seed))
    assert walk["hips"] > 0.5 and walk["shoulders"] - walk["hips"] > 0.5  # upright on the feet
    assert walk["left_ankle"] < 0.12
    crab = _heights(_style("crab", seed))
    assert crab["shoulders"] > crab["hips"] + 0.2 and crab["left_wrist"] < 0.1  # propped on arms


def test_rolling_turns_about_the_long_axis() -> None:
    clip = _style("rolling", 2)
    across = clip.keypoints_world[:, INDEX["left_shoulder"]] - clip.keypoints_world[
        :, INDEX["right_shoulder"]]  # fmt: skip
    assert across[:, 2].max() > 0.1 and across[:, 2].min() < -0.1  # each side on top in turn
    assert _heights(clip)["hips"] < 0.25


def _relative_to_trunk(clip: SynthClip, joint: str, girdle: str) -> np.ndarray:
    """Floor-plane motion of a limb end relative to its girdle, along the heading (T,)."""
    w = clip.keypoints_world
    rel = w[:, INDEX[joint], :2] - w[:, INDEX[girdle], :2]
    h = np.radians(clip.heading_deg)
    return rel[:, 0] * np.cos(h) + rel[:, 1] * np.sin(h)


def test_an_unused_limb_only_moves_with_the_trunk() -> None:
    use = {"left_arm": 1.0, "right_arm": 1.0, "left_leg": 0.0, "right_leg": 0.4}
    clip = generate(Scenario(limb_use=use, seed=3))  # type: ignore[arg-type]
    full = np.std(_relative_to_trunk(clip, "left_wrist", "left_shoulder"))
    none = np.std(_relative_to_trunk(clip, "left_knee", "left_hip"))
    some = np.std(_relative_to_trunk(clip, "right_knee", "right_hip"))
    assert none < 0.1 * full
    assert 0.2 * full < some < 0.7 * full


@pytest.mark.parametrize(
    ("pattern", "in_phase", "anti_phase"),
    [
        ("diagonal", ("left_wrist", "right_knee"), ("left_wrist", "right_wrist")),
        ("lateral", ("left_wrist", "left_knee"), ("left_wrist", "right_wrist")),
        ("synchronous", ("left_wrist", "right_wrist"), ("left_knee", "left_wrist")),
    ],
)
def test_coordination_patterns(pattern: str, in_phase: tuple, anti_phase: tuple) -> None:
    clip = generate(Scenario(pattern=pattern, seed=1))  # type: ignore[arg-type]
    girdle = {"wrist": "shoulder", "knee": "hip"}

    def limb(name: str) -> np.ndarray:
        side, part = name.split("_")
        return _relative_to_trunk(clip, name, f"{side}_{girdle[part]}")

    assert np.corrcoef(limb(in_phase[0]), limb(in_phase[1]))[0, 1] > 0.7
    assert np.corrcoef(limb(anti_phase[0]), limb(anti_phase[1]))[0, 1] < 0.0


def test_irregular_pattern_has_no_stable_pairing() -> None:
    clip = generate(Scenario(pattern="irregular", seed=1))
    pairs = [("left_wrist", "left_shoulder"), ("right_wrist", "right_shoulder"),
             ("left_knee", "left_hip"), ("right_knee", "right_hip")]  # fmt: skip
    ends = [_relative_to_trunk(clip, a, b) for a, b in pairs]
    corr = np.corrcoef(np.array(ends))[np.triu_indices(4, 1)]
    assert np.max(np.abs(corr)) < 0.7


def test_limbs_cycle_at_cycle_hz_while_travelling() -> None:
    clip = generate(Scenario(cycle_hz=1.2, segments=(Segment(10.0, "forward"),), seed=2))
    x = _relative_to_trunk(clip, "left_wrist", "left_shoulder")
    spectrum = np.abs(np.fft.rfft(x - x.mean()))
    freqs = np.fft.rfftfreq(len(x), 1 / clip.scenario.fps)
    assert abs(freqs[np.argmax(spectrum)] - 1.2) < 0.15


def test_stationary_limbs_move_a_little_without_a_cycle() -> None:
    still = generate(Scenario(segments=(Segment(8.0, "stationary"),), seed=5))
    going = generate(Scenario(seed=5))
    x_still = _relative_to_trunk(still, "left_wrist", "left_shoulder")
    x_going = _relative_to_trunk(going, "left_wrist", "left_shoulder")
    assert 0.05 * np.std(x_going) < np.std(x_still) < 0.6 * np.std(x_going)
    assert np.ptp(still.trunk_floor, axis=0).max() < 0.1


def test_catalogue_names_match_their_labels() -> None:
    for name, s in named(3).items():
        directions = {seg.direction for seg in s.segments}
        for word in ("forward", "backward", "pivoting", "stationary"):
            if f"_{word}_" in f"_{name}_":
                assert word in directions, name
        for view in ("side", "front", "behind", "above"):
            if f"_{view}" in name:
                assert s.view == view, name
