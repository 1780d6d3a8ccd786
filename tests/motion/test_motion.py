"""Motion analysis on synthetic tracks (``crawlcoach.synth``) and hand-made edge cases."""

from __future__ import annotations

import numpy as np
import pytest
from motion_helpers import reversed_track

from crawlcoach.motion import CameraMotion, CameraMotionEstimator, analyze_motion
from crawlcoach.pose import keypoints
from crawlcoach.pose.track import PoseTrack

synth = pytest.importorskip("crawlcoach.synth")


@pytest.mark.parametrize("view", ["side", "above"])
@pytest.mark.parametrize("direction", ["forward", "backward"])
def test_direction_on_synthetic_crawl(view: str, direction: str) -> None:
    clip = synth.generate(
        synth.Scenario(segments=(synth.Segment(6.0, direction),), view=view, seed=3)
    )
    result = analyze_motion(clip.track)
    assert result.locomotion.dominant_direction == direction
    assert result.locomotion.crawling is True
    assert result.locomotion.dominant_style == "hands_and_knees"


@pytest.mark.parametrize("view", ["side", "front", "behind"])
def test_time_reversal_mirrors_every_bout(view: str) -> None:
    """Direction features are odd under time reversal: the reversed clip has the same bouts,
    mirrored in time, with forward and backward swapped."""
    clip = synth.generate(synth.Scenario(view=view, heading_deg=-6.0, body_length_px=100.0, seed=5))
    ahead = analyze_motion(clip.track).locomotion
    back = analyze_motion(reversed_track(clip.track)).locomotion
    assert ahead.dominant_direction == "forward"
    assert back.dominant_direction == "backward"
    swap = {"forward": "backward", "backward": "forward"}
    mirrored = [(round(clip.track.duration_s - b.end_s, 1), swap.get(b.direction,
                 b.direction)) for b in reversed(ahead.bouts)]  # fmt: skip
    assert [(round(b.start_s, 1), b.direction) for b in back.bouts] == mirrored


def _with_depth_bias(track: PoseTrack, trunks: float, backend: str) -> PoseTrack:
    """The track as BlazePose would report its depth: the head read ``trunks`` trunk lengths
    nearer the camera than it is (its bias toward "facing the camera")."""
    trunk = np.nanmedian(np.linalg.norm(
        track.keypoints_px[:, 11:13].mean(axis=1) - track.keypoints_px[:, 23:25].mean(axis=1),
        axis=1))  # fmt: skip
    depth = track.depth.copy()
    depth[:, :11] -= trunks * trunk
    return PoseTrack(track.timestamps_s, track.keypoints_px, track.confidence, track.frame_size,
                     track.source, depth=depth, meta={"backend": backend})  # fmt: skip


def test_blazepose_depth_bias_does_not_turn_a_side_view_around() -> None:
    """BlazePose says "head nearer" by 1-2 trunk lengths in side views; the calibration for its
    tracks must not read that as facing the camera (it would mix depth noise into travel)."""
    clip = synth.generate(synth.Scenario(view="side", seed=8))
    biased = _with_depth_bias(clip.track, 1.5, "mediapipe-blazepose-full/0.10.14")
    result = analyze_motion(biased)
    assert result.locomotion.dominant_direction == "forward"
    assert analyze_motion(reversed_track(biased)).locomotion.dominant_direction == "backward"


def test_rocking_in_place_is_staying_put_on_hands_and_knees() -> None:
    clip = synth.generate(synth.Scenario(segments=(synth.Segment(6.0, "stationary"),),
                                         view="side", seed=3))  # fmt: skip
    loco = analyze_motion(clip.track).locomotion
    assert loco.dominant_direction == "stationary"
    assert loco.crawling is False
    assert loco.dominant_style == "hands_and_knees"


def test_walking_toddler_is_not_crawling() -> None:
    clip = synth.generate(synth.Scenario(style="walking", cycle_hz=1.7, view="side", seed=30))
    loco = analyze_motion(clip.track).locomotion
    assert loco.dominant_style == "walking"
    assert loco.crawling is False


def test_an_arm_that_is_not_used_is_found_and_flagged() -> None:
    use = {"left_arm": 1.0, "right_arm": 0.0, "left_leg": 1.0, "right_leg": 1.0}
    clip = synth.generate(synth.Scenario(limb_use=use, view="above", seed=36))
    limbs = analyze_motion(clip.track).limbs
    assert limbs.right_arm.used is False
    assert [limbs.of(n).used for n in ("left_arm", "left_leg", "right_leg")] == [True] * 3
    assert limbs.asymmetry_flag is True


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
        "diagonal",
        "lateral",
        "synchronous",
        "irregular",
        "unknown",
    )


def test_typical_crawler_is_symmetric_and_diagonal() -> None:
    for seed in range(3):
        clip = synth.generate(synth.Scenario(view="side", seed=seed))
        result = analyze_motion(clip.track)
        assert result.limbs.asymmetry_flag is False
        assert all(result.limbs.of(n).used for n in ("left_arm", "right_arm", "left_leg",
                                                     "right_leg"))  # fmt: skip
        assert result.coordination.pattern == "diagonal"


def test_thin_evidence_says_unknown_with_a_reason() -> None:
    t = np.arange(30) / 15.0
    kp = np.full((30, keypoints.COUNT, 2), np.nan)
    conf = np.zeros((30, keypoints.COUNT))
    track = PoseTrack(t, kp, conf, (640, 480), "empty")
    result = analyze_motion(track)
    assert result.locomotion.dominant_direction == "unknown"
    assert result.locomotion.dominant_style == "unknown"
    assert result.limbs.left_leg.used is None
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


class _Frame:
    def __init__(self, timestamp_s: float, image: np.ndarray, scale: float) -> None:
        self.timestamp_s, self.image, self.scale = timestamp_s, image, scale


def test_camera_motion_for_track_is_in_the_tracks_pixels() -> None:
    """Measured on frames downscaled by half, the motion still maps the track's own pixels."""
    import cv2

    from crawlcoach.motion import camera_motion_for_track

    rng = np.random.default_rng(1)
    texture = cv2.GaussianBlur((rng.random((600, 1000)) * 255).astype(np.uint8), (7, 7), 0)
    n = 10
    t = np.arange(n) / 15
    kp = np.full((n, keypoints.COUNT, 2), np.nan)
    kp[:, :, 0], kp[:, :, 1] = 300.0, 240.0  # a "baby" in the middle, in full-size pixels
    kp[:, 0, 0] = 340.0
    track = PoseTrack(t, kp, np.ones((n, keypoints.COUNT)), (640, 480), "pan")
    frames = [_Frame(t[i], cv2.resize(texture[60:540, 6 * i : 6 * i + 640], (320, 240)), 0.5)
              for i in range(n)]  # fmt: skip
    cam = camera_motion_for_track(frames, track)
    assert len(cam) == n
    # the camera panned 6 full-size px per frame
    assert cam.to_reference[-1, 0, 2] == pytest.approx(54.0, abs=2.0)


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
    assert result.locomotion.dominant_direction == "forward"


def test_coordination_is_not_judged_head_on() -> None:
    """Crawling straight at the camera, limbs step in depth and the body's bob reads as
    "synchronous": say unknown, and why."""
    clip = synth.generate(synth.Scenario(view="front", heading_deg=-6.0, body_length_px=100.0,
                                         seed=4))  # fmt: skip
    result = analyze_motion(clip.track)
    assert result.locomotion.dominant_direction == "forward"
    assert result.coordination.pattern == "unknown"
    assert any(n.code == "rhythm_hidden_in_depth" for n in result.problems)
