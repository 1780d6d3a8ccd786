"""Files that are missing, not videos, or damaged: clear errors, or frames plus a warning."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path

import cv2
import numpy as np
import pytest
from video_samples import cut_in_half, make_audio, make_video

from crawlcoach.errors import CrawlcoachError
from crawlcoach.video import NotAVideo, VideoDamaged, VideoNotFound, iter_frames, probe

VideoFactory = Callable[..., Path]
OPENERS = [pytest.param(probe, id="probe"), pytest.param(iter_frames, id="iter_frames")]


@pytest.mark.parametrize("open_", OPENERS)
def test_missing_file(tmp_path: Path, open_: Callable[[Path], object]) -> None:
    path = tmp_path / "nowhere.mp4"
    with pytest.raises(VideoNotFound, match="no such file") as caught:
        open_(path)
    assert str(path) in caught.value.message
    assert isinstance(caught.value, CrawlcoachError) and caught.value.kind == "file_not_found"


@pytest.mark.parametrize("open_", OPENERS)
def test_empty_file(tmp_path: Path, open_: Callable[[Path], object]) -> None:
    path = tmp_path / "empty.mp4"
    path.touch()
    with pytest.raises(NotAVideo, match=r"empty \(0 bytes\)"):
        open_(path)


@pytest.mark.parametrize("open_", OPENERS)
def test_text_file_named_mp4(tmp_path: Path, open_: Callable[[Path], object]) -> None:
    path = tmp_path / "notes.mp4"
    path.write_text("Shopping list: nappies, wipes, a rattle.\n" * 20)
    with pytest.raises(NotAVideo, match="not a video file") as caught:
        open_(path)
    assert caught.value.kind == "not_a_video"
    assert caught.value.as_dict()["message"].startswith(str(path))


def test_playlist_cannot_make_us_fetch_urls(tmp_path: Path) -> None:
    path = tmp_path / "sneaky.mp4"
    path.write_text("#EXTM3U\n#EXTINF:10,\nhttp://127.0.0.1:9/a.ts\n#EXT-X-ENDLIST\n")
    with pytest.raises(NotAVideo):
        probe(path)


@pytest.mark.parametrize("suffix", [".png", ".jpg"])
def test_still_picture(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"photo{suffix}"
    cv2.imwrite(str(path), np.full((48, 64, 3), 128, np.uint8))
    with pytest.raises(NotAVideo, match="still picture"):
        probe(path)
    renamed = path.rename(tmp_path / "photo.mp4")  # the name does not fool us either
    with pytest.raises(NotAVideo, match="still picture"):
        iter_frames(renamed)


def test_audio_only_file(tmp_path: Path) -> None:
    path = make_audio(tmp_path / "lullaby.wav")
    with pytest.raises(NotAVideo, match="sound but no picture"):
        probe(path)


def test_folder_instead_of_file(tmp_path: Path) -> None:
    with pytest.raises(NotAVideo, match="folder"):
        probe(tmp_path)


def test_mp4_cut_before_its_index_is_damaged(tmp_path: Path) -> None:
    # Cameras write the MP4 index (moov) at the end: half a file cannot even be opened.
    whole = make_video(tmp_path / "whole.mp4", frames=30)
    cut = cut_in_half(whole, tmp_path / "cut.mp4")
    with pytest.raises(VideoDamaged, match="damaged or incomplete") as caught:
        probe(cut)
    assert caught.value.kind == "video_damaged"


def test_video_header_with_garbage_is_damaged(tmp_path: Path) -> None:
    whole = make_video(
        tmp_path / "whole.mp4", frames=10, container_options={"movflags": "+faststart"}
    )
    data = bytearray(whole.read_bytes())
    mdat = data.index(b"mdat") + 4
    data[mdat:] = bytes(np.random.default_rng(0).integers(0, 256, len(data) - mdat, np.uint8))
    broken = tmp_path / "broken.mp4"
    broken.write_bytes(bytes(data))
    with pytest.raises(VideoDamaged):
        list(iter_frames(broken))


@pytest.mark.parametrize(
    ("name", "codec", "container_options"),
    [
        pytest.param("clip.mp4", "libx264", {"movflags": "+faststart"}, id="mp4-faststart"),
        pytest.param("clip.avi", "mpeg4", None, id="avi"),
        pytest.param("clip.webm", "libvpx-vp9", None, id="webm"),
    ],
)
def test_file_cut_part_way_yields_what_decodes_and_says_it_ended_early(
    tmp_path: Path, name: str, codec: str, container_options: dict[str, str] | None
) -> None:
    whole = make_video(
        tmp_path / name, codec=codec, frames=50, container_options=container_options, noisy=True
    )
    cut = cut_in_half(whole, tmp_path / f"cut_{name}")

    info = probe(cut)  # still cheap and fine: the start of the file is intact
    assert info.width == 64
    with iter_frames(cut, fps=None) as stream:
        frames = list(stream)
    assert 5 < len(frames) < 50
    assert stream.finished and stream.ended_early
    assert any("ends early" in problem and "cut_" in problem for problem in stream.problems)


def test_complete_file_does_not_end_early(tmp_path: Path) -> None:
    whole = make_video(tmp_path / "whole.avi", codec="mpeg4", frames=50)
    with iter_frames(whole) as stream:
        list(stream)
    assert not stream.ended_early and stream.problems == []


def test_a_tail_cut_off_by_a_fraction_of_a_second_is_not_reported_as_x_of_x(
    tmp_path: Path,
) -> None:
    # 99 frames at 60 fps declare 1.65 s; losing the last few frames leaves the last frame read
    # at about 1.58 s: both round to 1.6 s, which once read "up to 1.6 s of the 1.6 s".
    whole = make_video(
        tmp_path / "whole.mp4",
        frames=99,
        fps=60,
        noisy=True,
        container_options={"movflags": "+faststart"},
    )
    data = whole.read_bytes()
    messages = []
    for cut in range(500, 4001, 500):
        cut_file = tmp_path / f"cut{cut}.mp4"
        cut_file.write_bytes(data[:-cut])
        with iter_frames(cut_file, fps=None) as stream:
            list(stream)
        if stream.ended_early:
            messages += [p for p in stream.problems if "ends early" in p]
    assert messages
    for message in messages:
        said = re.search(r"up to ([\d.]+) s of the ([\d.]+) s", message)
        assert said is None or said[1] != said[2], message
    assert any("frame(s) could not be read" in message for message in messages)


@pytest.mark.parametrize("make_special", ["fifo", "device"])
def test_a_pipe_or_device_is_not_read(tmp_path: Path, make_special: str) -> None:
    if make_special == "fifo":
        path = tmp_path / "pipe.mp4"
        os.mkfifo(path)  # reading it would wait forever for a writer
    else:
        path = Path("/dev/zero")
        if not path.exists():
            pytest.skip("no /dev/zero here")
    with pytest.raises(NotAVideo, match="device or pipe"):
        probe(path)
