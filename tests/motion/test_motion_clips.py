"""Motion analysis on a few real clips from ../shared/clips (skipped when that folder is absent).

Tracks are computed here with BlazePose, with the camera motion measured in the same pass."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from crawlcoach.motion import CameraMotionEstimator, analyze_motion, person_box_from_keypoints
from crawlcoach.pose import keypoints
from crawlcoach.pose.track import PoseTrack
from crawlcoach.video.frames import iter_frames

CLIPS = Path(__file__).resolve().parents[2].parent / "shared" / "clips"
# Side and front views, static and moving cameras; all crawl forward on hands and knees.
FORWARD = ["v_BabyCrawling_g05_c01", "v_BabyCrawling_g07_c01", "v_BabyCrawling_g10_c02",
           "v_BabyCrawling_g09_c02"]  # fmt: skip


def _track_and_camera(path: Path):  # type: ignore[no-untyped-def]
    mp = pytest.importorskip("mediapipe")
    times, points, confs, depths = [], [], [], []
    camera = CameraMotionEstimator()
    size = (0, 0)
    with mp.solutions.pose.Pose(model_complexity=1) as pose:
        for frame in iter_frames(path, fps=15):
            h, w = frame.image.shape[:2]
            size = (w, h)
            res = pose.process(frame.image)
            kp = np.full((keypoints.COUNT, 2), np.nan)
            conf = np.zeros(keypoints.COUNT)
            depth = np.full(keypoints.COUNT, np.nan)
            if res.pose_landmarks:
                for i, lm in enumerate(res.pose_landmarks.landmark):
                    kp[i], conf[i], depth[i] = (lm.x * w, lm.y * h), lm.visibility, lm.z * w
            camera.update(frame.image, person_box_from_keypoints(kp, conf), frame.timestamp_s)
            times.append(frame.timestamp_s)
            points.append(kp)
            confs.append(conf)
            depths.append(depth)
    track = PoseTrack(np.array(times), np.array(points), np.array(confs), size, str(path),
                      depth=np.array(depths))  # fmt: skip
    return track, camera.result()


def _reverse(track: PoseTrack, cam):  # type: ignore[no-untyped-def]
    from crawlcoach.motion import CameraMotion

    end = track.timestamps_s[-1]
    rev = PoseTrack(end - track.timestamps_s[::-1], track.keypoints_px[::-1],
                    track.confidence[::-1], track.frame_size, "reversed",
                    depth=track.depth[::-1])  # fmt: skip
    return rev, CameraMotion(end - cam.timestamps_s[::-1], cam.to_reference[::-1], cam.valid[::-1])


@pytest.mark.clips
@pytest.mark.parametrize("stem", FORWARD)
def test_forward_clip_forward_and_reversed_backward(stem: str) -> None:
    path = CLIPS / "ucf101-dev" / f"{stem}.avi"
    if not path.exists():
        pytest.skip(f"real clips not found at {CLIPS}: they live beside the repository")
    track, cam = _track_and_camera(path)
    result = analyze_motion(track, camera_motion=cam)
    assert result.locomotion["dominant_direction"] == "forward", result.locomotion
    assert result.locomotion["crawling"] is True
    rev_track, rev_cam = _reverse(track, cam)
    reversed_result = analyze_motion(rev_track, camera_motion=rev_cam)
    assert reversed_result.locomotion["dominant_direction"] == "backward"
