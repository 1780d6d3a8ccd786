import os
from collections.abc import Callable
from pathlib import Path

import av
import pytest
from click.testing import CliRunner, Result

from crawlcoach.cli import cli

MakeVideo = Callable[..., Path]


@pytest.mark.clips
def test_annotate_writes_browser_playable_h264(clips_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "skeleton.mp4"
    clip = clips_dir / "ucf101-dev/v_BabyCrawling_g08_c04.avi"
    result = CliRunner().invoke(cli, ["annotate", str(clip), "-o", str(out)])
    assert result.exit_code == 0, result.output
    with av.open(str(out)) as container:
        stream = container.streams.video[0]
        assert stream.codec_context.name == "h264"
        assert stream.codec_context.pix_fmt == "yuv420p"
        frames = sum(1 for _ in container.decode(stream))
    assert frames == pytest.approx(95 / 25 * 15, abs=2)


def test_annotate_refuses_a_file_that_is_not_a_video(tmp_path: Path) -> None:
    bad = tmp_path / "photo.mp4"
    bad.write_text("not a video")
    result = CliRunner().invoke(cli, ["annotate", str(bad), "-o", str(tmp_path / "o.mp4")])
    assert result.exit_code == 1
    assert "photo.mp4" in result.output


def annotate(*args: str) -> Result:
    return CliRunner().invoke(cli, ["annotate", *args])


def test_writing_over_the_input_is_refused_before_any_work(
    tmp_path: Path, make_video: MakeVideo
) -> None:
    video = make_video("baby.mp4")
    original = video.read_bytes()
    link = tmp_path / "link.mp4"
    link.symlink_to(video)
    for out in (video, tmp_path / "." / "baby.mp4", link):
        result = annotate(str(video), "-o", str(out))
        assert result.exit_code == 2, result.output
        assert "is the input video itself" in result.output
        assert "could not find a baby" not in result.output  # no tracking was done
    assert video.read_bytes() == original


@pytest.mark.parametrize("name", ["skeleton.avi", "skeleton.mov", "skeleton"])
def test_an_output_name_that_is_not_mp4_is_refused(
    tmp_path: Path, make_video: MakeVideo, name: str
) -> None:
    result = annotate(str(make_video("baby.mp4")), "-o", str(tmp_path / name))
    assert result.exit_code == 2
    assert "the skeleton video is written as MP4; name it .mp4" in result.output
    assert not (tmp_path / name).exists()


def test_an_output_in_a_missing_folder_is_refused_up_front(
    tmp_path: Path, make_video: MakeVideo
) -> None:
    out = tmp_path / "no" / "such" / "skeleton.mp4"
    result = annotate(str(make_video("baby.mp4")), "-o", str(out))
    assert result.exit_code == 2
    assert "does not exist" in result.output and "could not find a baby" not in result.output


def test_an_output_under_a_file_is_refused_up_front(tmp_path: Path, make_video: MakeVideo) -> None:
    blocker = tmp_path / "notes.txt"
    blocker.write_text("")
    result = annotate(str(make_video("baby.mp4")), "-o", str(blocker / "skeleton.mp4"))
    assert result.exit_code == 2
    assert "is a file, not a folder" in result.output


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux's /proc")
def test_an_output_folder_nobody_can_write_is_refused_up_front(make_video: MakeVideo) -> None:
    # /proc takes no new files, not even from root: a real unwritable folder for any user.
    result = annotate(str(make_video("baby.mp4")), "-o", "/proc/skeleton.mp4")
    assert result.exit_code == 2
    assert "is not writable" in result.output and "could not find a baby" not in result.output


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders anyway")
def test_a_read_only_output_folder_is_refused_up_front(
    tmp_path: Path, make_video: MakeVideo
) -> None:
    video = make_video("baby.mp4")
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        result = annotate(str(video), "-o", str(locked / "skeleton.mp4"))
    finally:
        locked.chmod(0o755)
    assert result.exit_code == 2
    assert "is not writable" in result.output
