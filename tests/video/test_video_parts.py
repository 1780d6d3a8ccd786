"""The small parts behind iter_frames: rate sampling, timestamp repair, display-matrix rules."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest

from crawlcoach.video.orientation import Orientation, orientation_from_matrix
from crawlcoach.video.sampling import RateSampler
from crawlcoach.video.timestamps import PresentationClock, with_presentation_timestamps


def kept(sampler: RateSampler, times: np.ndarray) -> list[float]:
    return [float(t) for t in times if sampler.keep(float(t))]


def test_sampler_thins_30000_1001_fps_to_exactly_half() -> None:
    times = np.arange(600) * 1001 / 30000
    assert len(kept(RateSampler(15), times)) == 300


def test_sampler_keeps_every_frame_of_a_slower_source() -> None:
    times = np.arange(40) / 12
    assert kept(RateSampler(15), times) == pytest.approx(times)


def test_sampler_none_keeps_everything_but_backward_steps() -> None:
    sampler = RateSampler(None)
    assert kept(sampler, np.array([0.0, 0.1, 0.1, 0.05, 0.2])) == [0.0, 0.1, 0.2]
    assert sampler.dropped_out_of_order == 2


@pytest.mark.parametrize("fps", [0, -5, float("nan"), float("inf")])
def test_sampler_rejects_nonsense_rates(fps: float) -> None:
    with pytest.raises(ValueError):
        RateSampler(fps)


def test_shuffled_stamps_are_put_back_in_presentation_order() -> None:
    stamps = [1, 2, 4, 3, 5, 7, 6, 8, None]
    frames = [SimpleNamespace(pts=s, dts=None, name=i) for i, s in enumerate(stamps)]
    pairs = list(with_presentation_timestamps(iter(frames)))  # type: ignore[arg-type]
    assert [f.name for f, _ in pairs] == list(range(9))  # frames keep decoder order
    assert [s for _, s in pairs] == [1, 2, 3, 4, 5, 6, 7, 8, None]


def test_clock_starts_at_the_first_frame_and_fills_missing_stamps() -> None:
    clock = PresentationClock(time_base=1 / 1000, start=0, first=500, nominal_interval=0.04)
    assert clock.seconds(500) == 0.0
    assert clock.seconds(600) == pytest.approx(0.1)
    assert clock.seconds(None) == pytest.approx(0.14)


def matrix(a: int, b: int, c: int, d: int) -> np.ndarray:
    one = 65536
    return np.array([a * one, b * one, 0, c * one, d * one, 0, 0, 0, 1 << 30])


@pytest.mark.parametrize(
    ("m", "expected"),
    [
        (matrix(1, 0, 0, 1), Orientation(0)),
        (matrix(0, -1, 1, 0), Orientation(1)),  # set_display_rotation(90): turn left
        (matrix(0, 1, -1, 0), Orientation(3)),  # rotate=90 of phones: turn right
        (matrix(-1, 0, 0, -1), Orientation(2)),
        (matrix(-1, 0, 0, 1), Orientation(0, mirror=True)),
        (matrix(1, 0, 0, -1), Orientation(2, mirror=True)),  # upside-down mirror
        (matrix(0, 1, 1, 0), Orientation(3, mirror=True)),  # transpose
        (matrix(0, -1, -1, 0), Orientation(1, mirror=True)),  # anti-transpose
    ],
)
def test_display_matrix_follows_ffmpeg_autorotate(m: np.ndarray, expected: Orientation) -> None:
    assert orientation_from_matrix(m) == expected


def test_orientation_apply_and_sizes() -> None:
    image = np.arange(6 * 4 * 3, dtype=np.uint8).reshape(4, 6, 3)
    turned = Orientation(3).apply(image)
    assert turned.shape == (6, 4, 3) and turned.flags.c_contiguous
    assert np.array_equal(turned, np.rot90(image, -1))
    assert Orientation(3).rotation_cw == 90 and Orientation(1).rotation_cw == 270
    assert Orientation(1).upright_size(6, 4) == (4, 6)
    assert Orientation(0).apply(image) is image  # upright frames are not copied
