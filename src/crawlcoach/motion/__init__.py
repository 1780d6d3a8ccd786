"""Motion analysis: from a pose track (and the camera's own motion), what the baby did."""

from crawlcoach.motion.camera import (
    CameraMotion,
    CameraMotionEstimator,
    camera_motion_for_track,
    estimate_camera_motion,
    person_box_from_keypoints,
)
from crawlcoach.motion.result import MotionResult, analyze_motion

__all__ = [
    "CameraMotion",
    "CameraMotionEstimator",
    "MotionResult",
    "analyze_motion",
    "camera_motion_for_track",
    "estimate_camera_motion",
    "person_box_from_keypoints",
]
