"""Pose: find the infant in each frame and follow it (``track_infant``) with a pose model behind
the small ``PoseBackend`` interface (BlazePose today)."""

from __future__ import annotations

from crawlcoach.errors import CrawlcoachError
from crawlcoach.pose.backend import PoseBackend, PoseEstimate
from crawlcoach.pose.track import PoseTrack
from crawlcoach.pose.tracker import track_infant

BACKENDS = ("blazepose",)


def open_backend(name: str = "blazepose") -> PoseBackend:
    """A ready pose backend by name; close it (or use it in a ``with`` block) when done."""
    if name == "blazepose":
        from crawlcoach.pose.blazepose import BlazePoseBackend  # mediapipe loads only when asked

        return BlazePoseBackend()
    raise CrawlcoachError(
        f"Unknown pose backend {name!r}; choose one of: {', '.join(BACKENDS)}.",
        kind="unknown_pose_backend",
    )


__all__ = ["BACKENDS", "PoseBackend", "PoseEstimate", "PoseTrack", "open_backend", "track_infant"]
