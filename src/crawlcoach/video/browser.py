"""Which videos a web browser plays as they are, and which need a plain H.264 copy to be watched.

Every current browser plays H.264 in MP4/MOV and VP8/VP9/AV1 in WebM. HEVC plays only in Safari
and on some hardware, MPEG-4 Part 2 (most AVI files), MJPEG, WMV, MPEG-1/2 and GIF nowhere as a
``<video>``: those get a copy.
"""

from __future__ import annotations

from crawlcoach.video.types import VideoInfo

# FFmpeg's names: the container as ``VideoInfo.container`` gives it, the codec as ``codec``.
_MP4_FAMILY = "mov,mp4,m4a,3gp,3g2,mj2"
_WEBM_FAMILY = "matroska,webm"
PLAYABLE = {
    _MP4_FAMILY: {"h264", "av1", "vp9"},
    _WEBM_FAMILY: {"vp8", "vp9", "av1"},
}


def plays_in_browsers(info: VideoInfo) -> bool:
    """True when every current browser can play the file as it is."""
    return info.codec in PLAYABLE.get(info.container, set())
