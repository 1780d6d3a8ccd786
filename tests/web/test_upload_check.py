"""The upload's content check (the one the upload view calls) refuses playlists and lists."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from crawlcoach.video import VideoInfo
from crawlcoach.web.videos.upload import Rejection, check_video

PLAYLISTS = {
    "hls": "#EXTM3U\n#EXT-X-TARGETDURATION:10\n#EXTINF:10,\nreal.mp4\n#EXT-X-ENDLIST\n",
    "ffconcat": "ffconcat version 1.0\nfile 'real.mp4'\n",
}


@pytest.mark.parametrize("kind", PLAYLISTS)
def test_an_uploaded_list_naming_a_local_video_is_rejected(
    tmp_path: Path, make_video: Callable[..., Path], kind: str
) -> None:
    make_video("real.mp4")
    upload = tmp_path / "upload.m3u8"  # the upload's temporary file sits beside the video
    upload.write_text(PLAYLISTS[kind])
    checked = check_video(upload)
    assert isinstance(checked, Rejection)
    assert checked.status == 415
    assert "playlist" in checked.message
    assert str(tmp_path) not in checked.message  # the server's paths are never shown


def test_an_uploaded_mp4_passes(make_video: Callable[..., Path]) -> None:
    assert isinstance(check_video(make_video("real.mp4")), VideoInfo)
