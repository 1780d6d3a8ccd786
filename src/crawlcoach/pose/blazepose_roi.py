"""BlazePose with our own region of interest: the same two models as ``blazepose`` (the person
detector and the full landmark model, both inside the mediapipe wheel), wired without
MediaPipe's tracking loop.

MediaPipe's ``solutions.pose`` in tracking mode feeds each frame's landmarks back as the next
frame's region: once that region is on the adult, or turned upside down, it stays so, and one
frame decoded differently (a re-encoded copy) sends the rest of the track elsewhere. Here the
region comes afresh from the detector every ``redetect_every`` frames (1: every frame); in the
frames between, and when the detector finds nobody, the previous landmarks' region is used, as
MediaPipe does. The graphs are MediaPipe's own registered subgraphs ``PoseDetectionCpu`` and
``PoseLandmarkByRoiCpu`` (IMAGE + a rotated ``NormalizedRect`` -> LANDMARKS), run through
``solution_base.SolutionBase``; the region is computed exactly as MediaPipe's
``PoseDetectionToRoi`` / ``PoseLandmarksToRoi`` do (centre on the hips, side 2.5 times the
hips-to-head-circle distance, rotated so that the body points up).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from types import TracebackType
from typing import Any, Self

import numpy as np

from crawlcoach.pose.backend import PoseEstimate
from crawlcoach.pose.blazepose import (
    _BLANK,
    MIN_CONFIDENCE,
    MODEL_COMPLEXITY,
    _quiet_stderr,
    import_mediapipe,
)
from crawlcoach.pose.depth import DepthCalibration

_DETECTOR_GRAPH = """
input_stream: "IMAGE:image"
output_stream: "DETECTIONS:detections"
node {
  calculator: "PoseDetectionCpu"
  input_stream: "IMAGE:image"
  output_stream: "DETECTIONS:detections"
}
"""

# MediaPipe's own loop smooths the two auxiliary points it takes the next region from (a One Euro
# filter, always on, in ``PoseLandmarkFiltering``): without it the region, and so the landmarks,
# jitter more. The 33 landmarks themselves stay unsmoothed (ENABLE false), as in ``blazepose``.
_LANDMARK_GRAPH = """
input_stream: "IMAGE:image"
input_stream: "ROI:roi"
input_side_packet: "MODEL_COMPLEXITY:model_complexity"
input_side_packet: "ENABLE_SEGMENTATION:enable_segmentation"
input_side_packet: "SMOOTH_LANDMARKS:smooth_landmarks"
output_stream: "LANDMARKS:landmarks"
output_stream: "AUXILIARY_LANDMARKS:auxiliary"
node {
  calculator: "PoseLandmarkByRoiCpu"
  input_side_packet: "MODEL_COMPLEXITY:model_complexity"
  input_side_packet: "ENABLE_SEGMENTATION:enable_segmentation"
  input_stream: "IMAGE:image"
  input_stream: "ROI:roi"
  output_stream: "LANDMARKS:raw_landmarks"
  output_stream: "AUXILIARY_LANDMARKS:raw_auxiliary"
  output_stream: "WORLD_LANDMARKS:raw_world_landmarks"
  output_stream: "SEGMENTATION_MASK:segmentation_mask"
}
node {
  calculator: "ImagePropertiesCalculator"
  input_stream: "IMAGE_CPU:image"
  output_stream: "SIZE:image_size"
}
node {
  calculator: "PoseLandmarkFiltering"
  input_side_packet: "ENABLE:smooth_landmarks"
  input_stream: "IMAGE_SIZE:image_size"
  input_stream: "NORM_LANDMARKS:raw_landmarks"
  input_stream: "AUX_NORM_LANDMARKS:raw_auxiliary"
  input_stream: "WORLD_LANDMARKS:raw_world_landmarks"
  output_stream: "FILTERED_NORM_LANDMARKS:landmarks"
  output_stream: "FILTERED_AUX_NORM_LANDMARKS:auxiliary"
  output_stream: "FILTERED_WORLD_LANDMARKS:world_landmarks"
}
"""

# MediaPipe's region: side = ROI_SCALE x 2 x |centre - scale point|, body axis turned to 90 deg.
ROI_SCALE = 1.25


@dataclass(frozen=True)
class Region:
    """A rotated square in pixels of the image given to the backend; ``rotation`` in radians,
    clockwise in the image, as MediaPipe's ``NormalizedRect`` has it."""

    cx: float
    cy: float
    side: float
    rotation: float


def region_from_points(centre: tuple[float, float], scale: tuple[float, float]) -> Region:
    """The region MediaPipe derives from two alignment points in pixels (the detector's hip
    centre and head-circle point, or the landmark model's two auxiliary points)."""
    (x0, y0), (x1, y1) = centre, scale
    rotation = math.pi / 2 - math.atan2(-(y1 - y0), x1 - x0)
    rotation = rotation - 2 * math.pi * math.floor((rotation + math.pi) / (2 * math.pi))
    side = 2.0 * math.hypot(x1 - x0, y1 - y0) * ROI_SCALE
    return Region(x0, y0, side, rotation)


