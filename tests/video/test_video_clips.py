"""Real footage from ../shared/clips (skipped when that folder is absent)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from crawlcoach.video import iter_frames, probe


@pytest.mark.clips
def test_ucf101_avi_probes_and_samples_to_about_15_fps(clips_dir: Path) -> None:
    path = clips_dir / "ucf101-dev" / "v_BabyCrawling_g02_c01.avi"  # Xvid with B-frames
    if not path.exists():
        pytest.skip(f"{path} is missing from the real footage folder")
    info = probe(path)
    assert (info.width, info.height, info.rotation, info.codec) == (320, 240, 0, "mpeg4")
    assert info.fps == pytest.approx(25.0)
    assert info.duration_s == pytest.approx(4.36, abs=0.05)

    with iter_frames(path, max_side=160) as stream:
        frames = list(stream)
    times = np.array([f.timestamp_s for f in frames])
    rate = (len(times) - 1) / (times[-1] - times[0])
    assert rate == pytest.approx(15.0, abs=0.5)
    assert np.all(np.diff(times) > 0) and np.diff(times).max() <= 0.081
    assert times[-1] == pytest.approx(info.duration_s, abs=0.15)
    assert all(f.image.shape == (120, 160, 3) and f.scale == 0.5 for f in frames)
    assert stream.decoded_count == info.frame_count
    assert not stream.ended_early and stream.problems == []
