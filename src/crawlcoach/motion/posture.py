"""Posture features per frame, in the body's own frame (axis hips -> shoulders), in trunk lengths.

They are what the style and limb analyses look at: where knees and feet lie relative to the hips,
how bent the knees are, whether the trunk stands up in the image, where the hands are.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass

import numpy as np

from crawlcoach.motion.clean import HIPS, SHOULDERS, CleanTrack, K


@dataclass(frozen=True, eq=False)
class Posture:
    """Axes: T frames; NaN where the parts were not seen."""

    knee_behind: np.ndarray  # knees behind the hips along the body axis
    ankle_behind: np.ndarray  # ankles behind the hips along the body axis
    knee_angle_deg: np.ndarray  # 180 = straight leg (2-D, so foreshortening bends it)
    trunk_up: np.ndarray  # shoulders above hips in the image (1 = straight up, in trunk lengths)
    ankle_below: np.ndarray  # ankles below the hips in the image
    knee_below: np.ndarray  # knees below the hips in the image (negative: raised above them)
    side_sign: np.ndarray  # +1/-1: which side of the axis the left shoulder lies (flips in a roll)
    shoulder_width: np.ndarray  # apparent shoulder width in trunk lengths
    wrist_ahead: np.ndarray  # wrists ahead of the shoulders along the body axis
    hip_spread: np.ndarray  # hips apart across the body axis in the image, trunk lengths
    ankle_spread: np.ndarray  # ankles apart across the body axis in the image, trunk lengths
    wrist_below: np.ndarray  # wrists below the shoulders in the image (straight arms: about 1)
    elbow_angle_deg: np.ndarray  # 180 = straight arm (2-D, yet straight from any view)


def measure_posture(clean: CleanTrack) -> Posture:
    xy = clean.xy
    size = clean.size_px
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        hip = clean.point(HIPS)
        sh = clean.point(SHOULDERS)
        u = sh - hip
        u = u / np.linalg.norm(u, axis=1)[:, None]

        def behind(idx: tuple[int, int], roots: tuple[int, int] = HIPS) -> np.ndarray:
            vals = []
            for side, hip_i in zip(idx, roots, strict=True):
                d = np.einsum("ti,ti->t", xy[:, hip_i] - xy[:, side], u) / size
                vals.append(np.where(clean.seen[:, side], d, np.nan))
            return np.nanmean(vals, axis=0)

        knees = (K["left_knee"], K["right_knee"])
        ankles = (K["left_ankle"], K["right_ankle"])

        def joint_angles(
            roots: tuple[int, int], joints: tuple[int, int], ends: tuple[int, int]
        ) -> np.ndarray:
            out = []
            for h, k, a in zip(roots, joints, ends, strict=True):
                v1, v2 = xy[:, h] - xy[:, k], xy[:, a] - xy[:, k]
                cos = np.einsum("ti,ti->t", v1, v2) / (
                    np.linalg.norm(v1, axis=1) * np.linalg.norm(v2, axis=1)
                )
                ang = np.degrees(np.arccos(np.clip(cos, -1, 1)))
                out.append(np.where(clean.seen[:, k] & clean.seen[:, a], ang, np.nan))
            return np.nanmean(out, axis=0)

        angles = joint_angles(HIPS, knees, ankles)
        elbows = joint_angles(
            SHOULDERS, (K["left_elbow"], K["right_elbow"]), (K["left_wrist"], K["right_wrist"])
        )

        def seen_y(idx: tuple[int, int]) -> np.ndarray:
            cols = list(idx)
            return np.nanmean(np.where(clean.seen[:, cols], xy[:, cols, 1], np.nan), axis=1)

        ankle_y = seen_y(ankles)
        knee_y = seen_y(knees)
        wrist_y = seen_y((K["left_wrist"], K["right_wrist"]))
        across = np.stack([-u[:, 1], u[:, 0]], axis=1)

        def spread(a: int, b: int) -> np.ndarray:
            d = np.abs(np.einsum("ti,ti->t", xy[:, a] - xy[:, b], across)) / size
            return np.where(clean.seen[:, a] & clean.seen[:, b], d, np.nan)

        lr = xy[:, SHOULDERS[0]] - xy[:, SHOULDERS[1]]
        cross = u[:, 0] * lr[:, 1] - u[:, 1] * lr[:, 0]
        return Posture(
            knee_behind=behind(knees),
            ankle_behind=behind(ankles),
            knee_angle_deg=angles,
            trunk_up=(hip[:, 1] - sh[:, 1]) / size,
            ankle_below=(ankle_y - hip[:, 1]) / size,
            knee_below=(knee_y - hip[:, 1]) / size,
            side_sign=np.sign(cross),
            shoulder_width=np.linalg.norm(lr, axis=1) / size,
            wrist_ahead=-behind((K["left_wrist"], K["right_wrist"]), SHOULDERS),
            hip_spread=spread(*HIPS),
            ankle_spread=spread(*ankles),
            wrist_below=(wrist_y - sh[:, 1]) / size,
            elbow_angle_deg=elbows,
        )
