"""Camera motion: how the floor and background move in the image, so travel can be measured
against the floor rather than the frame (phones follow the baby).

The estimator runs incrementally, fed one grey frame and the baby's box at a time, so it shares the
single decoding pass with the pose tracker. Between consecutive frames it tracks corner features
outside the (expanded) baby box with pyramidal Lucas-Kanade and fits a similarity transform
(rotation, uniform scale, translation) with RANSAC. The transforms are chained to map every frame
into the first frame's image coordinates (the "reference", which stays fixed to the floor).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

import cv2
import numpy as np

from crawlcoach.parameters import CameraParams, FrameClock

if TYPE_CHECKING:
    from crawlcoach.pose.track import PoseTrack


class AnalysedFrame(Protocol):
    """What ``camera_motion_for_track`` needs of a frame (``crawlcoach.video.Frame`` has it)."""

    timestamp_s: float
    image: np.ndarray  # (H, W, 3) RGB or (H, W) grey
    scale: float  # image pixels per upright source pixel


@dataclass(frozen=True, eq=False)
class CameraMotion:
    """Per analysed frame, the similarity that maps that frame's pixels into the reference frame.

    Axes: T analysed frames. ``to_reference[t] @ [x, y, 1]`` gives the point in the first frame's
    pixel coordinates. ``valid[t]`` is False where the step from frame t-1 could not be measured
    (too little background texture); that step is then taken as "no camera motion".
    """

    timestamps_s: np.ndarray  # (T,)
    to_reference: np.ndarray  # (T, 2, 3) similarity, image px of frame t -> reference px
    valid: np.ndarray  # (T,) bool

    def __len__(self) -> int:
        return len(self.timestamps_s)

    @property
    def scale(self) -> np.ndarray:
        """(T,) how much larger things look in reference pixels than in frame t's pixels."""
        a = self.to_reference[:, :, :2]
        return np.sqrt(np.abs(a[:, 0, 0] * a[:, 1, 1] - a[:, 0, 1] * a[:, 1, 0]))

    @property
    def valid_share(self) -> float:
        return float(self.valid[1:].mean()) if len(self) > 1 else 1.0

    def apply(self, points_px: np.ndarray) -> np.ndarray:
        """Map (T, K, 2) image points into reference coordinates (NaN stays NaN)."""
        a = self.to_reference[:, :, :2]
        b = self.to_reference[:, :, 2]
        return np.einsum("tij,tkj->tki", a, points_px) + b[:, None, :]

    def in_units(self, px_per_unit: float) -> CameraMotion:
        """The same motion for points measured in other units, ``px_per_unit`` of these pixels
        each (e.g. source pixels when this was measured on frames downscaled by that factor)."""
        to_reference = self.to_reference.copy()
        to_reference[:, :, 2] /= px_per_unit
        return CameraMotion(self.timestamps_s, to_reference, self.valid)

    @classmethod
    def still(cls, timestamps_s: np.ndarray) -> CameraMotion:
        """A camera that did not move."""
        t = len(timestamps_s)
        eye = np.tile(np.array([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]]), (t, 1, 1))
        return cls(np.asarray(timestamps_s, float), eye, np.ones(t, bool))

    @classmethod
    def from_point_tracks(
        cls, timestamps_s: np.ndarray, points_px: np.ndarray, params: CameraParams = CameraParams()
    ) -> CameraMotion:
        """The similarity chain fitted to static background points already tracked across
        frames, (T, N, 2) with NaN where a point is not seen (e.g. ``SynthClip.background_px``)."""
        chain, current, valid = [np.eye(3)[:2]], np.eye(3), [True]
        for i in range(1, len(timestamps_s)):
            both = np.isfinite(points_px[i - 1, :, 0]) & np.isfinite(points_px[i, :, 0])
            m = None
            if both.sum() >= params.min_inliers:
                m, _ = cv2.estimateAffinePartial2D(
                    points_px[i, both].astype(np.float32),
                    points_px[i - 1, both].astype(np.float32),
                    method=cv2.RANSAC,
                    ransacReprojThreshold=params.ransac_px[-1],
                )
            if m is not None:
                current = current @ np.vstack([m, [0.0, 0.0, 1.0]])
            chain.append(current[:2].copy())
            valid.append(m is not None)
        return cls(np.asarray(timestamps_s, float), np.array(chain), np.array(valid))

    def resampled(self, timestamps_s: np.ndarray) -> CameraMotion:
        """The motion at other timestamps (nearest measured frame), e.g. to match a pose track."""
        idx = np.searchsorted(self.timestamps_s, timestamps_s)
        idx = np.clip(idx, 0, len(self) - 1)
        prev = np.clip(idx - 1, 0, len(self) - 1)
        nearer_prev = np.abs(self.timestamps_s[prev] - timestamps_s) < np.abs(
            self.timestamps_s[idx] - timestamps_s
        )
        idx = np.where(nearer_prev, prev, idx)
        t = np.asarray(timestamps_s, float)
        return CameraMotion(t, self.to_reference[idx], self.valid[idx])


