"""Video input: probe a file and stream upright, timestamped frames at the analysis rate."""

from crawlcoach.video.errors import NotAVideo, VideoDamaged, VideoError, VideoNotFound
from crawlcoach.video.frames import DEFAULT_ANALYSIS_FPS, iter_frames, probe
from crawlcoach.video.types import Frame, VideoInfo

__all__ = [
    "DEFAULT_ANALYSIS_FPS",
    "Frame",
    "NotAVideo",
    "VideoDamaged",
    "VideoError",
    "VideoInfo",
    "VideoNotFound",
    "iter_frames",
    "probe",
]
