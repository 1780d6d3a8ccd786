"""Cleaning a pose track: floor coordinates, short gaps filled, zero-phase smoothing, body size.

Everything downstream works on ``CleanTrack``: keypoints in the camera-motion-free reference
frame, with a per-frame body size so that distances can be said in body lengths, and the rate at
which that size changes (the baby coming nearer or going away).

Two kinds of pose-backend error are taken out here, because they would read as motion:
- front-back mix-ups: the skeleton turns round for under a second and back;
- left-right swaps: the shoulders trade places for a moment, collapsing the widths.
A turn about the vertical also changes the apparent size (trunk and widths change in opposite
directions); that change is not counted as travel in depth.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field

import numpy as np
from scipy.ndimage import median_filter, uniform_filter1d
from scipy.signal import savgol_filter

from crawlcoach.motion.camera import CameraMotion
from crawlcoach.parameters import CleanParams, frames, mean_rate
from crawlcoach.pose import keypoints
from crawlcoach.pose.depth import DepthCalibration
from crawlcoach.pose.track import PoseTrack

K = keypoints.INDEX
SHOULDERS = keypoints.SHOULDERS
HIPS = keypoints.HIPS
KNEES = (K["left_knee"], K["right_knee"])
HEAD_POINTS = (K["nose"], K["left_eye"], K["right_eye"], K["left_ear"], K["right_ear"])


@dataclass(frozen=True, eq=False)
class CleanTrack:
    """Axes: T frames, K keypoints. Positions are reference (floor-fixed) pixels; NaN = unknown."""

    timestamps_s: np.ndarray  # (T,)
    xy: np.ndarray  # (T, K, 2)
    seen: np.ndarray  # (T, K) bool: measured (not guessed, not interpolated)
    depth: np.ndarray | None  # (T, K) backend depth, smaller is nearer, in pixels of x
    size_px: np.ndarray  # (T,) trunk length in reference px (robust to foreshortening), smoothed
    trunk_px: np.ndarray  # (T,) apparent shoulder-centre to hip-centre length
    present: np.ndarray  # (T,) bool: the torso is known in this frame
    focal_px: float
    growth_per_s: np.ndarray  # (T,) d/dt log(apparent size): > 0 coming nearer the camera
    # how the pose backend's depth reads (recorded with the track; BlazePose's by default)
    depth_calibration: DepthCalibration = field(default_factory=DepthCalibration)
    params: CleanParams = field(default_factory=CleanParams)  # what cleaned it

    def __len__(self) -> int:
        return len(self.timestamps_s)

    @property
    def fps(self) -> float:
        if len(self) < 2:
            return 0.0
        return float(1.0 / np.median(np.diff(self.timestamps_s)))

    @property
    def frame_rate(self) -> float:
        """Frames per second over the whole track (the mean rate), to count a duration in
        frames; ``fps`` (from the median interval) is what the smoothing windows were set with."""
        if len(self) < 2:
            return 0.0
        return mean_rate(len(self), float(self.timestamps_s[-1] - self.timestamps_s[0]))

    @property
    def body_length_px(self) -> np.ndarray:
        """(T,) body length (nose to hips) in reference px."""
        return self.size_px * self.params.body_length_per_trunk

    def point(self, indices: tuple[int, ...]) -> np.ndarray:
        """(T, 2) mean of the given keypoints where any is known."""
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            return np.nanmean(self.xy[:, list(indices)], axis=1)


def clean_track(
    track: PoseTrack, camera_motion: CameraMotion | None = None, params: CleanParams = CleanParams()
) -> CleanTrack:
    p = params
    t = np.asarray(track.timestamps_s, float)
    conf = np.asarray(track.confidence, float)
    seen = (conf >= p.visible) & np.all(np.isfinite(track.keypoints_px), axis=2)
    xy = np.where(seen[..., None], track.keypoints_px, np.nan).astype(float)
    if camera_motion is not None and len(t):
        cam = camera_motion if len(camera_motion) == len(t) else camera_motion.resampled(t)
        xy = cam.apply(xy)
        cam_scale = cam.scale
    else:
        cam_scale = np.ones(len(t))
    fps = 1.0 / np.median(np.diff(t)) if len(t) > 1 else 15.0
    flipped = _briefly_flipped(xy, fps, p)
    seen = seen & ~flipped[:, None]
    xy = np.where(seen[..., None], xy, np.nan)
    xy = _fill_and_smooth(xy, fps, p)
    depth = None
    if track.depth is not None:
        d = np.where(seen, track.depth, np.nan) * cam_scale[:, None]
        depth = _fill_and_smooth(d[..., None], fps, p)[..., 0]

    def centre(idx: tuple[int, ...]) -> np.ndarray:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            return np.nanmean(xy[:, list(idx)], axis=1)

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        trunk = np.linalg.norm(centre(SHOULDERS) - centre(HIPS), axis=1)
        shoulder_w = np.linalg.norm(xy[:, SHOULDERS[0]] - xy[:, SHOULDERS[1]], axis=1)
        raw_size = np.fmax(trunk, p.trunk_per_shoulder_width * shoulder_w)
        hip_w = np.linalg.norm(xy[:, HIPS[0]] - xy[:, HIPS[1]], axis=1)
        head_w = np.linalg.norm(xy[:, K["left_ear"]] - xy[:, K["right_ear"]], axis=1)
    size = _smooth_size(raw_size, fps, p)
    # Each length in trunk lengths, smoothed once: the size change and the turn test share them.
    along = _smooth_size(trunk, fps, p)
    shoulders, hips, head = (
        _smooth_size(ratio * width, fps, p)
        for ratio, width in (
            (p.trunk_per_shoulder_width, shoulder_w),
            (p.trunk_per_hip_width, hip_w),
            (p.trunk_per_head_width, head_w),
        )
    )
    growth = _growth_rate(t, [along, shoulders], head, p)
    turning = _turning_about_vertical(t, xy, along, [shoulders, hips, head], fps, p)
    growth = np.where(turning, 0.0, growth)
    present = np.isfinite(size) & np.isfinite(centre(SHOULDERS)).all(axis=1)
    w, h = track.frame_size
    return CleanTrack(
        timestamps_s=t,
        xy=xy,
        seen=seen,
        depth=depth,
        size_px=size,
        trunk_px=trunk,
        present=present,
        focal_px=p.focal_per_side * max(w, h),
        growth_per_s=growth,
        depth_calibration=DepthCalibration.of_track(track.meta),
        params=p,
    )


def _turning_about_vertical(
    t: np.ndarray,
    xy: np.ndarray,
    along: np.ndarray,
    widths: list[np.ndarray],
    fps: float,
    p: CleanParams,
) -> np.ndarray:
    """(T,) frames where the trunk (``along``) and the widths (median of shoulders, hips, ears;
    all smoothed, in trunk lengths) change clearly in opposite directions: the baby turns (a 45
    degree turn from facing the camera shrinks the widths by 0.7), and the size change is no
    travel in depth."""
    if len(t) < 3:
        return np.zeros(len(t), bool)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        across = np.stack(widths, axis=1)
        across_rates = np.gradient(np.log(across), t, axis=0)
        widest = np.nanmax(across, axis=1)
        usable = np.isfinite(across_rates) & (across > p.end_on * widest[:, None])
        across_rate = np.nanmedian(np.where(usable, across_rates, np.nan), axis=1)
        along_rate = np.gradient(np.log(along), t)
        longest = np.fmax(widest, along)
        both_seen = (along > p.end_on * longest) & (widest > p.end_on * longest)
    opposite = np.sign(along_rate) * np.sign(across_rate) < 0
    fast = np.fmin(np.abs(along_rate), np.abs(across_rate)) > p.turn_rate
    # Widths that collapse because the backend swapped left and right are no turn either.
    swap_window = frames(p.swap_context_s, fps, minimum=0)
    return both_seen & opposite & fast & ~_near_side_swap(xy, swap_window)


def _near_side_swap(xy: np.ndarray, window: int) -> np.ndarray:
    """(T,) within ``window`` of a brief flip of the shoulders' left-right order across the body
    axis: the backend swapping left and right for a moment. A turn from facing the camera to
    facing away flips the order too, but for good."""
    window = max(3, window | 1)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        axis = np.nanmean(xy[:, list(SHOULDERS)], axis=1) - np.nanmean(xy[:, list(HIPS)], axis=1)
    across = xy[:, SHOULDERS[1]] - xy[:, SHOULDERS[0]]
    side = np.nan_to_num(np.sign(axis[:, 0] * across[:, 1] - axis[:, 1] * across[:, 0]))
    held = median_filter(side, size=window, mode="nearest")
    brief = (side != 0) & (held != 0) & (side != held)
    return uniform_filter1d(brief.astype(float), window, mode="nearest") > 0


def _briefly_flipped(xy: np.ndarray, fps: float, p: CleanParams = CleanParams()) -> np.ndarray:
    """(T,) frames inside a run shorter than ``max_flip_s`` whose hips-to-head axis points
    against the direction held over ``flip_context_s`` either side (a front-back mix-up of the
    backend)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        head = np.nanmean(xy[:, list(HEAD_POINTS)], axis=1)
        hips = np.nanmean(xy[:, list(HIPS)], axis=1)
        axis = head - hips
        length = np.linalg.norm(axis, axis=1)
        shoulder_w = np.linalg.norm(xy[:, SHOULDERS[0]] - xy[:, SHOULDERS[1]], axis=1)
        axis = axis / length[:, None]
        # Only a body lying across the view has an axis whose direction means something: facing
        # the camera, head and guessed hips nearly meet and the axis swings at random.
        lying_across = length > p.across_axis * p.trunk_per_shoulder_width * shoulder_w
        axis[~lying_across] = np.nan
        half = frames(p.flip_context_s, fps)
        padded = np.pad(axis, ((half, half), (0, 0)), constant_values=np.nan)
        windows = np.lib.stride_tricks.sliding_window_view(padded, 2 * half + 1, axis=0)
        held = np.nanmedian(windows, axis=2)  # (T, 2) the direction held around each frame
        cos = np.einsum("ti,ti->t", axis, held) / np.linalg.norm(held, axis=1)
    flipped = np.nan_to_num(cos, nan=1.0) < p.flipped_cos
    longest = frames(p.max_flip_s, fps)
    shortest = frames(p.min_flip_s, fps)
    for a, b in _runs(flipped):
        if not shortest <= b - a <= longest:
            flipped[a:b] = False
    return flipped


