"""Turn projected keypoints into what a pose backend reports: confidence, jitter and gaps.

- Confidence is high for visible keypoints and low (about a third) for keypoints hidden behind the
  trunk or head, as seen from the camera: the far-side limbs in a side view, the hips of a baby
  crawling at the camera, the head of one crawling away. Hidden keypoints are still reported (as
  BlazePose guesses them) but jitter more and go missing more often.
- Keypoints outside the frame keep their position with confidence near 0.2; a frame whose trunk
  centre is outside the frame has no detection at all.
- ``noise_px``: Gaussian jitter per keypoint and frame (times 1 to 3 for hidden keypoints).
- ``dropout``: that share of frames, in runs of 1 to 6 frames, has no detection (NaN, confidence 0).
- ``occlusion``: that share of single keypoints is missing, in runs of about 3 frames, more often
  where hidden.
- ``swap``: that share of frames, in runs, has every left and right keypoint exchanged (a
  common pose-estimator error on babies, mostly in side views).
- Depth is relative to the hip centre in pixels (like BlazePose's z), nearer is smaller, and noisy.
"""

from __future__ import annotations

import numpy as np

from crawlcoach.pose.keypoints import COUNT, INDEX, NAMES
from crawlcoach.synth.body import BodyDims
from crawlcoach.synth.camera import CameraPath

_ENDS = ("wrist", "pinky", "index", "thumb", "ankle", "heel", "foot_index")
_EXTREMITIES = [INDEX[f"{s}_{p}"] for s in ("left", "right") for p in _ENDS]
_MIRRORED = np.array([INDEX[n.replace("left", "@").replace("right", "left").replace("@", "right")]
                      for n in NAMES])  # fmt: skip
_JOINTS = [INDEX[f"{s}_{p}"] for s in ("left", "right") for p in ("elbow", "knee")]


def _mid(points: np.ndarray, a: str, b: str) -> np.ndarray:
    return (points[:, INDEX[a]] + points[:, INDEX[b]]) / 2


def hidden_share(
    world: np.ndarray, camera: CameraPath, px: np.ndarray, depth: np.ndarray, dims: BodyDims
) -> np.ndarray:
    """(T, K) 0..1: how far each keypoint lies behind the trunk or head as seen by the camera."""
    hips = _mid(world, "left_hip", "right_hip")
    shoulders = _mid(world, "left_shoulder", "right_shoulder")
    along = np.linspace(0.0, 1.0, 5)[None, :, None]
    centres = hips[:, None] + along * (shoulders - hips)[:, None]
    head = _mid(world, "left_ear", "right_ear")[:, None]
    centres = np.concatenate([centres, head], axis=1)  # (T, S, 3)
    radii = np.array([1.1 * dims.shoulder_half] * 5 + [dims.head_radius])
    c_px, c_z = camera.project(centres)
    r_px = camera.focal_px * radii[None] / np.maximum(c_z, 1e-3)
    gap = np.linalg.norm(px[:, :, None] - c_px[:, None], axis=-1) / r_px[:, None]  # (T, K, S)
    behind = depth[:, :, None] > c_z[:, None] + 0.5 * radii[None, None]
    cover = np.clip((1.2 - gap) / 0.4, 0.0, 1.0) * behind
    return np.nan_to_num(cover.max(axis=2))


def _run_mask(
    rng: np.random.Generator, shape: tuple[int, int], share: float, weights: np.ndarray | None
) -> np.ndarray:
    """(frames, columns) mask with about ``share`` of it set, in runs of 1-6 frames (mean ~3).

    Runs start in a column chosen in proportion to ``weights`` (frames, columns).
    """
    mask = np.zeros(shape, dtype=bool)
    target = round(share * mask.size)
    if target == 0:
        return mask
    _, cols = shape
    p = None if weights is None else (weights / weights.sum()).ravel()
    while mask.sum() < target:
        count = max(1, (target - int(mask.sum())) // 3)
        starts = rng.choice(mask.size, size=count, p=p)
        lengths = np.clip(rng.geometric(1.0 / 3.0, size=count), 1, 6)
        for flat, length in zip(starts.tolist(), lengths.tolist(), strict=True):
            frame, col = divmod(flat, cols)
            mask[frame : frame + length, col] = True
    return mask


def observe(
    world: np.ndarray,
    camera: CameraPath,
    frame_size: tuple[int, int],
    noise_px: float,
    dropout: float,
    occlusion: float,
    swap: float,
    dims: BodyDims,
    rng: np.random.Generator,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Keypoints (T, K, 2), confidence (T, K), relative depth (T, K) as a backend reports them."""
    px, z = camera.project(world)
    n = len(world)
    hidden = hidden_share(world, camera, px, z, dims)
    base = np.full(COUNT, 0.97)
    base[_JOINTS] = 0.92
    base[_EXTREMITIES] = 0.86
    width, height = frame_size
    inside = (px[..., 0] >= 0) & (px[..., 0] < width) & (px[..., 1] >= 0) & (px[..., 1] < height)
    conf = base[None] * (1.0 - 0.65 * hidden) * np.where(inside, 1.0, 0.22)
    conf = np.clip(conf + rng.normal(0.0, 0.03, size=conf.shape), 0.02, 1.0)
    jitter = noise_px * (1.0 + 2.0 * hidden)[..., None] * rng.standard_normal(px.shape)
    keypoints = px + jitter
    hip_z = (z[:, INDEX["left_hip"]] + z[:, INDEX["right_hip"]]) / 2
    depth = (z - hip_z[:, None]) * camera.focal_px / hip_z[:, None]
    depth = depth + 3.0 * noise_px * rng.standard_normal(depth.shape)

    swapped = _run_mask(rng, (n, 1), swap, None)[:, 0]
    keypoints[swapped] = keypoints[swapped][:, _MIRRORED]
    conf[swapped] = conf[swapped][:, _MIRRORED]
    depth[swapped] = depth[swapped][:, _MIRRORED]
    missing = _run_mask(rng, (n, COUNT), occlusion, 1.0 + 3.0 * hidden)
    missing |= _run_mask(rng, (n, 1), dropout, None)
    centre = (
        _mid(px, "left_hip", "right_hip") * 0.5 + _mid(px, "left_shoulder", "right_shoulder") * 0.5
    )
    off_frame = ~((centre[:, 0] >= 0) & (centre[:, 0] < width)
                  & (centre[:, 1] >= 0) & (centre[:, 1] < height))  # fmt: skip
    missing[off_frame] = True
    missing |= ~np.isfinite(px).all(axis=-1)
    keypoints[missing] = np.nan
    conf[missing] = 0.0
    depth[missing] = np.nan
    return keypoints, conf, depth
