"""Heading: which way the head points along the body axis, in 3-D as far as the video allows.

In the image plane the axis runs from the hips to the head (or from the shoulders when the hips
are hidden, or hips to shoulders when the head is). How much of the axis lies in the image plane
follows from foreshortening: the trunk looks short next to the shoulder width when the baby faces
toward or away from the camera. The sign of the depth part (head nearer than hips, or farther)
comes from the pose backend's per-keypoint depth, read with the backend's own calibration
(``crawlcoach.pose.depth``).
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field

import numpy as np
from scipy.ndimage import median_filter

from crawlcoach.motion.clean import HEAD_POINTS, HIPS, KNEES, SHOULDERS, CleanTrack
from crawlcoach.parameters import HeadingParams
from crawlcoach.pose.depth import DepthCalibration


@dataclass(frozen=True, eq=False)
class Heading:
    """Axes: T frames. NaN where unknown."""

    direction_xy: np.ndarray  # (T, 2) unit vector in the image plane (reference px), hips -> head
    in_plane: np.ndarray  # (T,) 0..1 share of the body axis lying in the image plane
    toward_camera: np.ndarray  # (T,) -1..1: +1 head surely nearer the camera than hips, 0 unknown
    known: np.ndarray  # (T,) bool
    # (T,) 0..1: a sitting body faces where its thighs point (1: surely at the camera); 0 when
    # it does not sit, faces away, or the depth says nothing. Its upright trunk points nowhere.
    sitting_toward: np.ndarray
    params: HeadingParams = field(default_factory=HeadingParams)

    def facing(self) -> np.ndarray:
        """(T,) -1..1 which way the body faces in depth: the trunk's reading, or a sitter's."""
        sitting = self.sitting_toward > np.abs(self.toward_camera)
        return np.where(sitting, self.sitting_toward, self.toward_camera)

    def vector3(self) -> np.ndarray:
        """(T, 3) heading: image x, image y, toward the camera.

        The depth part counts only where the axis is clearly foreshortened: apparent size is a
        noisy measure of distance, and the backend's depth sign is unreliable for side views."""
        # Facing the camera, the hips hide behind the body and the backend puts them below the
        # head as if the baby stood: neither the trunk's foreshortening nor the up-down part of
        # the image axis then means anything, and the depth reading takes over.
        # That standing-up look is an axis upright in the image; lying across the view (a side
        # view) the body cannot point at the camera, whatever the depth reading says.
        toward = self.facing()
        facing = np.clip(toward, 0.0, 1.0)
        upright_axis = np.abs(np.nan_to_num(self.direction_xy[:, 1]))
        p = self.params
        foreshortened = np.clip((p.foreshortened - self.in_plane) / p.foreshortened_span, 0.0, 1.0)
        depth_weight = np.fmax(foreshortened, facing * upright_axis)
        depth_part = depth_weight * toward
        planar = self.direction_xy * self.in_plane[:, None]
        planar = planar * np.stack([np.ones_like(facing), 1.0 - facing], axis=1)
        return np.concatenate([planar, depth_part[:, None]], axis=1)


def estimate_heading(clean: CleanTrack, params: HeadingParams = HeadingParams()) -> Heading:
    p = params
    head = clean.point(HEAD_POINTS)
    hips = clean.point(HIPS)
    shoulders = clean.point(SHOULDERS)
    axis = head - hips
    axis = np.where(np.isfinite(axis), axis, head - shoulders)
    axis = np.where(np.isfinite(axis), axis, shoulders - hips)
    norm = np.linalg.norm(axis, axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        direction = axis / norm[:, None]
        in_plane = np.clip(clean.trunk_px / clean.size_px, 0.0, 1.0)
    in_plane = np.where(np.isfinite(in_plane), in_plane, 1.0)
    win = max(3, round(p.in_plane_smooth_s * clean.fps) | 1)
    in_plane = median_filter(in_plane, size=win, mode="nearest")
    toward = np.zeros(len(clean))
    sitting_toward = np.zeros(len(clean))
    if clean.depth is not None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            head_z = np.nanmean(clean.depth[:, list(HEAD_POINTS)], axis=1)
            hip_z = np.nanmean(clean.depth[:, list(HIPS)], axis=1)
        rel = (hip_z - head_z) / clean.size_px
        # Which way the baby faces changes slowly; single readings jump by several trunks.
        rel = _running_median(rel, max(3, round(p.depth_smooth_s * clean.fps) | 1))
        cal = clean.depth_calibration
        sure = np.where(
            rel > 0,
            np.clip((rel - cal.toward_from) / cal.sure_span, 0.0, 1.0),
            np.clip(rel / cal.sure_span, -1.0, 0.0),
        )
        toward = np.where(np.isfinite(rel), sure, 0.0)
        sitting_toward = _sitting_toward(clean, cal, p)
    known = np.isfinite(direction).all(axis=1) & clean.present
    direction = np.where(known[:, None], direction, np.nan)
    return Heading(
        direction_xy=direction,
        in_plane=in_plane,
        toward_camera=toward,
        known=known,
        sitting_toward=sitting_toward,
        params=p,
    )


def _sitting_toward(clean: CleanTrack, cal: DepthCalibration, p: HeadingParams) -> np.ndarray:
    """0..1 per frame: a sitting body's thighs surely point at the camera (1).

    Only toward: a body seen from straight above on hands and knees has the same upright trunk
    and knees level with the hips, thighs pointing away (to the floor). A sitter facing away
    needs no help: its upright trunk already points the way it goes, up the image."""
    assert clean.depth is not None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        hips = clean.point(HIPS)
        up = clean.point(SHOULDERS) - hips
        trunk_up = -up[:, 1] / clean.size_px
        axis = up / np.linalg.norm(up, axis=1)[:, None]
        knees = clean.point(KNEES)
        knees_along = np.einsum("ti,ti->t", knees - hips, axis) / clean.size_px
        knee_z = np.nanmean(clean.depth[:, list(KNEES)], axis=1)
        hip_z = np.nanmean(clean.depth[:, list(HIPS)], axis=1)
        rel = (hip_z - knee_z) / clean.size_px
    sits = (trunk_up > p.sitting_trunk_up) & (np.abs(knees_along) < p.sitting_knees_level)
    rel = np.where(sits, rel, 0.0)
    rel = _running_median(rel, max(3, round(p.depth_smooth_s * clean.fps) | 1))
    sure = np.clip((rel - cal.thighs_from) / cal.thighs_span, 0.0, 1.0)
    return np.where(np.isfinite(sure), sure, 0.0)


def _running_median(values: np.ndarray, win: int) -> np.ndarray:
    """Centred running median over the finite values (NaN where a window has none)."""
    half = win // 2
    padded = np.concatenate([np.full(half, np.nan), values, np.full(half, np.nan)])
    windows = np.lib.stride_tricks.sliding_window_view(padded, win)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        return np.nanmedian(windows, axis=1)
