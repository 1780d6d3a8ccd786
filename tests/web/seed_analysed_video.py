"""Give a child of a running server an analysed video, straight into its data folder, so a
browser test can read a result page without waiting for a real analysis.

Run as ``python seed_analysed_video.py CHILD_ID [FILMED_AT] [TITLE]`` with the server's
``CRAWLCOACH_DATA_DIR`` (FILMED_AT: an ISO moment, e.g. 2026-11-03T09:00:00+00:00); prints the
video's id. The video also gets a small pose track, so its skeleton-only copy can be made."""

from __future__ import annotations

import sys
from datetime import datetime

import numpy as np
from web_helpers import contract

from crawlcoach.web import setup_django


def seed(child_id: int, filmed_at: str = "", title: str = "") -> str:
    from crawlcoach.pose.keypoints import COUNT
    from crawlcoach.pose.track import PoseTrack
    from crawlcoach.web.children.models import Child
    from crawlcoach.web.videos import storage
    from crawlcoach.web.videos.models import Status, Video

    video = Video.objects.create(
        child=Child.objects.get(pk=child_id), original_name="ada-crawls.mp4", size_bytes=10,
        status=Status.DONE, result=contract(), progress=1.0, duration_s=20.0, title=title,
        recorded_at=datetime.fromisoformat(filmed_at) if filmed_at else None,
    )  # fmt: skip
    folder = storage.video_dir(video)
    folder.mkdir(parents=True)
    rows = 30
    sway = np.sin(np.arange(rows) / 4.0)[:, None, None] * 10
    points = np.column_stack([np.linspace(60, 260, COUNT), np.linspace(60, 180, COUNT)])
    track = PoseTrack(
        timestamps_s=np.arange(rows) / 15.0,
        keypoints_px=points[None] + sway,
        confidence=np.full((rows, COUNT), 0.9),
        frame_size=(320, 240),
        source="seed",
    )
    track.save(storage.track_path(video))
    _write_videos(track, folder / "original.mp4", folder / "annotated.mp4")
    video.original_file = storage.relative(folder / "original.mp4")
    video.annotated_file = storage.relative(folder / "annotated.mp4")
    video.save()
    return str(video.pk)


def _write_videos(track, original, annotated) -> None:  # type: ignore[no-untyped-def]
    """Two seconds of a plain floor, and the same with the track's skeleton drawn on it."""
    from crawlcoach.report.overlay import draw_skeleton
    from crawlcoach.video.writer import VideoWriter

    width, height = track.frame_size
    floor = np.empty((height, width, 3), np.uint8)
    floor[:] = np.linspace(150, 210, width, dtype=np.uint8)[None, :, None]
    with (
        VideoWriter(original, fps=15, width=width, height=height) as plain,
        VideoWriter(annotated, fps=15, width=width, height=height) as drawn,
    ):
        for i in range(len(track)):
            plain.write(floor)
            drawn.write(draw_skeleton(floor, track.keypoints_px[i], track.confidence[i]))


if __name__ == "__main__":
    setup_django()
    print(seed(int(sys.argv[1]), *sys.argv[2:4]))
