"""A family's limits on a shared server: uploads per hour and disk, refused calmly on the upload
page, to the upload script (JSON) and through the API alike."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings as django_settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from crawlcoach.web import limits
from crawlcoach.web.api.tokens import create_token
from crawlcoach.web.children.models import Child
from crawlcoach.web.videos import storage
from crawlcoach.web.videos.models import UploadAttempt, Video

pytestmark = pytest.mark.django_db


@pytest.fixture
def api(parent: Any) -> Client:
    _, key = create_token(parent.caregiver, "tests")
    return Client(HTTP_AUTHORIZATION=f"Token {key}")


def upload_page(client: Client, child: Child, path: Path, **extra: Any) -> Any:
    with path.open("rb") as handle:
        return client.post(reverse("video_upload", args=[child.pk]), {"video": handle}, **extra)


def attempts(child: Child, *minutes_ago: float) -> None:
    now = timezone.now()
    for ago in minutes_ago:
        UploadAttempt.objects.create(family=child.family, at=now - timedelta(minutes=ago))


def upload_api(client: Client, child: Child, path: Path) -> Any:
    with path.open("rb") as handle:
        return client.post("/api/videos/", {"child": child.pk, "video": handle})


def test_the_defaults_are_generous_for_one_family() -> None:
    assert django_settings.UPLOADS_PER_HOUR == 30
    assert django_settings.FAMILY_DISK_BYTES == 20 * 1024**3


def test_uploads_past_the_hourly_limit_are_refused_calmly(
    parent_client: Client, api: Client, child: Child, make_video, make_stored_video, settings,
    fake_analysis: list[Path],
) -> None:  # fmt: skip
    settings.UPLOADS_PER_HOUR = 2
    attempts(child, 5, 1)

    page = upload_page(parent_client, child, make_video())
    assert page.status_code == 429
    text = page.content.decode()
    assert "the most this app takes in an hour (2)" in text and "again in about" in text
    assert 60 <= int(page["Retry-After"]) <= 3600

    script = upload_page(parent_client, child, make_video(), HTTP_ACCEPT="application/json")
    assert script.status_code == 429 and "in an hour (2)" in script.json()["error"]

    api_answer = upload_api(api, child, make_video())
    assert api_answer.status_code == 429 and "Retry-After" in api_answer
    assert api_answer.json()["error"]["kind"] == "too_many_uploads"
    assert Video.objects.count() == 0 and not fake_analysis
    assert UploadAttempt.objects.count() == 2  # a refused upload is not counted again


def test_the_hourly_limit_counts_uploads_sent_not_videos_kept(
    parent_client: Client, child: Child, make_video, settings, fake_analysis: list[Path]
) -> None:
    """A video deleted, refused as no video, or whose analysis failed still took its turn."""
    settings.UPLOADS_PER_HOUR = 3
    assert upload_page(parent_client, child, make_video()).status_code == 302
    Video.objects.all().delete()
    not_a_video = Path(django_settings.MEDIA_ROOT) / "notes.mp4"
    not_a_video.write_bytes(b"this is not a video at all")
    assert upload_page(parent_client, child, not_a_video).status_code == 415
    assert upload_page(parent_client, child, make_video()).status_code == 302
    Video.objects.update(status="failed", error_kind="no_baby_found")
    assert upload_page(parent_client, child, make_video()).status_code == 429
    assert Video.objects.count() == 1


def test_a_family_at_its_limits_is_answered_before_the_body_is_read(
    parent_client: Client, api: Client, child: Child, make_stored_video, settings
) -> None:
    """The body here is no form at all: reading it would give a 400, not the limit's answer."""
    garbage = {"data": b"x" * 100, "content_type": "multipart/form-data; boundary=zzz"}
    settings.UPLOADS_PER_HOUR = 1
    attempts(child, 1)
    page = parent_client.post(reverse("video_upload", args=[child.pk]), **garbage)
    assert page.status_code == 429 and "in an hour (1)" in page.content.decode()
    assert api.post("/api/videos/", **garbage).status_code == 429

    settings.UPLOADS_PER_HOUR = 0
    make_stored_video(child)
    settings.FAMILY_DISK_BYTES = 1024 * 1024
    big = {**garbage, "CONTENT_LENGTH": str(2 * 1024 * 1024)}
    page = parent_client.post(reverse("video_upload", args=[child.pk]), **big)
    assert page.status_code == 507 and "this app keeps for each family" in page.content.decode()
    assert api.post("/api/videos/", **big).json()["error"]["kind"] == "family_disk_full"


