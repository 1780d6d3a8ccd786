"""Window features: the motion signals summarised over short overlapping windows of a clip.

They are what the learned direction model (``direction_model.py``) reads. Each window gives
- *odd* features, which change sign when the clip is played backwards (travel along the
  heading, from the body's position in the image and from its apparent size), and
- *even* features, which do not (how much of the body axis lies in the image, how steady the
  heading is, how well the body was seen).
The model only ever multiplies odd by even features and has no constant term, so a clip played
backwards gets exactly the opposite reading, and a mirrored clip (left and right exchanged) the
same one: every feature is a projection on the heading or a length.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass

import numpy as np

from crawlcoach.motion.heading import Heading
from crawlcoach.motion.travel import TravelSignals
from crawlcoach.parameters import WindowParams

ODD_FEATURES = (
    "forward_bl_s",  # travel along the heading, smoothed over a second (travel.forward)
    "planar_forward_bl_s",  # the image-plane part: body centre moving along the in-plane axis
    "depth_forward_bl_s",  # the apparent-size part: growing while the head points at the camera
    "forward_vote",  # share of frames going forward minus share going backward
)
EVEN_FEATURES = (
    "one",  # the odd feature on its own
    "in_plane",  # share of the body axis in the image plane (0: end-on to the camera)
    "depth_facing",  # |depth part of the heading|: how much the size channel decides
    "heading_steadiness",  # 1: the in-plane heading held still over the window
)


@dataclass(frozen=True, eq=False)
class Windows:
    """N windows of one clip."""

    start_s: np.ndarray  # (N,)
    end_s: np.ndarray  # (N,)
    odd: np.ndarray  # (N, len(ODD_FEATURES))
    even: np.ndarray  # (N, len(EVEN_FEATURES))
    speed_bl_s: np.ndarray  # (N,) net speed over the floor, any direction

    def __len__(self) -> int:
        return len(self.start_s)

    def design(self) -> np.ndarray:
        """(N, odd x even) products: the model's inputs, odd under time reversal."""
        return (self.odd[:, :, None] * self.even[:, None, :]).reshape(len(self), -1)


def design_names() -> list[str]:
    return [f"{o}*{e}" for o in ODD_FEATURES for e in EVEN_FEATURES]


def window_features(
    travel: TravelSignals, heading: Heading, params: WindowParams = WindowParams()
) -> Windows:
    """Features of every window of at least ``min_known`` known frames, in time order."""
    t = travel.timestamps_s
    n = len(t)
    empty = Windows(
        np.zeros(0), np.zeros(0), np.zeros((0, len(ODD_FEATURES))),
        np.zeros((0, len(EVEN_FEATURES))), np.zeros(0),
    )  # fmt: skip
    if n < 3:
        return empty
    h3 = heading.vector3()
    v = np.nan_to_num(travel.velocity)
    xy_along = np.einsum("ti,ti->t", v[:, :2], np.nan_to_num(h3[:, :2]))
    z_along = v[:, 2] * np.nan_to_num(h3[:, 2])
    known = travel.known & np.isfinite(travel.forward) & np.isfinite(travel.speed)
    cap = params.clip_speed
    starts, ends, odd, even, speed = [], [], [], [], []
    t0 = float(t[0])
    # Windows are laid out from the clip's middle outwards, so a clip played backwards gets the
    # same windows in reverse order (its timestamps are the mirror image).
    span = float(t[-1] - t[0])
    count = max(1, int(np.floor((span - params.window_s) / params.hop_s + 1e-9)) + 1)
    offset = (span - params.window_s - (count - 1) * params.hop_s) / 2
    for k in range(count):
        a_s = t0 + max(0.0, offset) + k * params.hop_s
        b_s = min(a_s + params.window_s, float(t[-1]))
        sel = (t >= a_s - 1e-6) & (t <= b_s + 1e-6)
        ok = sel & known
        if sel.sum() == 0 or ok.sum() < params.min_known * sel.sum():
            continue
        fwd = travel.forward[ok]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            d = heading.direction_xy[ok]
            steady = float(np.linalg.norm(np.nanmean(d, axis=0))) if np.isfinite(d).any() else 0
        odd.append([
            np.clip(np.mean(fwd), -cap, cap),
            np.clip(np.mean(xy_along[ok]), -cap, cap),
            np.clip(np.mean(z_along[ok]), -cap, cap),
            float(np.mean(np.sign(fwd))),
        ])  # fmt: skip
        even.append([
            1.0,
            float(np.mean(heading.in_plane[ok])),
            float(np.mean(np.abs(np.nan_to_num(h3[ok, 2])))),
            float(np.nan_to_num(steady)),
        ])  # fmt: skip
        speed.append(float(np.mean(travel.speed[ok])))
        starts.append(a_s)
        ends.append(b_s)
    if not starts:
        return empty
    return Windows(
        np.asarray(starts), np.asarray(ends), np.asarray(odd, float), np.asarray(even, float),
        np.asarray(speed),
    )  # fmt: skip