class CameraMotionEstimator:
    """Feed frames in order with ``update``; read the result with ``result``."""

    def __init__(self, params: CameraParams = CameraParams(), fps: float | None = None) -> None:
        """``fps``: the rate the frames come at, where known (else measured as they come)."""
        self._params = params
        self._prev_gray: np.ndarray | None = None
        self._prev_mask: np.ndarray | None = None
        self._scale = 1.0
        self._timestamps: list[float] = []
        self._chain: list[np.ndarray] = []
        self._valid: list[bool] = []
        self._current = np.eye(3)
        self._last_box: tuple[float, float, float, float] | None = None
        self._frames_since_box = 0
        self._clock = FrameClock(fps)  # box_memory_s in frames at the frames' own rate

    def update(
        self,
        gray: np.ndarray,
        person_box: tuple[float, float, float, float] | None,
        timestamp_s: float,
    ) -> None:
        """Add one frame: ``gray`` (H, W) uint8 (or RGB, converted), ``person_box`` (x0, y0, x1, y1)
        in that frame's pixels or None where nobody was found."""
        p = self._params
        self._clock.tick(timestamp_s)
        if gray.ndim == 3:
            gray = cv2.cvtColor(gray, cv2.COLOR_RGB2GRAY)
        self._scale = min(1.0, p.work_width / gray.shape[1])
        small = (
            gray
            if self._scale == 1.0
            else cv2.resize(
                gray, None, fx=self._scale, fy=self._scale, interpolation=cv2.INTER_AREA
            )
        )
        margin = p.box_margin
        if person_box is not None:
            self._last_box, self._frames_since_box = person_box, 0
        else:
            self._frames_since_box += 1
            remembered = self._frames_since_box <= self._clock.frames(p.box_memory_s, minimum=0)
            if self._last_box is not None and remembered:
                person_box, margin = self._last_box, 2 * p.box_margin
        mask = _background_mask(small, person_box, self._scale, margin, p)
        ok = False
        if self._prev_gray is not None and self._prev_gray.shape == small.shape:
            step = _similarity_step(self._prev_gray, self._prev_mask, small, mask, p)
            if step is not None:
                ok = True
                # step maps current (small) px -> previous (small) px; lift it to full-size px.
                s = self._scale
                lift = np.diag([s, s, 1.0])
                self._current = self._current @ (np.linalg.inv(lift) @ step @ lift)
        self._prev_gray, self._prev_mask = small, mask
        self._timestamps.append(float(timestamp_s))
        self._chain.append(self._current[:2].copy())
        self._valid.append(ok or len(self._valid) == 0)

    def result(self) -> CameraMotion:
        return CameraMotion(
            timestamps_s=np.array(self._timestamps, float),
            to_reference=np.array(self._chain, float).reshape(-1, 2, 3),
            valid=np.array(self._valid, bool),
        )


def person_box_from_keypoints(
    keypoints_px: np.ndarray,
    confidence: np.ndarray,
    min_confidence: float = CameraParams().box_min_confidence,
) -> tuple[float, float, float, float] | None:
    """The box around one frame's keypoints (K, 2), or None where none was found."""
    seen = (confidence > min_confidence) & np.all(np.isfinite(keypoints_px), axis=1)
    if not seen.any():
        return None
    xy = keypoints_px[seen]
    lo, hi = xy.min(axis=0), xy.max(axis=0)
    return (float(lo[0]), float(lo[1]), float(hi[0]), float(hi[1]))


