"""Background work in the Huey queue: the analysis of an uploaded video."""

from __future__ import annotations

import uuid

from huey.contrib.djhuey import db_task

from crawlcoach.web.videos.analysis import run_analysis


@db_task(retries=0, context=False)
def analyse_video_task(video_id: str) -> None:
    run_analysis(uuid.UUID(video_id))


def enqueue(video_id: uuid.UUID) -> None:
    analyse_video_task(str(video_id))
