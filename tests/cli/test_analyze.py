import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from crawlcoach.cli import cli

CLIP = "ucf101-dev/v_BabyCrawling_g04_c02.avi"
MakeVideo = Callable[..., Path]


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, ["analyze", *args])


def test_jsonl_has_one_line_per_video_even_when_all_fail(tmp_path: Path) -> None:
    bad = tmp_path / "bad.mov"
    bad.write_bytes(b"\x00" * 100)
    result = run(str(tmp_path / "missing.mp4"), str(bad), "--format", "jsonl")
    assert result.exit_code == 1
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [Path(line["video"]["path"]).name for line in lines] == ["missing.mp4", "bad.mov"]
    assert [line["error"]["kind"] for line in lines] == ["file_not_found", "not_a_video"]


def test_text_names_the_file_and_the_problem(tmp_path: Path) -> None:
    result = run(str(tmp_path / "missing.mp4"))
    assert result.exit_code == 1
    assert "missing.mp4" in result.stdout
    assert "could not analyse" in result.stdout


def unreadable_video(path: Path, make_video: MakeVideo, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A video this user may not read. chmod 000 stops everyone but root; as root (CI containers)
    the refusal is simulated where every reader asks for it: os.access (click and crawlcoach)."""
    video = make_video(path.name)
    video.chmod(0)
    if os.geteuid() == 0:
        real_access = os.access

        def access(target: object, mode: int, *args: object, **kwargs: object) -> bool:
            if Path(str(target)).resolve() == video.resolve() and mode & os.R_OK:
                return False
            return real_access(target, mode, *args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(os, "access", access)
    return video


def test_each_unusable_path_is_its_own_error_and_the_run_goes_on(
    tmp_path: Path, make_video: MakeVideo, monkeypatch: pytest.MonkeyPatch
) -> None:
    locked = unreadable_video(tmp_path / "locked.mp4", make_video, monkeypatch)
    folder = tmp_path / "a_folder"
    folder.mkdir()
    loop = tmp_path / "loop.mp4"
    loop.symlink_to(tmp_path / "loop2.mp4")
    (tmp_path / "loop2.mp4").symlink_to(loop)
    paths = [locked, tmp_path / "missing.mp4", folder, loop]
    result = run(*map(str, paths), "--format", "jsonl")
    assert result.exit_code == 1, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["video"]["path"] for line in lines] == list(map(str, paths))
    kinds = [line["error"]["kind"] for line in lines]
    assert kinds == ["permission_denied", "file_not_found", "not_a_video", "symlink_loop"]
    loop_message = lines[3]["error"]["message"]
    assert "loops back on itself" in loop_message and "no such file" not in loop_message
    assert "4 of 4 video(s) could not be analysed" in result.stderr


def test_a_playlist_naming_a_real_local_video_is_refused(
    tmp_path: Path, make_video: MakeVideo
) -> None:
    real = make_video("real.mp4")
    playlist = tmp_path / "x.m3u8"
    playlist.write_text(f"#EXTM3U\n#EXTINF:2,\n{real.name}\n#EXT-X-ENDLIST\n")
    result = run(str(playlist), "--format", "json")
    assert result.exit_code == 1
    error = json.loads(result.stdout)["error"]
    assert error["kind"] == "not_a_video"
    assert "playlist" in error["message"] and "the video file itself" in error["message"]


def test_off_a_terminal_progress_is_a_plain_line_now_and_then(make_video: MakeVideo) -> None:
    video = make_video("floor.mp4", seconds=2.0)
    result = run(str(video), "--format", "json", "--progress-every", "0")
    lines = [line for line in result.stderr.splitlines() if line.startswith("video 1 of 1")]
    assert lines, result.stderr
    assert all("(floor.mp4): " in line and " of 2 s done; " in line for line in lines)
    assert lines[-1].endswith("s of video per second")
    assert "\r" not in result.stderr and "\x1b" not in result.stderr  # no terminal bar


def test_an_unwritable_save_tracks_folder_is_refused_before_any_work(tmp_path: Path) -> None:
    blocker = tmp_path / "a_file"
    blocker.write_text("")
    result = run(str(tmp_path / "x.mp4"), "--save-tracks", str(blocker / "tracks"))
    assert result.exit_code == 2
    assert "cannot create the folder" in result.output and "Traceback" not in result.output


@pytest.mark.clips
def test_json_for_one_real_clip_is_one_object(clips_dir: Path) -> None:
    result = run(str(clips_dir / CLIP), "--format", "json")
    assert result.exit_code == 0, result.output
    analysis = json.loads(result.stdout)
    assert analysis["schema"] == "crawlcoach.analysis/1"
    assert analysis["error"] is None


@pytest.mark.parametrize("option", ["--fps", "--progress-every"])
def test_nan_is_not_a_rate(tmp_path: Path, option: str) -> None:
    result = run(str(tmp_path / "x.mp4"), option, "nan")
    assert result.exit_code == 2
    assert f"Invalid value for '{option}': 'nan' is not a number." in result.output