def _runs(mask: np.ndarray) -> list[tuple[int, int]]:
    """[start, end) of each run of True."""
    padded = np.concatenate([[False], mask, [False]])
    edges = np.flatnonzero(np.diff(padded.astype(int)))
    return list(zip(edges[::2], edges[1::2], strict=True))


def _fill_and_smooth(values: np.ndarray, fps: float, p: CleanParams) -> np.ndarray:
    """Bridge short NaN gaps linearly, then Savitzky-Golay (zero phase) within each known run.

    ``values``: (T, K, D). Works along T for every (K, D) series."""
    out = values.copy()
    max_gap = frames(p.max_gap_s, fps)
    window = max(5, round(p.smooth_s * fps) | 1)  # quadratic fits need a few frames
    idx = np.arange(values.shape[0])
    for k in range(values.shape[1]):
        for d in range(values.shape[2]):
            series = out[:, k, d]
            known = np.isfinite(series)
            if known.sum() < 2:
                continue
            for a, b in _runs(~known):
                if a > 0 and b < len(series) and b - a <= max_gap:
                    series[a:b] = np.interp(idx[a:b], [a - 1, b], [series[a - 1], series[b]])
            for a, b in _runs(np.isfinite(series)):
                if b - a > window:
                    series[a:b] = savgol_filter(series[a:b], window, 2)
    return out


