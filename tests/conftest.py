"""Fixtures shared across the test suite: the real footage folder and tiny generated videos."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import av
import numpy as np
import pytest

REPO = Path(__file__).resolve().parents[1]
CLIPS = REPO.parent / "shared" / "clips"


@pytest.fixture(scope="session")
def clips_dir() -> Path:
    """``../shared/clips`` beside the repository; tests that need it skip when it is absent."""
    if not (CLIPS / "ucf101-dev" / "labels.csv").exists():
        pytest.skip(f"real footage not found at {CLIPS} (it sits beside the repository in CI)")
    return CLIPS


MakeVideo = Callable[..., Path]


@pytest.fixture
def make_video(tmp_path: Path) -> MakeVideo:
    """Write a small H.264 MP4 of drifting colour bands (no person in it) and return its path;
    ``metadata``: the container's tags (a recording date, say)."""

    def make(
        name: str = "empty.mp4", seconds: float = 2.0, fps: int = 15, size=(160, 120),
        metadata: dict[str, str] | None = None, options: dict[str, str] | None = None,
    ) -> Path:  # fmt: skip
        path = tmp_path / name
        w, h = size
        with av.open(str(path), "w", options=options or {}) as container:
            container.metadata.update(metadata or {})
            stream = container.add_stream("libx264", rate=fps)
            stream.width, stream.height, stream.pix_fmt = w, h, "yuv420p"
            for i in range(int(seconds * fps)):
                x = np.linspace(0, 255, w, dtype=np.float32)[None, :, None]
                image = np.broadcast_to((x + 8 * i) % 256, (h, w, 3)).astype(np.uint8)
                frame = av.VideoFrame.from_ndarray(np.ascontiguousarray(image), format="rgb24")
                container.mux(stream.encode(frame))
            container.mux(stream.encode())
        return path

    return make
