"""Choosing which decoded frames to keep for a target analysis rate, by timestamp."""

from __future__ import annotations

import math

# Tolerance against float rounding of timestamps (30000/1001 sources and the like).
_EPSILON_SLOTS = 1e-6


class RateSampler:
    """Keep at most one frame per 1/fps slot of the timeline: the first frame that falls in it.

    Works with variable frame rate and never duplicates frames: a source slower than the target
    keeps every frame; a 25 fps source sampled at 15 fps keeps 15 frames a second (at slightly
    irregular intervals: use the timestamps, not the frame indices). ``fps=None`` keeps every
    frame. Frames whose timestamp does not move forward are always dropped.
    """

    def __init__(self, fps: float | None) -> None:
        if fps is not None and not (math.isfinite(fps) and fps > 0):
            raise ValueError(f"fps must be a positive number or None, not {fps!r}")
        self.fps = fps
        self._last_slot = -math.inf
        self._last_seen = -math.inf
        self.dropped_out_of_order = 0

    def keep(self, timestamp_s: float) -> bool:
        if timestamp_s <= self._last_seen:
            self.dropped_out_of_order += 1
            return False
        self._last_seen = timestamp_s
        if self.fps is None:
            return True
        slot = math.floor(timestamp_s * self.fps + _EPSILON_SLOTS)
        if slot <= self._last_slot:
            return False
        self._last_slot = slot
        return True
