"""``PoseTrack``: the body of one infant over time, the hand-off between pose and motion."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from crawlcoach.pose import keypoints

FORMAT = "crawlcoach.posetrack/1"


@dataclass(frozen=True, eq=False)
class PoseTrack:
    """Keypoints of the tracked infant, one row per analysed frame.

    Axes: T frames, K keypoints (``keypoints.NAMES``). Missing keypoints are NaN with confidence 0;
    a frame where nobody was found has every keypoint missing.
    """

    timestamps_s: np.ndarray  # (T,) seconds from the start of the video, increasing
    keypoints_px: np.ndarray  # (T, K, 2) x, y in pixels of the upright (rotated) frame
    confidence: np.ndarray  # (T, K) 0..1
    frame_size: tuple[int, int]  # (width, height) of the upright frame
    source: str  # where the frames came from (a path, "synth:...")
    depth: np.ndarray | None = None  # (T, K) relative depth, same scale as x; smaller is nearer
    layout: str = keypoints.LAYOUT
    meta: dict[str, Any] = field(default_factory=dict)  # backend, person selection notes, ...

    def __post_init__(self) -> None:
        t = len(self.timestamps_s)
        if self.keypoints_px.shape != (t, keypoints.COUNT, 2):
            raise ValueError(
                f"keypoints_px has shape {self.keypoints_px.shape}, "
                f"expected ({t}, {keypoints.COUNT}, 2)"
            )
        if self.confidence.shape != (t, keypoints.COUNT):
            raise ValueError(
                f"confidence has shape {self.confidence.shape}, expected ({t}, {keypoints.COUNT})"
            )
        if self.depth is not None and self.depth.shape != (t, keypoints.COUNT):
            raise ValueError(
                f"depth has shape {self.depth.shape}, expected ({t}, {keypoints.COUNT})"
            )

    def __len__(self) -> int:
        return len(self.timestamps_s)

    @property
    def detected(self) -> np.ndarray:
        """(T,) bool: a person was found in the frame."""
        return np.any(self.confidence > 0, axis=1)

    @property
    def coverage(self) -> float:
        """Share of analysed frames in which the infant was found."""
        return float(self.detected.mean()) if len(self) else 0.0

    @property
    def duration_s(self) -> float:
        return float(self.timestamps_s[-1] - self.timestamps_s[0]) if len(self) > 1 else 0.0

    @property
    def frame_rate(self) -> float:
        """Rows per second (the rate it was tracked at); 15 for a track too short to tell."""
        if len(self) < 2:
            return 15.0
        return float(1.0 / np.median(np.diff(self.timestamps_s)))

    def nearest_row(self, t: float, tolerance_s: float) -> int | None:
        """The row closest in time to ``t`` seconds, if it is within ``tolerance_s``."""
        if len(self) == 0:
            return None
        i = int(np.searchsorted(self.timestamps_s, t))
        best = min(
            (j for j in (i - 1, i) if 0 <= j < len(self)),
            key=lambda j: abs(self.timestamps_s[j] - t),
        )
        return best if abs(self.timestamps_s[best] - t) <= tolerance_s else None

    def save(self, path: str | Path) -> None:
        """Write the track as a compressed ``.npz`` (arrays) with its metadata as JSON inside."""
        header = {
            "format": FORMAT,
            "frame_size": list(self.frame_size),
            "source": self.source,
            "layout": self.layout,
            "meta": self.meta,
        }
        arrays: dict[str, np.ndarray] = {
            "timestamps_s": self.timestamps_s,
            "keypoints_px": self.keypoints_px,
            "confidence": self.confidence,
            "header": np.frombuffer(json.dumps(header).encode(), dtype=np.uint8),
        }
        if self.depth is not None:
            arrays["depth"] = self.depth
        with open(path, "wb") as fh:
            np.savez_compressed(fh, **arrays)

    @classmethod
    def load(cls, path: str | Path) -> PoseTrack:
        with np.load(path, allow_pickle=False) as data:
            header = json.loads(bytes(data["header"]).decode())
            if header.get("format") != FORMAT:
                raise ValueError(
                    f"{path} is not a crawlcoach pose track (format {header.get('format')!r})"
                )
            return cls(
                timestamps_s=data["timestamps_s"],
                keypoints_px=data["keypoints_px"],
                confidence=data["confidence"],
                depth=data.get("depth"),
                frame_size=(int(header["frame_size"][0]), int(header["frame_size"][1])),
                source=header["source"],
                layout=header["layout"],
                meta=header["meta"],
            )