def _smooth_size(raw: np.ndarray, fps: float, p: CleanParams) -> np.ndarray:
    """Sizes change slowly (distance to camera); median then mean in log space over ~1 s."""
    log_size = np.log(np.where(raw > 1e-3, raw, np.nan))
    filled = _fill_and_smooth(log_size[:, None, None], fps, p)[:, 0, 0]
    known = np.isfinite(filled)
    if known.sum() == 0:
        return np.full_like(raw, np.nan)
    win = max(3, round(p.size_smooth_s * fps) | 1)
    out = np.full_like(raw, np.nan)
    for a, b in _runs(known):
        seg = median_filter(filled[a:b], size=min(win, b - a), mode="nearest")
        if b - a > win:
            seg = savgol_filter(seg, win, 1)
        out[a:b] = seg
    return np.exp(out)


def _growth_rate(
    t: np.ndarray, body_sizes: list[np.ndarray], head_size: np.ndarray, p: CleanParams
) -> np.ndarray:
    """Rate of change of log apparent size, robust to posture: each size measure (trunk, shoulder
    width, head width) also changes when the baby turns or bends, rarely all at once, so per frame
    take the weighted median of their rates, weighting the longer (less foreshortened) ones.
    The sizes come smoothed (``_smooth_size``).

    The head turns on its own (a baby looking toward the camera and away swings the ear-to-ear
    width tenfold while the body stays put), so its weight is capped at half the body measures':
    it breaks a tie between them, never outvotes them."""
    if len(t) < 3:
        return np.zeros(len(t))
    sizes = np.stack([*body_sizes, head_size], axis=1)  # (T, M)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        rates = np.gradient(np.log(sizes), t, axis=0)
        weights = sizes / np.nanmax(sizes, axis=1, keepdims=True)
    weights = np.where(np.isfinite(rates) & (weights > p.min_size_weight), weights, 0.0)
    weights[:, -1] = np.minimum(weights[:, -1], p.head_weight_cap * weights[:, :-1].max(axis=1))
    rates = np.where(weights > 0, rates, 0.0)
    order = np.argsort(rates, axis=1)
    r = np.take_along_axis(rates, order, axis=1)
    w = np.take_along_axis(weights, order, axis=1)
    cum = np.cumsum(w, axis=1)
    total = cum[:, -1:]
    pick = np.argmax(cum >= 0.5 * total, axis=1)
    out = r[np.arange(len(t)), pick]
    return np.where(total[:, 0] > 0, out, np.nan)