class BlazePoseRoiBackend:
    """BlazePose full (33 landmarks with depth) on regions chosen here, not by MediaPipe's loop.
    ``estimate`` detects afresh every ``redetect_every`` frames of the sequence; ``estimate_still``
    always detects and leaves the sequence alone."""

    depth_calibration = DepthCalibration()  # the same landmark model as ``blazepose``

    def __init__(
        self,
        *,
        redetect_every: int = 1,
        detector_weight: float = 1.0,
        min_detection_confidence: float = MIN_CONFIDENCE,
        min_tracking_confidence: float = MIN_CONFIDENCE,
    ) -> None:
        if redetect_every < 1:
            raise ValueError("redetect_every must be at least 1")
        mp = import_mediapipe()
        from google.protobuf import text_format
        from mediapipe.framework import calculator_pb2
        from mediapipe.framework.formats import rect_pb2
        from mediapipe.python.solution_base import SolutionBase

        self._rect = rect_pb2.NormalizedRect
        if not 0.0 <= detector_weight <= 1.0:
            raise ValueError("detector_weight must be between 0 and 1")
        self.redetect_every = redetect_every
        self.detector_weight = detector_weight
        every = "every frame" if redetect_every == 1 else f"every {redetect_every} frames"
        self.name = (
            f"mediapipe-blazepose-full-roi/{mp.__version__} "
            f"(detector {every}, weight {detector_weight:g})"
        )

        def graph(text: str) -> Any:
            return text_format.Parse(text, calculator_pb2.CalculatorGraphConfig())

        with _quiet_stderr():
            self._detector = SolutionBase(
                graph_config=graph(_DETECTOR_GRAPH),
                calculator_params={
                    "posedetectioncpu__TensorsToDetectionsCalculator.min_score_thresh": (
                        min_detection_confidence
                    ),
                },
                outputs=["detections"],
            )
            # Two landmark graphs, as ``blazepose`` has two: the smoothing state of the sequence's
            # must not see the tracker's whole-frame searches.
            self._landmarks, self._still_landmarks = (
                SolutionBase(
                    graph_config=graph(_LANDMARK_GRAPH),
                    side_inputs={
                        "model_complexity": MODEL_COMPLEXITY,
                        "enable_segmentation": False,
                        "smooth_landmarks": False,
                    },
                    calculator_params={
                        "poselandmarkbyroicpu__tensorstoposelandmarksandsegmentation__"
                        "ThresholdingCalculator.threshold": min_tracking_confidence,
                    },
                    outputs=["landmarks", "auxiliary"],
                )
                for _ in range(2)
            )
            # The TF-Lite delegate logs on the first inference; get it over with while muted.
            self._detect(_BLANK)
            for graph_ in (self._landmarks, self._still_landmarks):
                self._landmarks_in(_BLANK, Region(32, 32, 64, 0.0), graph_)
        self._previous: tuple[Region, tuple[int, int]] | None = None  # region, image (w, h)
        self._since_detection = 0
        self.doubtful_frames = 0  # detections turned > DOUBT_TURN from the carried region

    # -- the two models ---------------------------------------------------------------------

    def _detect(self, image: np.ndarray) -> list[Region]:
        """Every person the detector finds, as regions, surest first."""
        h, w = image.shape[:2]
        found = self._detector.process({"image": image}).detections or []
        found = sorted(found, key=lambda d: -(d.score[0] if d.score else 0.0))
        regions = []
        for detection in found:
            points = detection.location_data.relative_keypoints
            centre, scale = (points[0].x * w, points[0].y * h), (points[1].x * w, points[1].y * h)
            regions.append(region_from_points(centre, scale))
        return regions

    def _landmarks_in(
        self, image: np.ndarray, region: Region, graph: Any | None = None
    ) -> tuple[PoseEstimate, Region] | None:
        """The landmarks in ``region`` and the region they give for the next frame."""
        h, w = image.shape[:2]
        rect = self._rect(
            x_center=region.cx / w,
            y_center=region.cy / h,
            width=region.side / w,
            height=region.side / h,
            rotation=region.rotation,
        )
        out = (graph or self._landmarks).process({"image": image, "roi": rect})
        if out.landmarks is None:
            return None
        raw = np.array(
            [(lm.x, lm.y, lm.z, lm.visibility) for lm in out.landmarks.landmark], dtype=np.float64
        )
        aux = [(lm.x * w, lm.y * h) for lm in out.auxiliary.landmark]
        confidence = np.clip(raw[:, 3], 0.0, 1.0)
        estimate = PoseEstimate(
            keypoints_px=raw[:, :2] * np.array([w, h], dtype=np.float64),
            confidence=confidence,
            depth=raw[:, 2] * w,  # MediaPipe's z uses the scale of x
            score=float(confidence.mean()),
        )
        return estimate, region_from_points(aux[0], aux[1])

    def landmarks_in(
        self, image_rgb: np.ndarray, region: Region, *, still: bool = False
    ) -> tuple[PoseEstimate, Region] | None:
        """The landmarks in a region chosen by the caller (no detector, so no face needed), and
        the region their auxiliary points give for the next frame. ``still``: one image on its
        own; otherwise the next of a sequence (its carried region is smoothed; ``reset`` starts
        a new one)."""
        graph = self._still_landmarks if still else self._landmarks
        return self._landmarks_in(_checked(image_rgb), region, graph)

    # -- PoseBackend ------------------------------------------------------------------------

    def estimate(self, image_rgb: np.ndarray) -> PoseEstimate | None:
        image = _checked(image_rgb)
        size = (image.shape[1], image.shape[0])
        # The tracker's crop may have moved or changed size since: like MediaPipe's loop, the
        # region is kept in the image's relative coordinates.
        previous = _rescaled(*self._previous, size) if self._previous else None
        regions: list[Region] = []
        if previous is None or self._since_detection + 1 >= self.redetect_every:
            self._since_detection = 0
            detected = self._detect(image)
            if previous is not None:
                # Somebody else's face in the crop must not take over: only a detection where
                # the person was counts.
                detected = [r for r in detected if _near(r, previous)]
            blend = bool(detected) and self.detector_weight < 1.0
            # Blend the fresh region with the one carried on from the last landmarks: the
            # detector's alone jitters more (measured), the carried one alone never forgets;
            # blended, a difference between two copies of a video fades by the weight each
            # frame. Turned by more than DOUBT_TURN, the carried one is the doubtful one
            # (MediaPipe's landmark model holds upside-down skeletons): start afresh.
            if blend and previous is not None:
                if _turn(detected[0], previous) <= DOUBT_TURN:
                    detected = [_blend(detected[0], previous, self.detector_weight)]
                else:
                    self.doubtful_frames += 1
            regions.extend(detected[:1])
        else:
            self._since_detection += 1
        if previous is not None:
            regions.append(previous)  # the detector found nobody, or it is not its turn
        for region in regions:
            found = self._landmarks_in(image, region)
            if found is not None:
                self._previous = (found[1], size)
                return found[0]
        self._previous = None
        return None

    def estimate_still(self, image_rgb: np.ndarray) -> PoseEstimate | None:
        image = _checked(image_rgb)
        regions = self._detect(image)
        found = self._landmarks_in(image, regions[0], self._still_landmarks) if regions else None
        return found[0] if found is not None else None

    def reset(self) -> None:
        # A frame without landmarks also resets the smoothing of the carried region.
        self._landmarks_in(_BLANK, Region(32, 32, 64, 0.0))
        self._previous = None
        self._since_detection = 0

    def close(self) -> None:
        for graph in (self._detector, self._landmarks, self._still_landmarks):
            if graph._graph is not None:
                graph.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


