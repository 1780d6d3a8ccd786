"""Give a child of a running server an analysed video, straight into its data folder, so a
browser test can read a result page without waiting for a real analysis.

Run as ``python seed_analysed_video.py CHILD_ID`` with the server's ``CRAWLCOACH_DATA_DIR``;
prints the video's id."""

from __future__ import annotations

import sys

from web_helpers import contract

from crawlcoach.web import setup_django


def seed(child_id: int) -> str:
    from crawlcoach.web.children.models import Child
    from crawlcoach.web.videos import storage
    from crawlcoach.web.videos.models import Status, Video

    video = Video.objects.create(
        child=Child.objects.get(pk=child_id), original_name="ada-crawls.mp4", size_bytes=10,
        status=Status.DONE, result=contract(), progress=1.0, duration_s=20.0,
    )  # fmt: skip
    folder = storage.video_dir(video)
    folder.mkdir(parents=True)
    for name in ("original.mp4", "annotated.mp4"):
        (folder / name).write_bytes(b"not played in this test")
    video.original_file = storage.relative(folder / "original.mp4")
    video.annotated_file = storage.relative(folder / "annotated.mp4")
    video.save()
    return str(video.pk)


if __name__ == "__main__":
    setup_django()
    print(seed(int(sys.argv[1])))
