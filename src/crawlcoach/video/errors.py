"""Video problems a user can fix, each with a message that names the file and what to do."""

from __future__ import annotations

from crawlcoach.errors import CrawlcoachError


class VideoError(CrawlcoachError):
    kind = "video_error"


class VideoNotFound(VideoError):
    kind = "file_not_found"


class NotAVideo(VideoError):
    kind = "not_a_video"


class VideoDamaged(VideoError):
    kind = "video_damaged"
