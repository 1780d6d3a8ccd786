"""Faces in a frame, for blurring before a video is shared: MediaPipe's short-range face
detector (``solutions.face_detection``, model 0), whose weights
(``modules/face_detection/face_detection_short_range.tflite``) ship inside the pinned mediapipe
wheel, so nothing is downloaded. It finds faces within about two metres, turned towards the
camera; a baby seen from the side or from behind is covered by the pose track's head instead
(``report.private_copy``)."""

from __future__ import annotations

from dataclasses import dataclass
from types import TracebackType
from typing import Any, Self

import numpy as np

from crawlcoach.pose.blazepose import PoseModelUnavailable, _quiet_stderr, import_mediapipe

# Lower than MediaPipe's 0.5: a face missed is a face shown, a patch blurred too many costs
# nothing.
MIN_FACE_CONFIDENCE = 0.3


@dataclass(frozen=True)
class FaceBox:
    """A face as an axis-aligned box in the image's pixels."""

    x: float
    y: float
    width: float
    height: float
    score: float


class FaceDetector:
    """``detect(image_rgb)`` gives the faces in one frame; close it (or use ``with``) when done."""

    def __init__(self, min_confidence: float = MIN_FACE_CONFIDENCE) -> None:
        mp = import_mediapipe()
        try:
            with _quiet_stderr():
                self._graph: Any = mp.solutions.face_detection.FaceDetection(
                    model_selection=0, min_detection_confidence=min_confidence
                )
        except (RuntimeError, FileNotFoundError) as exc:
            raise PoseModelUnavailable(
                f"The face detector could not start ({exc}). Run `make install` to reinstall "
                "mediapipe, which carries its weights."
            ) from exc

    def detect(self, image_rgb: np.ndarray) -> list[FaceBox]:
        height, width = image_rgb.shape[:2]
        result = self._graph.process(np.ascontiguousarray(image_rgb))
        boxes = []
        for detection in result.detections or ():
            box = detection.location_data.relative_bounding_box
            boxes.append(
                FaceBox(
                    x=box.xmin * width,
                    y=box.ymin * height,
                    width=box.width * width,
                    height=box.height * height,
                    score=float(detection.score[0]) if detection.score else 0.0,
                )
            )
        return boxes

    def close(self) -> None:
        self._graph.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
