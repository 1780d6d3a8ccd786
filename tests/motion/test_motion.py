"""Motion analysis on synthetic tracks (``crawlcoach.synth``) and hand-made edge cases."""

from __future__ import annotations

import numpy as np
import pytest

from crawlcoach.motion import CameraMotion, CameraMotionEstimator, analyze_motion
from crawlcoach.pose import keypoints
from crawlcoach.pose.track import PoseTrack

synth = pytest.importorskip("crawlcoach.synth")


def _reversed(track: PoseTrack) -> PoseTrack:
    end = track.timestamps_s[-1]
    return PoseTrack(
        timestamps_s=end - track.timestamps_s[::-1],
        keypoints_px=track.keypoints_px[::-1],
        confidence=track.confidence[::-1],
        frame_size=track.frame_size,
        source="reversed",
        depth=None if track.depth is None else track.depth[::-1],
    )


@pytest.mark.parametrize("view", ["side", "above"])
@pytest.mark.parametrize("direction", ["forward", "backward"])
def test_direction_on_synthetic_crawl(view: str, direction: str) -> None:
    clip = synth.generate(
        synth.Scenario(segments=(synth.Segment(6.0, direction),), view=view, seed=3)
    )
    result = analyze_motion(clip.track)
    assert result.locomotion["dominant_direction"] == direction
    assert result.locomotion["crawling"] is True
    assert result.locomotion["dominant_style"] == "hands_and_knees"


def test_time_reversal_turns_forward_into_backward() -> None:
    clip = synth.generate(synth.Scenario(view="side", seed=5))
    assert analyze_motion(clip.track).locomotion["dominant_direction"] == "forward"
    assert analyze_motion(_reversed(clip.track)).locomotion["dominant_direction"] == "backward"


def test_contract_shape() -> None:
    clip = synth.generate(synth.Scenario(view="side", seed=1))
    sections = analyze_motion(clip.track).contract_sections()
    assert set(sections) == {"locomotion", "limbs", "coordination"}
    loco = sections["locomotion"]
    assert set(loco["seconds"]) == {"forward", "backward", "pivoting", "stationary"}
    for bout in loco["bouts"]:
        assert {"start_s", "end_s", "direction", "style", "confidence"} <= set(bout)
        assert 0.0 <= bout["confidence"] <= 1.0
    for limb in ("left_arm", "right_arm", "left_leg", "right_leg"):
        assert sections["limbs"][limb]["used"] in (True, False, None)
    assert isinstance(sections["limbs"]["asymmetry_flag"], bool)
    assert sections["coordination"]["pattern"] in (
        "diagonal", "lateral", "synchronous", "irregular", "unknown"
    )


def test_typical_crawler_is_not_flagged_asymmetric() -> None:
    for seed in range(3):
        clip = synth.generate(synth.Scenario(view="side", seed=seed))
        assert analyze_motion(clip.track).limbs["asymmetry_flag"] is False


def test_thin_evidence_says_unknown_with_a_reason() -> None:
    t = np.arange(30) / 15.0
    kp = np.full((30, keypoints.COUNT, 2), np.nan)
    conf = np.zeros((30, keypoints.COUNT))
    track = PoseTrack(t, kp, conf, (640, 480), "empty")
    result = analyze_motion(track)
    assert result.locomotion["dominant_direction"] == "unknown"
    assert result.locomotion["dominant_style"] == "unknown"
    assert result.limbs["left_leg"]["used"] is None
    assert result.problems


def test_camera_estimator_measures_a_pan() -> None:
    rng = np.random.default_rng(0)
    texture = (rng.random((300, 500)) * 255).astype(np.uint8)
    import cv2

    texture = cv2.GaussianBlur(texture, (5, 5), 0)
    est = CameraMotionEstimator()
    for i in range(10):  # the camera pans right 3 px per frame: the scene moves left
        est.update(texture[30:270, 3 * i : 3 * i + 320], (140.0, 90.0, 180.0, 150.0), i / 15)
    cam = est.result()
    assert cam.valid.all()
    # frame 9's pixel (0, 0) is 27 px right of frame 0's
    assert cam.to_reference[9, 0, 2] == pytest.approx(27.0, abs=1.0)
    assert cam.scale[9] == pytest.approx(1.0, abs=0.02)


def test_camera_motion_is_removed_from_travel() -> None:
    clip = synth.generate(synth.Scenario(view="side", seed=2))
    track = clip.track
    # A camera that follows the baby: shift every frame so the baby stays put in the image...
    centre_x = np.nanmean(track.keypoints_px[:, 11:13, 0], axis=1)
    shift = track.keypoints_px[:, :, 0] - centre_x[:, None]
    followed = PoseTrack(
        track.timestamps_s,
        np.stack([shift + 320.0, track.keypoints_px[:, :, 1]], axis=2),
        track.confidence,
        track.frame_size,
        "followed",
        depth=track.depth,
    )
    # ...and the measured background motion that undoes it.
    offset = np.nanmean(track.keypoints_px[:, 11:13, 0], axis=1) - 320.0
    to_ref = np.tile(np.array([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]]), (len(track), 1, 1))
    to_ref[:, 0, 2] = np.nan_to_num(offset)
    cam = CameraMotion(track.timestamps_s, to_ref, np.ones(len(track), bool))
    result = analyze_motion(followed, camera_motion=cam)
    assert result.locomotion["dominant_direction"] == "forward"