def test_uploads_older_than_an_hour_and_other_families_do_not_count(
    parent_client: Client, child: Child, make_family: Callable[..., Any],
    make_child: Callable[..., Child], make_video, make_stored_video, settings,
    fake_analysis: list[Path],
) -> None:  # fmt: skip
    settings.UPLOADS_PER_HOUR = 1
    attempts(child, 61)
    attempts(make_child(make_family("The Lindqvists", "lars")), 1)

    assert upload_page(parent_client, child, make_video()).status_code == 302
    assert upload_page(parent_client, child, make_video()).status_code == 429


def test_the_wait_counts_from_the_oldest_upload_in_the_hour(child: Child, settings) -> None:
    settings.UPLOADS_PER_HOUR = 2
    attempts(child, 70, 50, 10)
    with pytest.raises(limits.LimitReached) as refused:
        limits.take_upload_slot(child.family)
    assert 10 * 60 - 2 <= refused.value.retry_after_s <= 10 * 60
    assert "about 10 minutes" in refused.value.message


def test_an_upload_that_would_pass_the_familys_disk_is_refused(
    parent_client: Client, api: Client, child: Child, make_video, make_stored_video, settings,
    fake_analysis: list[Path],
) -> None:  # fmt: skip
    make_stored_video(child)  # a 25-byte original and a 15-byte skeleton video on disk
    assert limits.family_disk_bytes(child.family) == 25 + 15
    clip = make_video()
    settings.FAMILY_DISK_BYTES = 40 + clip.stat().st_size - 1

    page = upload_page(parent_client, child, clip)
    assert page.status_code == 507
    text = page.content.decode()
    assert "this app keeps for each family" in text and "Delete videos you no longer need" in text
    api_answer = upload_api(api, child, clip)
    assert api_answer.status_code == 507
    assert api_answer.json()["error"]["kind"] == "family_disk_full"
    assert Video.objects.count() == 1 and not fake_analysis

    settings.FAMILY_DISK_BYTES += 1  # exactly full is still allowed
    assert upload_page(parent_client, child, clip).status_code == 302


def test_the_disk_counts_every_file_a_family_keeps(
    child: Child, make_family: Callable[..., Any], make_child: Callable[..., Child],
    make_stored_video,
) -> None:  # fmt: skip
    video = make_stored_video(child)  # original 25 bytes, skeleton video 15
    storage.track_path(video).write_bytes(b"t" * 100)
    storage.playable_path(video).write_bytes(b"p" * 1000)
    shared = storage.shared_copy_path(video, "skeleton")
    shared.parent.mkdir()
    shared.write_bytes(b"s" * 10_000)
    photos = storage.child_dir(child) / "notes"
    photos.mkdir()
    (photos / "1.jpg").write_bytes(b"j" * 100_000)
    make_stored_video(make_child(make_family("The Lindqvists", "lars")))  # not this family's

    assert limits.family_disk_bytes(child.family) == 25 + 15 + 100 + 1000 + 10_000 + 100_000


def test_zero_turns_a_limit_off(
    parent_client: Client, child: Child, make_video, make_stored_video, settings,
    fake_analysis: list[Path],
) -> None:  # fmt: skip
    settings.UPLOADS_PER_HOUR = 0
    settings.FAMILY_DISK_BYTES = 0
    make_stored_video(child)
    assert upload_page(parent_client, child, make_video()).status_code == 302
