"""Fixtures for the video tests (the generators live in video_samples.py)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from video_samples import make_video


@pytest.fixture
def video_factory(tmp_path: Path) -> Callable[..., Path]:
    def build(name: str, **kwargs: object) -> Path:
        return make_video(tmp_path / name, **kwargs)  # type: ignore[arg-type]

    return build
