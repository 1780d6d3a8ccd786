"""Pose: find the infant in each frame and follow it (``track_infant``) with a pose model behind
the small ``PoseBackend`` interface (BlazePose; ``blazepose-roi`` runs its models without
MediaPipe's tracking loop)."""

from __future__ import annotations

from crawlcoach.errors import CrawlcoachError
from crawlcoach.pose.backend import PoseBackend, PoseEstimate
from crawlcoach.pose.track import PoseTrack
from crawlcoach.pose.tracker import track_infant

# "blazepose" stays the default until another backend reads the held-out clips better at >= 3x
# real time (docs/benchmarks.md: "Pose backends").
BACKENDS = ("blazepose", "blazepose-lite", "blazepose-roi")


def open_backend(name: str = "blazepose") -> PoseBackend:
    """A ready pose backend by name; close it (or use it in a ``with`` block) when done."""
    if name == "blazepose":
        from crawlcoach.pose.blazepose import BlazePoseBackend  # mediapipe loads only when asked

        return BlazePoseBackend()
    if name == "blazepose-lite":
        from crawlcoach.pose.blazepose import BlazePoseBackend

        return BlazePoseBackend(lite=True)
    if name == "blazepose-roi":
        from crawlcoach.pose.blazepose_roi import BlazePoseRoiBackend

        return BlazePoseRoiBackend()
    raise CrawlcoachError(
        f"Unknown pose backend {name!r}; choose one of: {', '.join(BACKENDS)}.",
        kind="unknown_pose_backend",
    )


__all__ = ["BACKENDS", "PoseBackend", "PoseEstimate", "PoseTrack", "open_backend", "track_infant"]
