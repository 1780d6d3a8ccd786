"""Only self-contained video files are opened: never a playlist or list that names other files."""

from __future__ import annotations

from pathlib import Path

import pytest
from video_samples import make_video

from crawlcoach.video import NotAVideo, iter_frames, opening, probe

OPENERS = [pytest.param(probe, id="probe"), pytest.param(iter_frames, id="iter_frames")]


def hls_playlist(folder: Path, target: Path) -> Path:
    playlist = folder / "baby.m3u8"
    playlist.write_text(
        f"#EXTM3U\n#EXT-X-TARGETDURATION:10\n#EXTINF:10,\n{target.name}\n#EXT-X-ENDLIST\n"
    )
    return playlist


def ffconcat_list(folder: Path, target: Path) -> Path:
    listing = folder / "baby.ffconcat"
    listing.write_text(f"ffconcat version 1.0\nfile '{target.name}'\n")
    return listing


LISTS = [pytest.param(hls_playlist, id="hls"), pytest.param(ffconcat_list, id="ffconcat")]


@pytest.mark.parametrize("open_", OPENERS)
@pytest.mark.parametrize("make_list", LISTS)
def test_a_list_naming_a_real_local_video_is_refused(tmp_path: Path, make_list, open_) -> None:
    real = make_video(tmp_path / "real.mp4", frames=20)
    listing = make_list(tmp_path, real)
    with pytest.raises(NotAVideo, match="playlist or a list of other files, not a video") as got:
        open_(listing)
    assert "the video file itself" in got.value.message
    assert got.value.kind == "not_a_video"


@pytest.mark.parametrize("make_list", LISTS)
def test_the_format_allow_list_refuses_lists_even_without_the_early_check(
    tmp_path: Path, make_list, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The first-bytes check is only for the message: FFmpeg itself must refuse these demuxers.
    monkeypatch.setattr(opening, "_PLAYLIST_MARKERS", (b"\x00never\x00",))
    real = make_video(tmp_path / "real.mp4", frames=20)
    with pytest.raises(NotAVideo):
        probe(make_list(tmp_path, real))


def test_a_playlist_under_a_video_name_is_refused(tmp_path: Path) -> None:
    real = make_video(tmp_path / "real.mp4", frames=20)
    disguised = hls_playlist(tmp_path, real).rename(tmp_path / "holiday.mp4")
    with pytest.raises(NotAVideo, match="playlist"):
        probe(disguised)


@pytest.mark.parametrize(
    ("name", "codec", "pix_fmt", "container"),
    [
        ("clip.mp4", "libx264", "yuv420p", "mov,mp4,m4a,3gp,3g2,mj2"),
        ("clip.avi", "mpeg4", "yuv420p", "avi"),
        ("clip.webm", "libvpx-vp9", "yuv420p", "matroska,webm"),
        ("clip.gif", "gif", "rgb8", "gif"),
        ("clip.ts", "libx264", "yuv420p", "mpegts"),
    ],
)
def test_ordinary_containers_still_open(
    tmp_path: Path, name: str, codec: str, pix_fmt: str, container: str
) -> None:
    path = make_video(tmp_path / name, codec=codec, pix_fmt=pix_fmt, frames=10)
    assert probe(path).container == container
    with iter_frames(path, fps=None) as stream:
        assert len(list(stream)) == 10
