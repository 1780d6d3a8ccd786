"""Background work in the Huey queue: the analysis of an uploaded video, and the copies of a
video made to share."""

from __future__ import annotations

import uuid

from huey.contrib.djhuey import db_task

from crawlcoach.web.videos.analysis import run_analysis


@db_task(retries=0, context=False)
def analyse_video_task(video_id: str) -> None:
    run_analysis(uuid.UUID(video_id))


def enqueue(video_id: uuid.UUID) -> None:
    analyse_video_task(str(video_id))


@db_task(retries=0, context=False)
def make_shared_copy_task(copy_id: int) -> None:
    from crawlcoach.web.videos.sharing import make_copy

    make_copy(copy_id)


def enqueue_shared_copy(copy_id: int) -> None:
    make_shared_copy_task(copy_id)
