"""Drawing the tracked skeleton over a video frame (for annotated videos and report stills)."""

from __future__ import annotations

from typing import Final

import cv2
import numpy as np

from crawlcoach.pose.keypoints import COUNT, NAMES, SKELETON

# The videos we write (overlay, browser copy, copies to share) are at most this many pixels on
# their longer side: browsers and phones play that comfortably; larger sources are shrunk to it.
MAX_OUTPUT_SIDE: Final = 1280

# RGB. The baby's own left and right, in colours that stay apart for colour-blind viewers.
LEFT_COLOUR: Final = (255, 150, 0)  # orange
RIGHT_COLOUR: Final = (0, 150, 255)  # blue
CENTRE_COLOUR: Final = (255, 255, 255)  # lines that join the two sides

_SUBPIXEL_BITS: Final = 4  # cv2 draws at 1/16 px so slow motion does not jitter
_JOINTS: Final = tuple(sorted({i for line in SKELETON for i in line}))


def _side(index: int) -> str:
    for side in ("left", "right"):
        if NAMES[index].startswith(side + "_"):
            return side
    return "centre"


def _colour(*indices: int) -> tuple[int, int, int]:
    sides = {_side(i) for i in indices}
    if sides == {"left"}:
        return LEFT_COLOUR
    if sides == {"right"}:
        return RIGHT_COLOUR
    return CENTRE_COLOUR


def draw_skeleton(
    image_rgb: np.ndarray,
    keypoints_px: np.ndarray,
    confidence: np.ndarray,
    *,
    min_confidence: float = 0.3,
) -> np.ndarray:
    """A copy of ``image_rgb`` (H, W, 3 uint8) with the skeleton drawn on it.

    ``keypoints_px`` (33, 2) are x, y in this image's pixels (multiply by ``Frame.scale`` or
    divide by it to move between analysis and source frames); ``confidence`` (33,) in 0..1.
    Keypoints below ``min_confidence`` or not finite are left out with every line touching them.
    """
    if image_rgb.ndim != 3 or image_rgb.shape[2] != 3 or image_rgb.dtype != np.uint8:
        raise ValueError(f"expected an (H, W, 3) uint8 RGB image, got {image_rgb.shape}")
    points = np.asarray(keypoints_px, dtype=np.float64)
    conf = np.asarray(confidence, dtype=np.float64)
    if points.shape != (COUNT, 2) or conf.shape != (COUNT,):
        raise ValueError(
            f"expected keypoints ({COUNT}, 2) and confidence ({COUNT},), "
            f"got {points.shape} and {conf.shape}"
        )
    out = np.ascontiguousarray(image_rgb).copy()
    height, width = out.shape[:2]
    thickness = max(2, round(min(height, width) / 160))  # 2 px at 320x240, 4 at 720p
    visible = (conf >= min_confidence) & np.isfinite(points).all(axis=1)
    # Far-off points would overflow cv2's fixed-point maths; lines are clipped to the image anyway.
    limit = 4 * max(height, width)
    fixed = np.round(np.clip(np.nan_to_num(points), -limit, limit) * (1 << _SUBPIXEL_BITS))
    fixed = fixed.astype(np.int32)

    def at(i: int) -> tuple[int, int]:
        return int(fixed[i, 0]), int(fixed[i, 1])

    for a, b in SKELETON:
        if visible[a] and visible[b]:
            cv2.line(out, at(a), at(b), _colour(a, b), thickness, cv2.LINE_AA, _SUBPIXEL_BITS)
    radius = (thickness + 1) << _SUBPIXEL_BITS
    for i in _JOINTS:
        if visible[i]:
            cv2.circle(out, at(i), radius, _colour(i), -1, cv2.LINE_AA, _SUBPIXEL_BITS)
    return out
