"""Opening a user's file as a video; every way that can fail becomes a message they can act on."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import av
from av.container import InputContainer
from av.stream import Disposition
from av.video.stream import VideoStream

from crawlcoach.video.errors import (
    NotAVideo,
    PlaylistNotVideo,
    VideoDamaged,
    VideoError,
    VideoNotFound,
)

# Demuxers of self-contained video files, as FFmpeg names them. An allow-list rather than a
# block-list: FFmpeg also has demuxers that read *other* files or URLs named inside the input
# (hls/m3u8 playlists, concat/ffconcat lists, sdp, dash manifests, image2 file-name patterns...),
# which would let a small text file make us analyse, or an upload make the server read, whatever
# it names. Anything not listed here is refused before its demuxer reads a byte past the probe.
CONTAINER_FORMATS = (
    "mov,mp4,m4a,3gp,3g2,mj2",  # MP4, MOV, 3GP: what phones record
    "matroska,webm",
    "avi",
    "gif",
    "mpegts",  # .ts, and AVCHD camcorders' .mts
    "mpeg",  # MPEG program streams: .mpg, .vob
    "flv",
    "asf",  # .wmv
    "ogg",
    "dv",
    # Sound-only files, opened only so that the message can say "audio, not video".
    "wav",
    "mp3",
    "aac",
    "flac",
)
_OPEN_OPTIONS = {
    "protocol_whitelist": "file",  # only local files, never a URL
    "format_whitelist": ",".join(CONTAINER_FORMATS),
}
# First bytes of the lists FFmpeg would follow (its own probes look for exactly these).
_PLAYLIST_MARKERS = (b"#EXTM3U", b"ffconcat version", b"v=0\r\n", b"v=0\n")

_STILL_IMAGE_CODECS = frozenset({"png", "mjpeg", "webp", "bmp", "tiff", "jpeg2000", "jpegls"})
_STILL_IMAGE_BRANDS = frozenset({b"heic", b"heix", b"heim", b"heis", b"mif1", b"msf1", b"avif"})

TRY_AGAIN = "copy the original video from the phone or camera again and retry"


def check_path(path: Path) -> None:
    """Fail early, with a clear message, for paths that cannot hold a readable video."""
    try:
        status = path.stat()
    except OSError as exc:
        raise _stat_error(path, exc) from exc
    if stat.S_ISDIR(status.st_mode):
        raise NotAVideo(f"{path} is a folder, not a video file. Give the path of a video file.")
    if not stat.S_ISREG(status.st_mode):  # a pipe would block, a device would never end
        raise NotAVideo(
            f"{path} is not a file but a device or pipe. Give the path of a video file."
        )
    if not os.access(path, os.R_OK):
        raise _permission_denied(path)
    if status.st_size == 0:
        raise NotAVideo(
            f"{path} is empty (0 bytes), so there is no video in it. The recording, copy or upload "
            f"probably failed: {TRY_AGAIN}."
        )


def open_video(path: Path) -> tuple[InputContainer, VideoStream]:
    """Open ``path`` and pick its video stream. The caller owns (and must close) the container."""
    check_path(path)
    head = _read_head(path)
    if _is_still_image(head):
        raise _still_image_error(path)
    if _is_playlist(head):
        raise _playlist_error(path)
    try:
        container = av.open("file:" + str(path.resolve()), options=_OPEN_OPTIONS)
    except av.error.PermissionError as exc:
        raise _permission_denied(path) from exc
    except (av.error.FFmpegError, OSError, UnicodeError) as exc:
        raise _unreadable_error(path, head) from exc
    try:
        if container.format.name not in CONTAINER_FORMATS:  # the whitelist should make this moot
            raise _unreadable_error(path, head)
        stream = _pick_video_stream(path, container, head)
    except BaseException:
        container.close()
        raise
    return container, stream


def _pick_video_stream(path: Path, container: InputContainer, head: bytes) -> VideoStream:
    moving = [s for s in container.streams.video if not s.disposition & Disposition.attached_pic]
    if not moving:
        if container.streams.audio:
            raise NotAVideo(
                f"{path} has sound but no picture: it is an audio file, not a video. "
                "Choose a video file (for example the .mp4 or .mov the phone's camera recorded)."
            )
        if _looks_like_video_container(head):
            raise VideoDamaged(
                f"{path} looks like a video file but holds no readable picture: it is probably "
                f"damaged or incomplete; {TRY_AGAIN}."
            )
        raise NotAVideo(
            f"{path} is not a video file (no picture found in it). Choose a video file such as "
            ".mp4, .mov, .webm or .avi."
        )
    defaults = [s for s in moving if s.disposition & Disposition.default]
    stream = (defaults or moving)[0]
    if stream.codec_context.name in _STILL_IMAGE_CODECS and stream.frames == 1:  # a lone photo
        raise _still_image_error(path)
    return stream


def _still_image_error(path: Path) -> NotAVideo:
    return NotAVideo(
        f"{path} is a still picture, not a video. Film the baby moving (a clip of 10 s to "
        "a few minutes) and give that video file."
    )


def _stat_error(path: Path, exc: OSError) -> VideoError:
    if exc.errno == errno.ELOOP:
        return VideoError(
            f"{path} is a symbolic link that loops back on itself, so it leads to no file. "
            "Give the path of the video file itself.",
            kind="symlink_loop",
        )
    if exc.errno in (errno.EACCES, errno.EPERM):
        return _permission_denied(path)
    if exc.errno in (errno.ENOENT, errno.ENOTDIR):
        if path.is_symlink():
            return VideoNotFound(
                f"{path} is a symbolic link to a file that does not exist (any more). "
                "Give the path of the video file itself."
            )
        return VideoNotFound(f"{path}: no such file. Check the path and try again.")
    return VideoError(f"{path}: cannot be read ({exc.strerror}).", kind="unreadable")


def _permission_denied(path: Path) -> VideoError:
    return VideoError(
        f"{path}: permission denied. Make the file readable for this user and try again.",
        kind="permission_denied",
    )


def _playlist_error(path: Path) -> PlaylistNotVideo:
    return PlaylistNotVideo(
        f"{path} is a playlist or a list of other files, not a video: crawlcoach does not follow "
        "what it names. Give (or upload) the video file itself, for example the .mp4 or .mov "
        "the phone recorded."
    )


def _unreadable_error(path: Path, head: bytes) -> VideoError:
    if _is_playlist(head):
        return _playlist_error(path)
    if _is_other_still_image(head):
        return _still_image_error(path)
    if _looks_like_video_container(head):
        return VideoDamaged(
            f"{path} looks like a video file but cannot be opened: it is damaged or incomplete "
            f"(for example a recording or copy that was cut off); {TRY_AGAIN}."
        )
    return NotAVideo(
        f"{path} is not a video file that can be read. Choose a video file such as .mp4, .mov, "
        ".webm or .avi."
    )


def _read_head(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(512)
    except PermissionError as exc:
        raise _permission_denied(path) from exc
    except OSError as exc:
        raise VideoError(f"{path}: cannot be read ({exc.strerror}).", kind="unreadable") from exc


def _is_still_image(head: bytes) -> bool:
    if head[:8] == b"\x89PNG\r\n\x1a\n" or head[:3] == b"\xff\xd8\xff":
        return True
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return True
    return head[4:8] == b"ftyp" and head[8:12] in _STILL_IMAGE_BRANDS


def _is_playlist(head: bytes) -> bool:
    text = head.removeprefix(b"\xef\xbb\xbf").lstrip()  # a byte-order mark, blank lines
    return text.startswith(_PLAYLIST_MARKERS)


def _is_other_still_image(head: bytes) -> bool:
    """Picture formats told apart only once FFmpeg has refused them: two-byte magic numbers are
    too weak to judge a file by before that."""
    return head[:2] == b"BM" or head[:4] in (b"II*\x00", b"MM\x00*")  # BMP, TIFF


def _looks_like_video_container(head: bytes) -> bool:
    """Magic numbers of the containers phones and cameras write (to tell damaged from foreign)."""
    return (
        head[4:8] in (b"ftyp", b"moov", b"mdat", b"wide", b"free", b"skip")  # MP4 / MOV / 3GP
        or (head[:4] == b"RIFF" and head[8:12] == b"AVI ")
        or head[:4] == b"\x1a\x45\xdf\xa3"  # Matroska / WebM
        or head[:4] in (b"GIF8", b"OggS", b"\x00\x00\x01\xba", b"\x00\x00\x01\xb3")
        or head[:3] == b"FLV"
        or head[:16] == bytes.fromhex("3026b2758e66cf11a6d900aa0062ce6c")  # ASF / WMV
        or (len(head) > 188 and head[0] == 0x47 and head[188] == 0x47)  # MPEG-TS
    )
