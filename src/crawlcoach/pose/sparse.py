"""Fewer pose-model calls where nothing happens: while the picture around the baby stays the same
as in the last frame the model looked at, the model skips frames (at most ``still_gap_s`` in a
row) and their keypoints are interpolated afterwards between the frames on either side. Any
change there (a hand that moves, the baby setting off, the camera panning) or a lost baby sends
the model back to every frame.

The gate sits between the decoded frames and ``track_infant``:

    gate = StillnessGate(params.sampling, fps)
    track = track_infant(gate.frames(frames, hook), backend, on_frame=gate.watching(hook), ...)
    track = gate.filled(track)

Skipped frames still reach ``hook`` (camera motion, the overlay video), in order, with the pose
last seen, so the pass stays one pass over every frame.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace

import numpy as np

from crawlcoach.parameters import SamplingParams
from crawlcoach.pose.backend import PoseEstimate
from crawlcoach.pose.track import PoseTrack
from crawlcoach.pose.tracker import FrameHook
from crawlcoach.video import Frame

# Every this many pixels across and down is compared: enough to see a hand, cheap at 640 px.
_STRIDE = 4


class StillnessGate:
    """Decides for each frame whether the pose model looks at it."""

    def __init__(self, params: SamplingParams | None = None, fps: float | None = None) -> None:
        params = params or SamplingParams()
        self.params = params
        self._max_skip = int(params.still_gap_s * fps) if fps else 0
        self._reference: np.ndarray | None = None  # the region as the model last saw it
        self._region: tuple[int, int, int, int] | None = None  # x0, y0, x1, y1 in frame pixels
        self._held: PoseEstimate | None = None
        self._skipped_in_a_row = 0
        self.skipped_s: list[float] = []
        self.looked = 0

    @property
    def active(self) -> bool:
        return self._max_skip > 0

    def frames(self, frames: Iterable[Frame], hook: FrameHook | None = None) -> Iterator[Frame]:
        """The frames the model must see; the others go to ``hook`` with the pose held."""
        for frame in frames:
            if self._must_look(frame):
                self._skipped_in_a_row = 0
                yield frame
            else:
                self._skipped_in_a_row += 1
                self.skipped_s.append(frame.timestamp_s)
                if hook is not None:
                    hook(frame, self._held)

    def watching(self, hook: FrameHook | None = None) -> FrameHook:
        """The tracker's ``on_frame``: remembers what the model saw, then calls ``hook``."""

        def on_frame(frame: Frame, estimate: PoseEstimate | None) -> None:
            self.looked += 1
            self._held = estimate
            self._region = None if estimate is None else self._region_of(frame, estimate)
            self._reference = None if self._region is None else self._sample(frame, self._region)
            if hook is not None:
                hook(frame, estimate)

        return on_frame

    def filled(self, track: PoseTrack) -> PoseTrack:
        """``track`` with a row for every skipped frame, interpolated between its neighbours."""
        meta = {**track.meta, "sampling": {"looked": self.looked, "skipped": len(self.skipped_s)}}
        if not self.skipped_s:
            return replace(track, meta=meta)
        return interpolated(track, np.asarray(self.skipped_s), meta)

    def _must_look(self, frame: Frame) -> bool:
        if self._reference is None or self._region is None:
            return True  # nothing seen yet, or the baby is lost: look at every frame
        if self._skipped_in_a_row >= self._max_skip:
            return True
        now = self._sample(frame, self._region)
        if now.shape != self._reference.shape:
            return True
        changed = np.abs(now - self._reference) > self.params.still_pixel_change
        return bool(changed.mean() >= self.params.still_changed_share)

    def _region_of(self, frame: Frame, estimate: PoseEstimate) -> tuple[int, int, int, int] | None:
        x0, y0, x1, y1 = estimate.bbox(0.0)
        if not all(np.isfinite((x0, y0, x1, y1))):
            return None
        grow = self.params.still_box_grow
        gx, gy = (x1 - x0) * grow, (y1 - y0) * grow
        height, width = frame.image.shape[:2]
        region = (
            max(0, int(x0 - gx)),
            max(0, int(y0 - gy)),
            min(width, int(np.ceil(x1 + gx))),
            min(height, int(np.ceil(y1 + gy))),
        )
        if region[2] - region[0] < _STRIDE or region[3] - region[1] < _STRIDE:
            return None
        return region

    @staticmethod
    def _sample(frame: Frame, region: tuple[int, int, int, int]) -> np.ndarray:
        x0, y0, x1, y1 = region
        return frame.image[y0:y1:_STRIDE, x0:x1:_STRIDE, 1].astype(np.int16)  # green: luma-like


def interpolated(track: PoseTrack, times_s: np.ndarray, meta: dict) -> PoseTrack:
    """``track`` with rows added at ``times_s``: each keypoint linearly between the rows either
    side where both saw it (confidence the lower of the two), else missing."""
    t = track.timestamps_s
    after = np.clip(np.searchsorted(t, times_s), 1, max(len(t) - 1, 1))
    before = after - 1
    if len(t) < 2:
        before = after = np.zeros(len(times_s), dtype=int)
    span = t[after] - t[before]
    w = np.where(span > 0, (times_s - t[before]) / np.where(span > 0, span, 1.0), 0.0)
    w = np.clip(w, 0.0, 1.0)[:, None]
    xy = (1 - w[..., None]) * track.keypoints_px[before] + w[..., None] * track.keypoints_px[after]
    track_depth = (
        track.depth if track.depth is not None else np.full(track.confidence.shape, np.nan)
    )
    depth = (1 - w) * track_depth[before] + w * track_depth[after]
    conf = np.minimum(track.confidence[before], track.confidence[after])
    seen = np.isfinite(xy).all(axis=2) & (conf > 0)
    xy = np.where(seen[..., None], xy, np.nan)
    depth = np.where(seen, depth, np.nan)
    conf = np.where(seen, conf, 0.0)
    order = np.argsort(np.concatenate([t, times_s]), kind="stable")
    merged_depth = np.concatenate([track_depth, depth.astype(np.float32)])[order]
    return replace(
        track,
        timestamps_s=np.concatenate([t, times_s])[order],
        keypoints_px=np.concatenate([track.keypoints_px, xy.astype(np.float32)])[order],
        confidence=np.concatenate([track.confidence, conf.astype(np.float32)])[order],
        depth=None if track.depth is None else merged_depth,
        meta=meta,
    )
