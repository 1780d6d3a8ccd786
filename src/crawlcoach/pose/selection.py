"""Which of several people in view is the infant: a score from body shape, place and continuity.

Cues (all cheap, from one pose): a crawling or prone baby has its trunk near horizontal (or
pointing at the camera), is not upright on long straight legs, has a head large for its shoulders,
and is low in the frame. Upright/long-leg is judged in 3D (x, y and BlazePose depth) so that a baby
seen from behind, whose shoulders appear above its hips, is not taken for a standing adult.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from crawlcoach.parameters import TrackerParams
from crawlcoach.pose.backend import PoseEstimate
from crawlcoach.pose.keypoints import INDEX

Box = tuple[float, float, float, float]  # x0, y0, x1, y1


@dataclass(frozen=True, eq=False)
class Candidate:
    estimate: PoseEstimate  # in pixels of the analysed frame image
    likeness: float  # 0..1 infant-likeness of the pose alone
    continuity: float  # 0..1 nearness to where the infant was last seen (0.5 when unknown)
    reasons: tuple[str, ...]  # short notes on what lowered the likeness
    score: float  # how likely this is the infant: likeness, continuity and the backend's score


def _mid(p3: np.ndarray, a: str, b: str) -> np.ndarray:
    return (p3[INDEX[a]] + p3[INDEX[b]]) / 2.0


def infant_likeness(
    est: PoseEstimate, image_height: int, params: TrackerParams = TrackerParams()
) -> tuple[float, tuple[str, ...]]:
    """0..1 with the reasons that lowered it. Image y grows downwards."""
    p = params
    p3 = np.column_stack([est.keypoints_px, est.depth])
    shoulders = _mid(p3, "left_shoulder", "right_shoulder")
    hips = _mid(p3, "left_hip", "right_hip")
    knees = _mid(p3, "left_knee", "right_knee")
    ankles = _mid(p3, "left_ankle", "right_ankle")
    torso = float(np.linalg.norm(shoulders - hips)) or 1.0
    reasons: list[str] = []

    upright = (hips[1] - shoulders[1]) / torso  # 1: shoulders straight above the hips
    trunk_flat = float(np.clip(1.0 - upright, 0.0, 1.0))
    standing = (
        upright > p.upright
        and (knees[1] - hips[1]) / torso > p.standing_knees_below
        and (ankles[1] - hips[1]) / torso > p.standing_ankles_below
    )
    not_standing = 0.0 if standing else 1.0
    if not est.has_depth:
        # No depth (a person only MultiPose could read): in the image alone a baby seen from
        # behind looks upright on long legs, so these two cues say nothing either way.
        trunk_flat, not_standing = 0.5, 0.5
    else:
        if upright > p.upright:
            reasons.append("trunk upright")
        if standing:
            reasons.append("standing on long legs")

    ear_span = float(np.linalg.norm(p3[INDEX["left_ear"]] - p3[INDEX["right_ear"]]))
    shoulder_span = float(np.linalg.norm(p3[INDEX["left_shoulder"]] - p3[INDEX["right_shoulder"]]))
    head_ratio = ear_span / max(shoulder_span, 1.0)
    head_big = float(np.clip((head_ratio - p.head_ratio_from) / p.head_ratio_span, 0.0, 1.0))
    if head_big < p.head_small:
        reasons.append("head small for its shoulders")

    low = float(np.clip(hips[1] / max(image_height, 1), 0.0, 1.0))

    w_flat, w_standing, w_head, w_low = p.likeness_weights
    likeness = w_flat * trunk_flat + w_standing * not_standing + w_head * head_big + w_low * low
    return float(likeness), tuple(reasons)


def continuity(
    est: PoseEstimate, last_box: Box | None, params: TrackerParams = TrackerParams()
) -> float:
    """1 at the last known place of the infant, falling off over about one body size."""
    if last_box is None:
        return 0.5
    x0, y0, x1, y1 = est.bbox(params.box_min_confidence)
    lx0, ly0, lx1, ly1 = last_box
    size = max(lx1 - lx0, ly1 - ly0, 1.0)
    dist = float(np.hypot((x0 + x1 - lx0 - lx1) / 2, (y0 + y1 - ly0 - ly1) / 2))
    return float(np.exp(-dist / size))


def rank(
    estimates: list[PoseEstimate],
    image_height: int,
    last_box: Box | None,
    params: TrackerParams = TrackerParams(),
) -> list[Candidate]:
    """The candidates, most infant-like first."""
    w_likeness, w_continuity, w_backend = params.score_weights
    candidates = []
    for est in estimates:
        likeness, reasons = infant_likeness(est, image_height, params)
        near = continuity(est, last_box, params)
        score = w_likeness * likeness + w_continuity * near + w_backend * est.score
        candidates.append(Candidate(est, likeness, near, reasons, score))
    return sorted(candidates, key=lambda c: c.score, reverse=True)


def mask_out(image: np.ndarray, box: Box, pad: float = TrackerParams().mask_pad) -> np.ndarray:
    """A copy of the image with the box (grown by ``pad`` of its size) filled with the image's
    mean colour, so the next search finds somebody else."""
    h, w = image.shape[:2]
    x0, y0, x1, y1 = box
    gx, gy = (x1 - x0) * pad, (y1 - y0) * pad
    c0, r0 = max(int(x0 - gx), 0), max(int(y0 - gy), 0)
    c1, r1 = min(int(np.ceil(x1 + gx)), w), min(int(np.ceil(y1 + gy)), h)
    out = image.copy()
    if c1 > c0 and r1 > r0:
        out[r0:r1, c0:c1] = image.reshape(-1, 3).mean(axis=0).astype(np.uint8)
    return out
