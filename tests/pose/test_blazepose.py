"""The BlazePose backend on synthetic images (no footage needed)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from crawlcoach.errors import CrawlcoachError
from crawlcoach.pose import PoseBackend, open_backend


def test_unknown_backend_is_a_clear_error() -> None:
    with pytest.raises(CrawlcoachError, match="Unknown pose backend"):
        open_backend("openpose")


def test_blazepose_finds_nobody_in_empty_images_and_closes() -> None:
    with open_backend("blazepose") as backend:
        assert isinstance(backend, PoseBackend)
        assert backend.name.startswith("mediapipe-blazepose-full/")
        noise = np.random.default_rng(0).integers(0, 255, (240, 320, 3), dtype=np.uint8)
        assert backend.estimate(noise) is None
        assert backend.estimate_still(np.zeros((120, 90, 3), dtype=np.uint8)) is None
        backend.reset()
        assert backend.estimate(np.full((64, 64, 3), 128, dtype=np.uint8)) is None
        with pytest.raises(ValueError):
            backend.estimate(np.zeros((10, 10), dtype=np.uint8))


def test_lite_backend_refuses_to_start_without_its_model_on_disk(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # mediapipe would download the lite model; crawlcoach must say how to install it instead
    from crawlcoach.pose import blazepose

    monkeypatch.setattr(blazepose, "lite_model_path", lambda mp: tmp_path / "absent.tflite")
    with pytest.raises(blazepose.PoseModelUnavailable, match="make pose-lite"):
        open_backend("blazepose-lite")


def test_lite_backend_runs_when_installed() -> None:
    from crawlcoach.pose import blazepose

    if not blazepose.lite_model_path(blazepose.import_mediapipe()).is_file():
        pytest.skip("the lite pose model is not installed (make pose-lite)")
    with open_backend("blazepose-lite") as backend:
        assert backend.name.startswith("mediapipe-blazepose-lite/")
        assert backend.estimate(np.zeros((120, 90, 3), dtype=np.uint8)) is None