# A detection this close (in region sides) to the previous region's centre is the same person.
NEAR = 0.5


def _near(a: Region, b: Region) -> bool:
    return math.hypot(a.cx - b.cx, a.cy - b.cy) <= NEAR * max(a.side, b.side)


# Regions whose up directions differ by more than this (radians) disagree about the body.
DOUBT_TURN = math.radians(120)


def _turn(a: Region, b: Region) -> float:
    return abs(math.remainder(a.rotation - b.rotation, 2 * math.pi))


def _blend(fresh: Region, carried: Region, weight: float) -> Region:
    turn = math.remainder(fresh.rotation - carried.rotation, 2 * math.pi)
    return Region(
        cx=weight * fresh.cx + (1 - weight) * carried.cx,
        cy=weight * fresh.cy + (1 - weight) * carried.cy,
        side=fresh.side**weight * carried.side ** (1 - weight),
        rotation=math.remainder(carried.rotation + weight * turn, 2 * math.pi),
    )


def _rescaled(region: Region, was: tuple[int, int], now: tuple[int, int]) -> Region:
    sx, sy = now[0] / was[0], now[1] / was[1]
    return Region(region.cx * sx, region.cy * sy, region.side * math.sqrt(sx * sy), region.rotation)


def _checked(image_rgb: np.ndarray) -> np.ndarray:
    if image_rgb.ndim != 3 or image_rgb.shape[2] != 3 or image_rgb.dtype != np.uint8:
        raise ValueError(f"expected an (H, W, 3) uint8 RGB image, got {image_rgb.shape}")
    return np.ascontiguousarray(image_rgb)
