"""Turning stored frames upright from the display matrix, the way the ffmpeg command line does.

Phones record in the sensor's orientation and store how to turn the picture for display as a
3x3 "display matrix" (the old ``rotate`` tag is the same information). We reduce it to one of the
eight quarter-turn/mirror combinations; odd angles are rounded to the nearest quarter turn.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import av
import cv2
import numpy as np
from av.sidedata.sidedata import SideData


@dataclass(frozen=True)
class Orientation:
    quarter_turns_ccw: int = 0  # np.rot90 count, 0..3
    mirror: bool = False  # then flip left-right

    @property
    def rotation_cw(self) -> int:
        """Degrees clockwise the stored picture is turned (before any mirroring)."""
        return (-90 * self.quarter_turns_ccw) % 360

    @property
    def swaps_axes(self) -> bool:
        return self.quarter_turns_ccw % 2 == 1

    def upright_size(self, width: int, height: int) -> tuple[int, int]:
        return (height, width) if self.swaps_axes else (width, height)

    def apply(self, image: np.ndarray) -> np.ndarray:
        """Return the upright (H, W, C) image; a contiguous copy only when something changes."""
        if self.quarter_turns_ccw == 0 and not self.mirror:
            return image
        out = np.ascontiguousarray(image)
        if self.quarter_turns_ccw:  # cv2 turns a 640x360 frame ~10x faster than a numpy copy
            out = cv2.rotate(out, _CV2_TURNS[self.quarter_turns_ccw])
        if self.mirror:
            out = cv2.flip(out, 1)
        return out


UPRIGHT = Orientation()
_CV2_TURNS = {
    1: cv2.ROTATE_90_COUNTERCLOCKWISE,
    2: cv2.ROTATE_180,
    3: cv2.ROTATE_90_CLOCKWISE,
}


def orientation_of(frame: av.VideoFrame) -> Orientation:
    """The orientation a decoded frame asks for (from its display-matrix side data)."""
    matrix = _display_matrix(frame)
    if matrix is None:
        return UPRIGHT
    return orientation_from_matrix(matrix)


def orientation_from_matrix(m: np.ndarray) -> Orientation:
    """Follow fftools' autorotate: ``theta`` is the clockwise angle, entries 0/3/4 decide flips."""
    a, b, c, d = (float(v) / 65536.0 for v in (m[0], m[1], m[3], m[4]))
    scale_x, scale_y = math.hypot(a, c), math.hypot(b, d)
    if scale_x == 0 or scale_y == 0:
        return UPRIGHT
    theta = math.degrees(math.atan2(b / scale_y, a / scale_x))
    quarter = round(theta / 90.0) % 4  # clockwise quarter turns
    if quarter == 1:  # ffmpeg: transpose=cclock_flip if m[3] > 0 else clock
        return Orientation(3, mirror=True) if m[3] > 0 else Orientation(3)
    if quarter == 3:  # transpose=clock_flip if m[3] < 0 else cclock
        return Orientation(1, mirror=True) if m[3] < 0 else Orientation(1)
    if quarter == 2:  # hflip if m[0] < 0, vflip if m[4] < 0
        hflip, vflip = m[0] < 0, m[4] < 0
        if hflip and vflip:
            return Orientation(2)
        if vflip:
            return Orientation(2, mirror=True)
        return Orientation(0, mirror=bool(hflip))
    return Orientation(2, mirror=True) if m[4] < 0 else UPRIGHT  # 0: vflip when m[4] < 0


def _side_data(frame: av.VideoFrame) -> Iterator[SideData]:
    """The frame's side data. PyAV 18.1.0 and earlier iterate the side data itself; 18.1.1 made
    the container a mapping that iterates its types (iterating the side data crashed)."""
    container: Any = frame.side_data
    for item in container:
        yield item if hasattr(item, "type") else container[item]


def _display_matrix(frame: av.VideoFrame) -> np.ndarray | None:
    for side_data in _side_data(frame):
        if "DISPLAYMATRIX" in str(side_data.type):
            raw = bytes(side_data)
            if len(raw) >= 36:
                return np.frombuffer(raw[:36], dtype="<i4")
    rotation = getattr(frame, "rotation", 0) or 0  # counter-clockwise degrees, as PyAV reports
    if rotation:
        turns = round(-rotation / 90.0) % 4
        return _matrix_for_clockwise_turns(turns)
    return None


def _matrix_for_clockwise_turns(turns: int) -> np.ndarray:
    one = 65536
    cos, sin = ((1, 0), (0, 1), (-1, 0), (0, -1))[turns]
    return np.array([cos * one, sin * one, 0, -sin * one, cos * one, 0, 0, 0, 1 << 30], "<i4")
