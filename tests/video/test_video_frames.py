"""Reading real-world videos: codecs, timestamps, sampling, rotation, downscaling."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
from video_samples import marked_image

from crawlcoach.video import Frame, iter_frames, probe

VideoFactory = Callable[..., Path]

FORMATS = [
    pytest.param("clip.mp4", "libx264", "yuv420p", "h264", id="mp4-h264"),
    pytest.param("clip.mov", "libx265", "yuv420p", "hevc", id="mov-hevc"),
    pytest.param("clip.webm", "libvpx-vp9", "yuv420p", "vp9", id="webm-vp9"),
    pytest.param("clip.avi", "mpeg4", "yuv420p", "mpeg4", id="avi-mpeg4"),
    pytest.param("clip.gif", "gif", "rgb8", "gif", id="gif"),
]


def close_to(image: np.ndarray, expected: np.ndarray, tolerance: float = 14.0) -> bool:
    diff = np.abs(image.astype(np.int16) - expected.astype(np.int16))
    return image.shape == expected.shape and float(diff.mean()) < tolerance


@pytest.mark.parametrize(("name", "encoder", "pix_fmt", "codec"), FORMATS)
def test_each_format_probes_and_decodes_every_frame(
    video_factory: VideoFactory, name: str, encoder: str, pix_fmt: str, codec: str
) -> None:
    fps = 10 if encoder == "gif" else 25  # GIF keeps time in 1/100 s
    path = video_factory(name, codec=encoder, pix_fmt=pix_fmt, frames=20, fps=fps)

    info = probe(path)
    assert (info.width, info.height, info.rotation, info.codec) == (64, 48, 0, codec)
    assert info.fps == pytest.approx(fps, rel=0.01)
    assert info.duration_s == pytest.approx(20 / fps, abs=0.15)
    assert not info.has_audio

    with iter_frames(path, fps=None) as stream:
        frames = list(stream)
    assert len(frames) == 20
    assert [f.index for f in frames] == list(range(20))
    assert [f.source_index for f in frames] == list(range(20))
    times = np.array([f.timestamp_s for f in frames])
    assert times == pytest.approx(np.arange(20) / fps, abs=1e-3)
    first = frames[0].image
    assert first.dtype == np.uint8 and first.shape == (48, 64, 3) and first.flags.c_contiguous
    assert close_to(first, marked_image(64, 48, 40), tolerance=20 if encoder == "gif" else 14)
    assert not stream.ended_early and stream.problems == [] and stream.finished


def test_sampling_25_fps_to_15_keeps_15_a_second_by_timestamp(video_factory: VideoFactory) -> None:
    path = video_factory("clip.mp4", frames=50, fps=25)
    frames = list(iter_frames(path))  # default analysis rate: 15 fps
    assert len(frames) == 30
    times = np.array([f.timestamp_s for f in frames])
    assert np.all(np.diff(times) > 0)
    assert np.diff(times).max() <= 0.08 + 1e-9  # never a gap of more than two source frames
    # every kept frame is the first one of its 1/15 s slot
    assert np.array_equal(np.floor(times * 15 + 1e-6), np.arange(30))
    assert [f.index for f in frames] == list(range(30))


def test_source_slower_than_target_keeps_every_frame_once(video_factory: VideoFactory) -> None:
    path = video_factory("slow.mp4", frames=10, fps=5)
    frames = list(iter_frames(path, fps=15))
    assert [f.timestamp_s for f in frames] == pytest.approx(np.arange(10) / 5)


def test_variable_frame_rate_uses_real_timestamps(video_factory: VideoFactory) -> None:
    pts_ms = [0, 40, 100, 110, 300, 333, 500, 700, 710, 720, 1000, 1500]
    path = video_factory("vfr.mp4", pts_ms=pts_ms)

    every = [f.timestamp_s for f in iter_frames(path, fps=None)]
    assert every == pytest.approx(np.array(pts_ms) / 1000, abs=1e-3)

    sampled = [f.timestamp_s for f in iter_frames(path, fps=10)]  # first frame of each 0.1 s
    assert sampled == pytest.approx([0.0, 0.1, 0.3, 0.5, 0.7, 1.0, 1.5], abs=1e-3)


def test_avi_with_b_frames_gets_timestamps_in_order(video_factory: VideoFactory) -> None:
    # AVI stores no presentation times: B-frames come out of the decoder with shuffled stamps.
    path = video_factory("bframes.avi", codec="mpeg4", frames=30, fps=25, b_frames=2)
    with iter_frames(path, fps=None) as stream:
        times = [f.timestamp_s for f in stream]
    assert times == pytest.approx(np.arange(30) / 25, abs=1e-6)
    assert stream.problems == []


@pytest.mark.parametrize("rotation_ccw", [0, 90, 180, -90])
def test_rotation_metadata_makes_frames_upright(
    video_factory: VideoFactory, rotation_ccw: int
) -> None:
    # Phones store the sensor's landscape picture plus a display matrix; -90 (a quarter turn
    # clockwise) is the common portrait case, written by old tools as ``rotate=90``.
    path = video_factory("phone.mp4", width=64, height=48, rotation_ccw=rotation_ccw)
    expected = np.rot90(marked_image(64, 48, 40), rotation_ccw // 90)

    info = probe(path)
    assert info.rotation == (-rotation_ccw) % 360
    assert (info.height, info.width) == expected.shape[:2]
    first = next(iter(iter_frames(path)))
    assert close_to(first.image, expected)


def test_portrait_phone_video_marker_lands_top_right(video_factory: VideoFactory) -> None:
    path = video_factory("portrait.mp4", width=64, height=48, rotation_ccw=-90)
    image = next(iter(iter_frames(path))).image
    assert image.shape == (64, 48, 3)
    # the stored top-left red block is shown top-right after a quarter turn clockwise
    assert image[:16, -16:, 0].mean() > 200 and image[:16, -16:, 1].mean() < 60


@pytest.mark.parametrize(
    ("rotation_ccw", "expected_of"),
    [
        (0, lambda img: img[:, ::-1]),
        (90, lambda img: np.rot90(img, 1)[:, ::-1]),
    ],
)
def test_mirrored_display_matrix_is_applied(
    video_factory: VideoFactory,
    rotation_ccw: int,
    expected_of: Callable[[np.ndarray], np.ndarray],
) -> None:
    path = video_factory("mirror.mp4", rotation_ccw=rotation_ccw, hflip=True)
    expected = expected_of(marked_image(64, 48, 40))
    assert probe(path).mirrored
    assert close_to(next(iter(iter_frames(path))).image, expected)


def test_max_side_downscales_and_reports_scale(video_factory: VideoFactory) -> None:
    path = video_factory("big.mp4", width=128, height=96, rotation_ccw=-90, frames=5)
    info = probe(path)
    assert (info.width, info.height) == (96, 128)

    frames = list(iter_frames(path, fps=None, max_side=64))
    assert all(f.image.shape == (64, 48, 3) and f.scale == 0.5 for f in frames)
    full = list(iter_frames(path, fps=None, max_side=1000))  # never upscaled
    assert full[0].image.shape == (128, 96, 3) and full[0].scale == 1.0
    # a keypoint at image pixel (x, y) is at (x / scale, y / scale) in the upright source
    small = frames[0].image.astype(float)
    assert close_to(small, full[0].image[::2, ::2], tolerance=20)


def test_iteration_can_stop_early_and_release_the_file(video_factory: VideoFactory) -> None:
    path = video_factory("clip.mp4", frames=30)
    with iter_frames(path, fps=None) as stream:
        first = next(stream)
        assert isinstance(first, Frame)
    assert not stream.finished
    stream.close()  # closing twice is harmless
    with pytest.raises(StopIteration):
        next(stream)


def test_bad_arguments_are_rejected(video_factory: VideoFactory) -> None:
    path = video_factory("clip.mp4", frames=3)
    with pytest.raises(ValueError, match="fps"):
        iter_frames(path, fps=0)
    with pytest.raises(ValueError, match="max_side"):
        iter_frames(path, max_side=0)
