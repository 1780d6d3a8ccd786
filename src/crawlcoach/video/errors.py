"""Video problems a user can fix, each with a message that names the file and what to do."""

from __future__ import annotations

from crawlcoach.errors import CrawlcoachError


class VideoError(CrawlcoachError):
    """Any video problem; raised as such for files this user may not read (kind
    ``permission_denied``), symbolic links that loop (``symlink_loop``), other read failures
    (``unreadable``) and outputs that cannot be written (``cannot_write``)."""

    kind = "video_error"


class VideoNotFound(VideoError):
    """The path does not exist."""

    kind = "file_not_found"


class NotAVideo(VideoError):
    """The file holds no moving picture: empty (0 bytes), text, a still photo, audio only, a
    folder."""

    kind = "not_a_video"


class PlaylistNotVideo(NotAVideo):
    """A playlist or a list of other files (HLS, ffconcat, SDP): never followed, since what it
    names could be any file on the machine."""


class VideoDamaged(VideoError):
    """The file looks like a video but not a single frame can be decoded (a recording cut off
    before its index was written, garbage data). A file that breaks off part-way is not an error:
    ``iter_frames`` yields what decodes and reports it in ``FrameStream.problems``."""

    kind = "video_damaged"
