"""The skeleton overlay and the browser copy come from the analysis' own decoded frames: one
decode of the source per video, and nothing left behind when the analysis fails."""

from __future__ import annotations

from pathlib import Path

import av
import pytest

from crawlcoach.pipeline import AnalysisOptions, analyze_video
from crawlcoach.pose import open_backend
from crawlcoach.video import frames as frames_module
from crawlcoach.video import iter_frames, probe
from crawlcoach.video.browser import plays_in_browsers
from crawlcoach.video.writer import VideoWriter

CLIP = "ucf101-dev/v_BabyCrawling_g04_c02.avi"  # MPEG-4 Part 2 in AVI: no browser plays it


@pytest.fixture(scope="module")
def backend():
    with open_backend() as b:
        yield b


class CountingDecoder:
    """Wraps the video layer's decoder: how many times a source is opened for decoding and how
    many of its frames are decoded in all."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.opens = 0
        self.frames = 0
        real = frames_module.decode_frames

        def counting(*args, **kwargs):
            self.opens += 1
            for frame in real(*args, **kwargs):
                self.frames += 1
                yield frame

        monkeypatch.setattr(frames_module, "decode_frames", counting)


def _read(path: Path) -> tuple[str, int, tuple[int, int]]:
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        count = sum(1 for _ in container.decode(stream))
        return stream.codec_context.name, count, (stream.width, stream.height)


@pytest.mark.clips
def test_overlay_and_copy_come_from_one_decode(
    clips_dir: Path, backend, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = clips_dir / CLIP
    declared = probe(source).frame_count
    assert declared and not plays_in_browsers(probe(source))
    decoder = CountingDecoder(monkeypatch)
    overlay, copy = tmp_path / "annotated.mp4", tmp_path / "playable.mp4"
    result = analyze_video(
        source,
        options=AnalysisOptions(annotate_to=overlay, playable_copy_to=copy),
        backend=backend,
    )
    assert result["error"] is None
    assert decoder.opens == 1
    assert decoder.frames <= declared
    analysed = result["timing"]["frames_analysed"]
    for path in (overlay, copy):
        codec, count, size = _read(path)
        assert (codec, count, size) == ("h264", analysed, (320, 240))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["annotated.mp4", "playable.mp4"]


@pytest.mark.clips
def test_an_original_browsers_play_gets_no_copy(clips_dir: Path, backend, tmp_path: Path) -> None:
    mp4 = tmp_path / "phone.mp4"
    with (
        iter_frames(clips_dir / CLIP, fps=None) as frames,
        VideoWriter(mp4, fps=25, width=320, height=240) as writer,
    ):
        for frame in frames:
            writer.write(frame.image, frame.timestamp_s)
    assert plays_in_browsers(probe(mp4))
    overlay, copy = tmp_path / "annotated.mp4", tmp_path / "playable.mp4"
    result = analyze_video(
        mp4, options=AnalysisOptions(annotate_to=overlay, playable_copy_to=copy), backend=backend
    )
    assert result["error"] is None
    assert overlay.is_file() and not copy.exists()


def test_no_video_is_left_when_no_baby_is_found(make_video, backend, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = analyze_video(
        make_video("floor.mp4"),
        options=AnalysisOptions(
            annotate_to=out / "annotated.mp4", playable_copy_to=out / "playable.mp4"
        ),
        backend=backend,
    )
    assert result["error"]["kind"] == "no_baby_found"
    assert not out.exists() or list(out.iterdir()) == []
