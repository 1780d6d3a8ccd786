"""Every person in an image, without needing a face: MoveNet MultiPose (lightning), run by
onnxruntime from the converted weights shipped in ``pose/models`` (see its ``MODEL_CARD.md``).

BlazePose's person detector keys on faces, so a baby seen from behind is not found while the
adult filming it is. MultiPose finds up to six people from their bodies, with a box and 17
COCO keypoints each. The tracker uses it only when it (re)acquires the infant (``tracker``),
as a list of places for BlazePose to look; tracked frames never run it, so it costs nothing
while the baby is followed.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from crawlcoach.errors import CrawlcoachError

MODEL_FILE = Path(__file__).parent / "models" / "movenet_multipose_lightning.onnx"
MODEL_SHA256 = "ddd47934cf18265503a01282ffb3fc4fd481e8e1592e077bc87c66d51a218352"
INPUT_LONG_SIDE = 256  # pixels; the model was trained at 256 on its longer side
INPUT_STRIDE = 32  # its input sides must be multiples of this

# COCO keypoint order of MoveNet.
COCO_NAMES: tuple[str, ...] = (
    "nose", "left_eye", "right_eye", "left_ear", "right_ear",
    "left_shoulder", "right_shoulder", "left_elbow", "right_elbow",
    "left_wrist", "right_wrist", "left_hip", "right_hip",
    "left_knee", "right_knee", "left_ankle", "right_ankle",
)  # fmt: skip


class PersonFinderUnavailable(CrawlcoachError):
    """The person finder's weights or runtime are missing or damaged."""

    def __init__(self, message: str) -> None:
        super().__init__(message, kind="person_finder_unavailable")


@dataclass(frozen=True, eq=False)
class Person:
    """One person found in an image, in that image's pixels."""

    box: tuple[float, float, float, float]  # x0, y0, x1, y1
    score: float  # 0..1, how sure the model is that this is a person
    keypoints_px: np.ndarray  # (17, 2) x, y in COCO order
    confidence: np.ndarray  # (17,) 0..1

    def point(self, name: str) -> tuple[np.ndarray, float]:
        i = COCO_NAMES.index(name)
        return self.keypoints_px[i], float(self.confidence[i])


class PersonFinder:
    """MoveNet MultiPose on one image at a time (no state between images)."""

    name = "movenet-multipose-lightning/1 (onnxruntime)"

    def __init__(self, *, min_score: float = 0.15, threads: int = 1) -> None:
        try:
            import onnxruntime as ort
        except ImportError as err:  # pragma: no cover - a dependency of the package
            raise PersonFinderUnavailable(
                "onnxruntime is not installed; run `make install` (or pip install -e .)."
            ) from err
        if not MODEL_FILE.is_file():
            raise PersonFinderUnavailable(
                f"The person finder's weights are missing ({MODEL_FILE.name}); "
                "reinstall crawlcoach."
            )
        self.min_score = min_score
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        # Spinning threads would take the cores MediaPipe's model needs in the same process.
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        options.log_severity_level = 3
        self._session: Any = ort.InferenceSession(
            str(MODEL_FILE), options, providers=["CPUExecutionProvider"]
        )
        self._input = self._session.get_inputs()[0].name

    def find(self, image_rgb: np.ndarray) -> list[Person]:
        """The people in the image, surest first."""
        import cv2

        h, w = image_rgb.shape[:2]
        scale = INPUT_LONG_SIDE / max(h, w)
        in_w = max(INPUT_STRIDE, round(w * scale / INPUT_STRIDE) * INPUT_STRIDE)
        in_h = max(INPUT_STRIDE, round(h * scale / INPUT_STRIDE) * INPUT_STRIDE)
        resized = cv2.resize(image_rgb, (in_w, in_h), interpolation=cv2.INTER_AREA)
        out = self._session.run(None, {self._input: resized[None].astype(np.int32)})[0][0]
        people = []
        for row in out:
            score = float(row[55])
            if score < self.min_score:
                continue
            kp = row[:51].reshape(17, 3)
            xy = np.column_stack([kp[:, 1] * w, kp[:, 0] * h]).astype(np.float64)
            y0, x0, y1, x1 = (float(v) for v in row[51:55])
            box = (x0 * w, y0 * h, x1 * w, y1 * h)
            people.append(Person(box, score, xy, np.clip(kp[:, 2], 0.0, 1.0).astype(np.float64)))
        return sorted(people, key=lambda p: -p.score)


def weights_digest() -> str:
    """The shipped weights' sha256 (``MODEL_SHA256`` is what ``MODEL_CARD.md`` records)."""
    return hashlib.sha256(MODEL_FILE.read_bytes()).hexdigest()
