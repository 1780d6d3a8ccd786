"""Opening a user's file as a video; every way that can fail becomes a message they can act on."""

from __future__ import annotations

import os
from pathlib import Path

import av
from av.container import InputContainer
from av.stream import Disposition
from av.video.stream import VideoStream

from crawlcoach.video.errors import NotAVideo, VideoDamaged, VideoError, VideoNotFound

# Only local files: a text file posing as a playlist must not make us fetch or read other URLs.
_OPEN_OPTIONS = {"protocol_whitelist": "file"}

_STILL_IMAGE_CODECS = frozenset({"png", "mjpeg", "webp", "bmp", "tiff", "jpeg2000", "jpegls"})
_STILL_IMAGE_BRANDS = frozenset({b"heic", b"heix", b"heim", b"heis", b"mif1", b"msf1", b"avif"})

TRY_AGAIN = "copy the original video from the phone or camera again and retry"


def check_path(path: Path) -> None:
    """Fail early, with a clear message, for paths that cannot hold a readable video."""
    if not path.exists():
        raise VideoNotFound(f"{path}: no such file. Check the path and try again.")
    if path.is_dir():
        raise NotAVideo(f"{path} is a folder, not a video file. Give the path of a video file.")
    if not os.access(path, os.R_OK):
        raise VideoError(
            f"{path}: permission denied. Make the file readable for this user and try again.",
            kind="permission_denied",
        )
    if path.stat().st_size == 0:
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
    try:
        container = av.open("file:" + str(path.resolve()), options=_OPEN_OPTIONS)
    except av.error.PermissionError as exc:
        raise VideoError(f"{path}: permission denied.", kind="permission_denied") from exc
    except (av.error.FFmpegError, OSError, UnicodeError) as exc:
        raise _unreadable_error(path, head) from exc
    try:
        stream = _pick_video_stream(path, container, head)
    except BaseException:
        container.close()
        raise
    return container, stream


def _pick_video_stream(path: Path, container: InputContainer, head: bytes) -> VideoStream:
    name = container.format.name
    if name == "image2" or (name.endswith("_pipe") and name != "gif_pipe"):  # image demuxers
        raise _still_image_error(path)
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


def _unreadable_error(path: Path, head: bytes) -> VideoError:
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
    except OSError as exc:
        raise VideoError(f"{path}: cannot be read ({exc.strerror}).", kind="unreadable") from exc


def _is_still_image(head: bytes) -> bool:
    if head[:8] == b"\x89PNG\r\n\x1a\n" or head[:3] == b"\xff\xd8\xff":
        return True
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return True
    return head[4:8] == b"ftyp" and head[8:12] in _STILL_IMAGE_BRANDS


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
