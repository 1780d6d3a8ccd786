"""Copies of a video to send to a therapist: made on request by the real ``crawlcoach share`` in
a child process, downloaded from the video's page, gone with the video and the child."""

from __future__ import annotations

import shutil
import sys
from datetime import timedelta
from pathlib import Path

import av
import numpy as np
import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from crawlcoach.pose.keypoints import COUNT
from crawlcoach.pose.track import PoseTrack
from crawlcoach.web import notices
from crawlcoach.web.children.models import Child
from crawlcoach.web.videos import sharing, storage
from crawlcoach.web.videos.models import SharedCopy, Status, Video

pytestmark = pytest.mark.django_db


def _store_track(video: Video) -> None:
    rows = 15
    points = np.tile(np.linspace(20, 140, COUNT)[:, None], (1, 2))
    PoseTrack(
        timestamps_s=np.arange(rows) / 15.0,
        keypoints_px=np.repeat(points[None], rows, axis=0),
        confidence=np.full((rows, COUNT), 0.9),
        frame_size=(160, 120),
        source="test",
    ).save(storage.track_path(video))


def _real_original(video: Video, source: Path) -> None:
    shutil.copyfile(source, storage.absolute(video.original_file))


def make(client: Client, video: Video, kind: str) -> SharedCopy:
    response = client.post(reverse("video_share", args=[video.pk, kind]))
    assert response.status_code == 302 and response.url.endswith("#share")
    return SharedCopy.objects.get(video=video, kind=kind)


def test_the_video_page_offers_both_copies(parent_client: Client, done_video: Video) -> None:
    page = parent_client.get(reverse("video", args=[done_video.pk])).content.decode()
    assert "Share privately" in page and notices.SHARE_INTRO in page
    for kind in ("faces_blurred", "skeleton_only"):
        assert reverse("video_share", args=[done_video.pk, kind]) in page


def test_a_skeleton_copy_is_made_and_downloaded(parent_client: Client, done_video: Video) -> None:
    _store_track(done_video)
    copy = make(parent_client, done_video, "skeleton_only")
    assert copy.status == Status.DONE, copy.error_message
    page = parent_client.get(reverse("video", args=[done_video.pk])).content.decode()
    download_url = reverse("video_share_file", args=[done_video.pk, "skeleton_only"])
    assert download_url in page
    response = parent_client.get(download_url)
    assert response.status_code == 200 and response["Content-Type"] == "video/mp4"
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment") and "skeleton-only.mp4" in disposition
    assert "Ada" not in disposition and "ada-crawls" not in disposition  # says nobody's name
    body = b"".join(response.streaming_content)
    saved = storage.absolute(copy.file)
    assert body == saved.read_bytes() and saved.parent.name == "shared"
    with av.open(str(saved)) as container:
        assert sum(1 for _ in container.decode(video=0)) == 15


def test_a_face_blurred_copy_of_a_real_video(
    parent_client: Client, done_video: Video, make_video
) -> None:
    _real_original(done_video, make_video("clip.mp4", seconds=1.0, fps=15))
    _store_track(done_video)
    copy = make(parent_client, done_video, "faces_blurred")
    assert copy.status == Status.DONE, copy.error_message
    with av.open(str(storage.absolute(copy.file))) as container:
        assert not container.streams.audio
        assert sum(1 for _ in container.decode(video=0)) == 15


def test_a_copy_that_cannot_be_made_says_so_calmly(
    parent_client: Client, done_video: Video
) -> None:
    # The stored "original" is not a video: the child process fails, the page says so.
    copy = make(parent_client, done_video, "faces_blurred")
    assert copy.status == Status.FAILED and copy.error_message == notices.SHARE_FAILED
    assert not storage.shared_copy_path(done_video, "faces_blurred").exists()
    page = parent_client.get(reverse("video", args=[done_video.pk])).content.decode()
    assert notices.SHARE_FAILED in page and "Make it again" in page
    download = reverse("video_share_file", args=[done_video.pk, "faces_blurred"])
    assert parent_client.get(download).status_code == 404


def test_a_copy_is_bounded_in_time(
    parent_client: Client, done_video: Video, monkeypatch: pytest.MonkeyPatch, settings
) -> None:
    settings.ANALYSIS_MIN_SECONDS = 1
    settings.ANALYSIS_TIME_FACTOR = 0.0001  # 1 s, the minimum
    sleeper = (sys.executable, "-c", "import time; time.sleep(30)", "--")
    monkeypatch.setattr(sharing, "SHARE_COMMAND", sleeper)
    copy = make(parent_client, done_video, "skeleton_only")
    assert copy.status == Status.FAILED and copy.error_message == notices.SHARE_TOO_LONG


def test_status_of_a_copy_being_made(parent_client: Client, done_video: Video) -> None:
    SharedCopy.objects.create(video=done_video, kind="skeleton_only", status=Status.ANALYSING)
    url = reverse("video_share_status", args=[done_video.pk, "skeleton_only"])
    payload = parent_client.get(url).json()
    assert payload["pending"] and payload["label"] == notices.SHARE_STATUS["analysing"]
    page = parent_client.get(reverse("video", args=[done_video.pk])).content.decode()
    assert url in page  # status.js follows it and reloads the page when it is ready
    # Asked again while it is being made: not made twice.
    make(parent_client, done_video, "skeleton_only")
    assert SharedCopy.objects.get(video=done_video).status == Status.ANALYSING


def test_a_copy_left_pending_by_a_stopped_worker_is_made_again(
    parent_client: Client, done_video: Video
) -> None:
    _store_track(done_video)
    left = SharedCopy.objects.create(
        video=done_video, kind="skeleton_only", status=Status.ANALYSING
    )
    SharedCopy.objects.filter(pk=left.pk).update(
        requested_at=timezone.now() - timedelta(seconds=sharing.STALE_AFTER_LIMIT_S + 3600 * 4)
    )
    assert make(parent_client, done_video, "skeleton_only").status == Status.DONE


def test_unknown_kinds_and_unmade_copies_are_404(parent_client: Client, done_video: Video) -> None:
    assert (
        parent_client.post(reverse("video_share", args=[done_video.pk, "raw"])).status_code == 404
    )
    for name in ("video_share_status", "video_share_file"):
        url = reverse(name, args=[done_video.pk, "skeleton_only"])
        assert parent_client.get(url).status_code == 404


def test_copies_go_with_the_video_and_the_child(
    parent_client: Client, child: Child, make_stored_video
) -> None:
    first, second = make_stored_video(child), make_stored_video(child)
    for video in (first, second):
        _store_track(video)
        assert make(parent_client, video, "skeleton_only").status == Status.DONE
    first_file = storage.shared_copy_path(first, "skeleton_only")
    parent_client.post(reverse("video_delete", args=[first.pk]))
    assert not first_file.exists() and not SharedCopy.objects.filter(video_id=first.pk).exists()
    second_file = storage.shared_copy_path(second, "skeleton_only")
    assert second_file.exists()
    parent_client.post(reverse("child_delete", args=[child.pk]))
    assert not second_file.exists() and not SharedCopy.objects.exists()
