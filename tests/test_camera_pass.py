import numpy as np
import pytest

from crawlcoach.camera_pass import CameraPass
from crawlcoach.video import Frame


def textured_floor(height: int, width: int) -> np.ndarray:
    rng = np.random.default_rng(3)
    small = rng.integers(0, 255, (height // 8, width // 8), dtype=np.uint8)
    grey = np.kron(small, np.ones((8, 8), dtype=np.uint8))
    return np.repeat(grey[:, :, None], 3, axis=2)


@pytest.mark.parametrize("scale", [1.0, 0.5])
def test_a_pan_comes_back_in_source_pixels(scale: float) -> None:
    floor = textured_floor(400, 800)
    step_px = 4  # per frame, in the (possibly downscaled) frame's pixels
    with CameraPass() as camera:
        for i in range(12):
            image = np.ascontiguousarray(floor[100:340, 40 + step_px * i : 360 + step_px * i])
            frame = Frame(index=i, source_index=i, timestamp_s=i / 15, image=image, scale=scale)
            camera.add(frame, None)
        motion = camera.result(scale)
    assert len(motion) == 12
    assert motion.valid.all()
    # Content slides left as the camera pans right: frame t's pixel x is reference x + step*t.
    shift = motion.to_reference[:, 0, 2]
    expected = step_px * np.arange(12) / scale
    assert shift == pytest.approx(expected, abs=0.5 / scale)
