"""Video input: probe a file and stream upright, timestamped frames at the analysis rate;
write browser-playable MP4s."""

from crawlcoach.video.errors import NotAVideo, VideoDamaged, VideoError, VideoNotFound
from crawlcoach.video.frames import DEFAULT_ANALYSIS_FPS, FrameStream, iter_frames, probe
from crawlcoach.video.types import Frame, VideoInfo
from crawlcoach.video.writer import VideoWriter

__all__ = [
    "DEFAULT_ANALYSIS_FPS",
    "Frame",
    "FrameStream",
    "NotAVideo",
    "VideoDamaged",
    "VideoError",
    "VideoInfo",
    "VideoNotFound",
    "VideoWriter",
    "iter_frames",
    "probe",
]