def camera_motion_for_track(
    frames: Iterable[AnalysedFrame], track: PoseTrack, params: CameraParams = CameraParams()
) -> CameraMotion:
    """The camera motion over the frames a pose track was made from (decoded again), in the
    track's pixels and at its timestamps; the track's own boxes keep the baby out of the
    background. ``frames``: e.g. ``video.iter_frames(path, fps=..., max_side=...)``."""
    estimator = CameraMotionEstimator(params)
    scale = 1.0
    times = np.asarray(track.timestamps_s, float)
    for frame in frames:
        scale = float(frame.scale)
        box = None
        if len(times):
            i = int(np.argmin(np.abs(times - frame.timestamp_s)))
            box = person_box_from_keypoints(
                track.keypoints_px[i] * scale, track.confidence[i], params.box_min_confidence
            )
        estimator.update(frame.image, box, frame.timestamp_s)
    motion = estimator.result()
    if len(motion) == 0:
        return CameraMotion.still(times)
    return motion.in_units(scale).resampled(times)


def estimate_camera_motion(
    frames: Iterable[tuple[float, np.ndarray, tuple[float, float, float, float] | None]],
    params: CameraParams = CameraParams(),
) -> CameraMotion:
    """Camera motion over (timestamp_s, image, person_box) triples, in order."""
    estimator = CameraMotionEstimator(params)
    for timestamp_s, image, box in frames:
        estimator.update(image, box, timestamp_s)
    return estimator.result()


def _background_mask(
    small: np.ndarray,
    box: tuple[float, float, float, float] | None,
    scale: float,
    margin: float,
    p: CameraParams,
) -> np.ndarray:
    mask = np.full(small.shape, 255, np.uint8)
    h, w = small.shape
    if box is not None:
        x0, y0, x1, y1 = (v * scale for v in box)
        mx, my = (x1 - x0) * margin + p.box_pad_px, (y1 - y0) * margin + p.box_pad_px
        xa, xb = int(max(0, x0 - mx)), int(min(w, x1 + mx))
        ya, yb = int(max(0, y0 - my)), int(min(h, y1 + my))
        mask[ya:yb, xa:xb] = 0
    # letterbox bars: no floor there, and their edges would look like a still camera
    mask[small.mean(axis=1) < p.letterbox_grey, :] = 0
    mask[:, small.mean(axis=0) < p.letterbox_grey] = 0
    return mask


def _similarity_step(
    prev: np.ndarray,
    prev_mask: np.ndarray | None,
    cur: np.ndarray,
    cur_mask: np.ndarray,
    p: CameraParams,
) -> np.ndarray | None:
    """3x3 similarity mapping current-frame px to previous-frame px, or None when unmeasurable."""
    corners = cv2.goodFeaturesToTrack(
        prev, maxCorners=p.max_corners, qualityLevel=p.corner_quality,
        minDistance=p.corner_min_distance_px, mask=prev_mask, blockSize=p.corner_block_px,
    )  # fmt: skip
    if corners is None or len(corners) < p.min_inliers:
        return None
    window = (p.flow_window_px, p.flow_window_px)
    nxt, status, _ = cv2.calcOpticalFlowPyrLK(  # type: ignore[call-overload]  # None: no guess
        prev,
        cur,
        corners,
        None,
        winSize=window,
        maxLevel=p.flow_levels,
        criteria=(cv2.TERM_CRITERIA_EPS | cv2.TERM_CRITERIA_COUNT, 20, 0.03),
    )
    good = status.ravel() == 1
    p_prev, p_cur = corners[good].reshape(-1, 2), nxt[good].reshape(-1, 2)
    if len(p_cur) < p.min_inliers:
        return None
    # Points that moved into the baby's region belong to the baby or its occluder: drop them.
    xi = np.clip(p_cur[:, 0].astype(int), 0, cur.shape[1] - 1)
    yi = np.clip(p_cur[:, 1].astype(int), 0, cur.shape[0] - 1)
    keep = cur_mask[yi, xi] > 0
    p_prev, p_cur = p_prev[keep], p_cur[keep]
    if len(p_cur) < p.min_inliers:
        return None
    # A tight fit first: with a loose one, points that move a little differently (another
    # person's arm, burned-in text that stays put) all count as inliers and the fit averages
    # them, which chains into drift. Blurred frames get a looser second try.
    for threshold_px in p.ransac_px:
        m, inliers = cv2.estimateAffinePartial2D(
            p_cur, p_prev, method=cv2.RANSAC, ransacReprojThreshold=threshold_px,
            maxIters=p.ransac_iters, confidence=p.ransac_confidence,
        )  # fmt: skip
        if m is not None and inliers is not None and int(inliers.sum()) >= p.min_inliers:
            break
    else:
        return None
    scale = float(np.sqrt(abs(np.linalg.det(m[:, :2]))))
    low, high = p.max_scale_step
    if not low < scale < high:  # a jump this large between frames is a cut or a failure
        return None
    return np.vstack([m, [0.0, 0.0, 1.0]])
