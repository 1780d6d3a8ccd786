"""``crawlcoach share``: a copy to send to a therapist, faces blurred or skeleton only."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import av
import numpy as np
import pytest
from click.testing import CliRunner, Result

from crawlcoach.cli import cli
from crawlcoach.pose.keypoints import COUNT
from crawlcoach.pose.track import PoseTrack

MakeVideo = Callable[..., Path]


def share(*args: str) -> Result:
    return CliRunner().invoke(cli, ["share", *args])


def _saved_track(path: Path) -> Path:
    rows = 20
    points = np.tile(np.linspace(20, 100, COUNT)[:, None], (1, 2))
    PoseTrack(
        timestamps_s=np.arange(rows) / 10.0,
        keypoints_px=np.repeat(points[None], rows, axis=0),
        confidence=np.full((rows, COUNT), 0.9),
        frame_size=(160, 120),
        source="test",
    ).save(path)
    return path


def test_the_skeleton_only_copy_comes_from_a_saved_track(make_video, tmp_path: Path) -> None:
    video = make_video("clip.mp4")
    out = tmp_path / "skeleton.mp4"
    result = share(str(video), "--skeleton-only", "--track", str(_saved_track(tmp_path / "t.npz")),
                   "-o", str(out))  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "skeleton only, 20 frames" in result.output
    with av.open(str(out)) as container:
        assert container.streams.video[0].codec_context.name == "h264"
        assert not container.streams.audio


def test_a_face_blurred_copy_from_a_saved_track(make_video, tmp_path: Path) -> None:
    video = make_video("clip.mp4", seconds=2.0, fps=10)
    out = tmp_path / "blurred.mp4"
    track = _saved_track(tmp_path / "t.npz")
    result = share(str(video), "--blur-faces", "--track", str(track), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert "faces blurred in 20 of 20 frames" in result.output


def test_which_copy_must_be_said(make_video, tmp_path: Path) -> None:
    result = share(str(make_video()), "-o", str(tmp_path / "o.mp4"))
    assert result.exit_code == 2
    assert "--blur-faces or --skeleton-only" in result.output


@pytest.mark.parametrize("name", ["copy.avi", "missing/copy.mp4"])
def test_a_bad_output_is_refused_before_any_work(make_video, tmp_path: Path, name: str) -> None:
    result = share(str(make_video()), "--skeleton-only", "-o", str(tmp_path / name))
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_a_file_that_is_not_a_track_is_refused(make_video, tmp_path: Path) -> None:
    bad = tmp_path / "t.npz"
    bad.write_bytes(b"not a track")
    result = share(str(make_video()), "--skeleton-only", "--track", str(bad),
                   "-o", str(tmp_path / "o.mp4"))  # fmt: skip
    assert result.exit_code == 2
    assert "is not a pose track we can read" in result.output
