"""The MP4 writer: H.264 + yuv420p + faststart that browsers play, written atomically."""

from __future__ import annotations

from pathlib import Path

import av
import numpy as np
import pytest

from crawlcoach.video import VideoError, iter_frames, probe
from crawlcoach.video.writer import VideoWriter


def coloured(width: int, height: int, i: int) -> np.ndarray:
    image = np.zeros((height, width, 3), np.uint8)
    image[..., 0] = 200
    image[: height // 2, : width // 2] = (0, 200, 0)
    image[..., 2] = 10 * i
    return image


def test_writes_a_browser_playable_mp4(tmp_path: Path) -> None:
    out = tmp_path / "annotated.mp4"
    with VideoWriter(out, fps=15, width=64, height=48) as writer:
        for i in range(15):
            writer.write(coloured(64, 48, i))
    assert writer.frames_written == 15

    data = out.read_bytes()
    assert data.index(b"moov") < data.index(b"mdat")  # +faststart: playable while downloading
    with av.open(str(out)) as container:
        codec = container.streams.video[0].codec_context
        assert (codec.name, codec.pix_fmt, codec.profile) == ("h264", "yuv420p", "High")
    info = probe(out)
    assert (info.width, info.height, info.frame_count) == (64, 48, 15)
    assert info.fps == pytest.approx(15)
    frames = list(iter_frames(out, fps=None))
    assert [f.timestamp_s for f in frames] == pytest.approx(np.arange(15) / 15, abs=1e-3)
    diff = np.abs(frames[3].image.astype(int) - coloured(64, 48, 3)).mean()
    assert diff < 6  # colours survive the BT.709 round trip
    assert not list(tmp_path.glob(".*part"))


def test_odd_sizes_are_padded_to_even(tmp_path: Path) -> None:
    out = tmp_path / "odd.mp4"
    with VideoWriter(out, fps=10, width=33, height=21) as writer:
        writer.write(coloured(33, 21, 0))
    info = probe(out)
    assert (info.width, info.height) == (34, 22)


def test_timestamps_are_kept_for_irregular_frames(tmp_path: Path) -> None:
    out = tmp_path / "vfr.mp4"
    times = [0.0, 0.04, 0.12, 0.16, 0.5, 0.52]
    with VideoWriter(out, fps=15, width=32, height=32) as writer:
        for t in times:
            writer.write(coloured(32, 32, 0), timestamp_s=t)
    got = [f.timestamp_s for f in iter_frames(out, fps=None)]
    assert got == pytest.approx(times, abs=1e-3)


def test_failure_inside_the_block_leaves_no_file(tmp_path: Path) -> None:
    out = tmp_path / "broken.mp4"
    with pytest.raises(RuntimeError), VideoWriter(out, fps=15, width=32, height=32) as writer:
        writer.write(coloured(32, 32, 0))
        raise RuntimeError("pose backend crashed")
    assert list(tmp_path.iterdir()) == []


def test_wrong_image_size_is_a_clear_error(tmp_path: Path) -> None:
    with VideoWriter(tmp_path / "x.mp4", fps=15, width=32, height=32) as writer:
        with pytest.raises(ValueError, match=r"\(32, 32, 3\) uint8"):
            writer.write(np.zeros((16, 32, 3), np.uint8))
        writer.write(coloured(32, 32, 0))


def test_missing_output_folder(tmp_path: Path) -> None:
    with pytest.raises(VideoError, match="does not exist") as caught:
        VideoWriter(tmp_path / "no" / "such" / "x.mp4", fps=15, width=32, height=32)
    assert caught.value.kind == "cannot_write"
