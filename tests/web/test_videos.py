"""Upload, background analysis, status, result page, files, delete, retry."""

from __future__ import annotations

import errno
import os
import uuid
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.files.uploadedfile import TemporaryUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from crawlcoach.web.children.models import Child
from crawlcoach.web.videos import analysis, recovery, storage
from crawlcoach.web.videos.child_runner import Outcome
from crawlcoach.web.videos.models import Status, Video

pytestmark = pytest.mark.django_db


def upload(client: Client, child: Child, path: Path, **extra) -> object:
    with path.open("rb") as handle:
        return client.post(reverse("video_upload", args=[child.pk]), {"video": handle}, **extra)


def test_upload_page_offers_camera_and_gallery(parent_client: Client, child: Child) -> None:
    page = parent_client.get(reverse("video_upload", args=[child.pk])).content.decode()
    # accept="video/*" lets phones offer both; capture= would open the camera only
    assert 'accept="video/*"' in page and "capture=" not in page
    assert 'enctype="multipart/form-data"' in page


def test_upload_stores_the_video_and_analyses_it(
    parent_client: Client, child: Child, make_video, fake_analysis: list[Path]
) -> None:
    response = upload(parent_client, child, make_video("crawl.mov"))

    video = Video.objects.get()
    assert response.url == reverse("video", args=[video.pk])
    assert video.status == Status.DONE and video.progress == 1.0
    stored = storage.absolute(video.original_file)
    assert stored.name == "original.mov" and stored.stat().st_size == video.size_bytes
    assert fake_analysis == [stored]
    assert video.result["video"]["path"] == "crawl.mov"  # the server's paths stay private
    assert storage.absolute(video.annotated_file).exists()
    assert not any(Path(storage.media_root().parent, "uploads").glob("*"))


def test_upload_is_checked_by_content_not_name(
    parent_client: Client, child: Child, tmp_path: Path, fake_analysis: list[Path]
) -> None:
    fake = tmp_path / "holiday.mp4"
    fake.write_bytes(b"this is a text file pretending to be a video" * 100)
    response = upload(parent_client, child, fake)
    assert response.status_code == 415
    assert b"not a video we can read" in response.content
    assert not Video.objects.exists() and not fake_analysis


def test_a_video_without_an_mp4_name_is_accepted(
    parent_client: Client, child: Child, make_video, fake_analysis: list[Path]
) -> None:
    path = make_video("clip.mp4").rename(make_video().parent / "from-phone.bin")
    assert upload(parent_client, child, path).status_code == 302
    assert storage.absolute(Video.objects.get().original_file).name == "original.video"


def test_too_large_upload_is_refused_with_a_clear_message(
    parent_client: Client, child: Child, make_video, settings, fake_analysis: list[Path]
) -> None:
    settings.MAX_UPLOAD_BYTES = 1000
    response = upload(parent_client, child, make_video(seconds=2))
    assert response.status_code == 413
    assert b"larger than" in response.content
    assert not Video.objects.exists()


def test_size_limit_holds_without_a_content_length(
    parent_client: Client, child: Child, make_video, settings, fake_analysis: list[Path]
) -> None:
    settings.MAX_UPLOAD_BYTES = 2000
    # A small declared length (as a chunked upload would give) must not get the file through.
    response = upload(parent_client, child, make_video(seconds=2), CONTENT_LENGTH="10")
    assert response.status_code in (400, 413)
    assert not Video.objects.exists()


def test_upload_without_a_file(parent_client: Client, child: Child) -> None:
    response = parent_client.post(reverse("video_upload", args=[child.pk]), {})
    assert response.status_code == 400
    assert b"Choose a video first" in response.content


def test_upload_needs_the_csrf_token(parent, child: Child, make_video) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(parent)
    assert upload(client, child, make_video()).status_code == 403


def test_script_upload_gets_json(
    parent_client: Client, child: Child, make_video, tmp_path: Path, fake_analysis: list[Path]
) -> None:
    ok = upload(parent_client, child, make_video(), HTTP_ACCEPT="application/json")
    assert ok.status_code == 201 and ok.json()["url"].startswith("/videos/")
    bad = tmp_path / "notes.mp4"
    bad.write_text("hello")
    refused = upload(parent_client, child, bad, HTTP_ACCEPT="application/json")
    assert refused.status_code == 415 and "not a video" in refused.json()["error"]


def test_status_endpoint(parent_client: Client, child: Child, make_stored_video) -> None:
    video = make_stored_video(child, status=Status.QUEUED)
    data = parent_client.get(reverse("video_status", args=[video.pk])).json()
    assert data == {"id": str(video.pk), "status": "queued", "label": "Waiting its turn",
                    "progress": 0.0, "pending": True, "error": None}  # fmt: skip


def test_pending_page_polls_for_its_status(parent_client: Client, child: Child,
                                           make_stored_video) -> None:  # fmt: skip
    video = make_stored_video(child, status=Status.ANALYSING)
    page = parent_client.get(reverse("video", args=[video.pk])).content.decode()
    assert "data-reload-when-finished" in page and "status.js" in page
    assert "Watching the video" in page


def test_a_failure_a_retry_cannot_fix_offers_no_retry(
    parent_client: Client, child: Child, make_stored_video, fake_analysis: list[Path]
) -> None:
    video = make_stored_video(child, status=Status.FAILED)  # no baby found
    page = parent_client.get(reverse("video", args=[video.pk])).content.decode()
    assert "could not find a baby" in page and "Upload another video" in page
    assert "Try again" not in page
    parent_client.post(reverse("video_retry", args=[video.pk]))  # a hand-made request
    video.refresh_from_db()
    assert video.status == Status.FAILED and not fake_analysis


@pytest.mark.parametrize("kind", ["time_limit", "crashed", "internal_error"])
def test_a_failure_a_retry_can_fix_can_be_retried(
    kind: str, parent_client: Client, child: Child, make_stored_video, fake_analysis: list[Path]
) -> None:
    video = make_stored_video(child, status=Status.FAILED, error_kind=kind)
    page = parent_client.get(reverse("video", args=[video.pk])).content.decode()
    assert "Try again" in page
    parent_client.post(reverse("video_retry", args=[video.pk]))
    video.refresh_from_db()
    assert video.status == Status.DONE and video.error_kind == "" and len(fake_analysis) == 1


def test_a_waiting_video_can_be_cancelled_and_started_again(
    parent_client: Client, child: Child, make_stored_video, fake_analysis: list[Path]
) -> None:
    video = make_stored_video(child, status=Status.QUEUED)
    page = parent_client.get(reverse("video", args=[video.pk])).content.decode()
    assert "Stop the analysis" in page
    parent_client.post(reverse("video_cancel", args=[video.pk]))
    video.refresh_from_db()
    assert video.status == Status.CANCELLED and not video.is_pending
    analysis.run_analysis(video.pk)  # its task comes up later: it must not analyse it
    assert not fake_analysis
    page = parent_client.get(reverse("video", args=[video.pk])).content.decode()
    assert "You stopped this analysis" in page and "Start it again" in page
    assert "Stop the analysis" not in page
    assert parent_client.get(reverse("video_status", args=[video.pk])).json()["label"] == "Stopped"
    parent_client.post(reverse("video_retry", args=[video.pk]))
    video.refresh_from_db()
    assert video.status == Status.DONE and len(fake_analysis) == 1


def test_a_finished_video_cannot_be_cancelled(parent_client: Client, done_video: Video) -> None:
    parent_client.post(reverse("video_cancel", args=[done_video.pk]))
    done_video.refresh_from_db()
    assert done_video.status == Status.DONE


def test_result_page(parent_client: Client, done_video: Video) -> None:
    page = parent_client.get(reverse("video", args=[done_video.pk])).content.decode()
    assert 'id="skeleton-toggle"' in page
    assert f"/videos/{done_video.pk}/file/annotated" in page
    assert "seg dir-forward" in page and "seg dir-backward" in page  # the timeline
    for text in (
        "Forward",
        "12 s",
        "On hands and knees",
        "Right leg",
        "Hardly used",
        "One side does more",
        "Opposite arm and leg",
        "How sure we are: high",
    ):
        assert text in page, text
    assert 'class="panel verdict verdict-' in page  # the guidance's verdict
    assert "Things to try together" in page


def test_files_are_served_with_ranges(parent_client: Client, done_video: Video) -> None:
    url = reverse("video_file", args=[done_video.pk, "original"])
    whole = parent_client.get(url)
    assert (
        whole.status_code == 200
        and b"".join(whole.streaming_content) == b"original-bytes-0123456789"
    )
    part = parent_client.get(url, HTTP_RANGE="bytes=9-13")
    assert part.status_code == 206 and part["Content-Range"] == "bytes 9-13/25"
    assert b"".join(part.streaming_content) == b"bytes"
    tail = parent_client.get(url, HTTP_RANGE="bytes=-4")
    assert b"".join(tail.streaming_content) == b"6789"
    assert parent_client.get(url, HTTP_RANGE="bytes=99-").status_code == 416
    annotated = parent_client.get(reverse("video_file", args=[done_video.pk, "annotated"]))
    assert annotated.status_code == 200 and annotated["Content-Type"] == "video/mp4"
    assert (
        parent_client.get(reverse("video_file", args=[done_video.pk, "secrets"])).status_code == 404
    )


def test_deleting_a_video_deletes_its_files(parent_client: Client, done_video: Video) -> None:
    folder = storage.video_dir(done_video)
    url = reverse("video_delete", args=[done_video.pk])
    assert parent_client.get(url).status_code == 200
    assert parent_client.post(url).url == reverse("child", args=[done_video.child_id])
    assert not Video.objects.exists() and not folder.exists()


def test_analysis_failure_is_recorded_without_server_paths(
    child: Child, make_stored_video, monkeypatch: pytest.MonkeyPatch
) -> None:
    video = make_stored_video(child, status=Status.QUEUED)
    source = storage.absolute(video.original_file)

    def fails(src: Path, annotated: Path, progress, **limits) -> Outcome:
        from crawlcoach.contract import failed_analysis

        message = f"{src}: we could not find a baby."
        return Outcome(result=failed_analysis(str(src), "no_baby_found", message, 1.0))

    monkeypatch.setattr(analysis, "_analyse", fails)
    analysis.run_analysis(video.pk)
    video.refresh_from_db()
    assert video.status == Status.FAILED
    assert video.error_message == "We could not find a baby."
    assert str(source) not in str(video.result)


def test_video_deleted_while_analysed_leaves_no_files(
    child: Child, make_stored_video, monkeypatch: pytest.MonkeyPatch
) -> None:
    video = make_stored_video(child, status=Status.QUEUED)

    def deleted_meanwhile(src: Path, annotated: Path, progress, **limits) -> Outcome:
        Video.objects.filter(pk=video.pk).delete()
        annotated.write_bytes(b"late overlay")
        from web_helpers import contract

        return Outcome(result=contract())

    monkeypatch.setattr(analysis, "_analyse", deleted_meanwhile)
    analysis.run_analysis(video.pk)
    assert not storage.video_dir(video).exists()
    assert not storage.child_dir(child).exists(), "an empty child folder was left behind"
    analysis.run_analysis(uuid.uuid4())  # a video that is gone: nothing to do, no error


def test_unfinished_videos_are_queued_again_at_start(
    child: Child, make_stored_video, fake_analysis: list[Path]
) -> None:
    interrupted = make_stored_video(child, status=Status.ANALYSING)
    never_queued = make_stored_video(child, status=Status.QUEUED)  # killed before enqueue()
    cancelled = make_stored_video(child, status=Status.CANCELLED)
    assert recovery.requeue_unfinished() == 2
    for video, status in ((interrupted, Status.DONE), (never_queued, Status.DONE),
                          (cancelled, Status.CANCELLED)):  # fmt: skip
        video.refresh_from_db()
        assert video.status == status


def test_a_web_server_without_its_worker_queues_only_what_waits(
    child: Child, make_stored_video, fake_analysis: list[Path]
) -> None:
    """`serve --no-worker` must not take back a video a separate worker is analysing."""
    running = make_stored_video(child, status=Status.ANALYSING)
    waiting = make_stored_video(child, status=Status.QUEUED)
    assert recovery.requeue_unfinished(include_analysing=False) == 1
    running.refresh_from_db()
    waiting.refresh_from_db()
    assert running.status == Status.ANALYSING and waiting.status == Status.DONE


def test_only_videos_whose_heartbeat_is_stale_are_taken_back(
    child: Child, make_stored_video, fake_analysis: list[Path], settings
) -> None:
    """A second worker starting must not take the video another live worker analyses."""
    settings.WORKER_STALE_S = 30
    now = timezone.now()
    alive = make_stored_video(child, status=Status.ANALYSING)
    lost = make_stored_video(child, status=Status.ANALYSING)
    Video.objects.filter(pk=alive.pk).update(heartbeat_at=now - timedelta(seconds=5), attempt=1)
    Video.objects.filter(pk=lost.pk).update(heartbeat_at=now - timedelta(seconds=31), attempt=1)
    assert recovery.requeue_unfinished() == 1
    alive.refresh_from_db()
    lost.refresh_from_db()
    assert alive.status == Status.ANALYSING and alive.attempt == 1
    assert lost.status == Status.DONE and lost.attempt == 2


def test_the_analysing_worker_renews_the_heartbeat(
    child: Child, make_stored_video, settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings.WORKER_HEARTBEAT_S = 0.0
    video = make_stored_video(child, status=Status.QUEUED)
    beats: list[object] = []

    def watched(source, annotated, progress, *, limits, still_wanted, **files):  # type: ignore[no-untyped-def]
        Video.objects.filter(pk=video.pk).update(heartbeat_at=timezone.now() - timedelta(hours=1))
        assert still_wanted()
        beats.append(Video.objects.get(pk=video.pk).heartbeat_at)
        return Outcome(result=contract())

    from web_helpers import contract

    monkeypatch.setattr(analysis, "_analyse", watched)
    analysis.run_analysis(video.pk)
    assert beats and timezone.now() - beats[0] < timedelta(seconds=5)


def test_start_up_removes_partial_uploads_and_orphan_folders(
    settings, child: Child, done_video: Video, tmp_path: Path
) -> None:
    uploads = tmp_path / "uploads"
    uploads.mkdir()
    settings.FILE_UPLOAD_TEMP_DIR = str(uploads)
    (uploads / "tmpk2j3h4.upload.mp4").write_bytes(b"half a video")
    orphan = storage.child_dir(child) / str(uuid.uuid4())
    orphan.mkdir()
    (orphan / "original.mp4").write_bytes(b"stored, but the row was never written")
    gone_child = storage.media_root() / f"family-{child.family_id}" / "child-999999"
    (gone_child / str(uuid.uuid4())).mkdir(parents=True)

    recovery.recover(runs_analyses=False, takes_uploads=True)

    assert not any(uploads.iterdir())
    assert not orphan.exists() and not gone_child.exists()
    assert storage.absolute(done_video.original_file).exists()  # a real video stays


@pytest.mark.parametrize("errno_", [errno.ENOSPC, errno.EROFS])
def test_a_full_or_read_only_disk_gives_a_clear_page(
    errno_: int,
    parent_client: Client,
    child: Child,
    make_video,
    monkeypatch: pytest.MonkeyPatch,
    fake_analysis: list[Path],
) -> None:
    def no_room(*args, **kwargs):
        raise OSError(errno_, os.strerror(errno_))

    monkeypatch.setattr(storage.shutil, "move", no_room)
    response = upload(parent_client, child, make_video())
    assert response.status_code == 507
    assert b"disk is full or cannot be written to" in response.content
    assert not Video.objects.exists() and not fake_analysis
    assert not any(storage.media_root().iterdir()), "a half-stored video was left behind"


def test_a_full_disk_while_receiving_gives_a_clear_page(
    parent, child: Child, make_video, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Django writes the upload to the data folder as it arrives; that write fails first (with
    the CSRF check on, as in a browser: it reads the body too)."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(parent)
    url = reverse("video_upload", args=[child.pk])
    client.get(url)
    token = client.cookies["csrftoken"].value

    def no_room(self, *args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(TemporaryUploadedFile, "__init__", no_room)
    with make_video().open("rb") as handle:
        response = client.post(
            url, {"video": handle, "csrfmiddlewaretoken": token}, HTTP_ACCEPT="application/json"
        )
    assert response.status_code == 507 and "disk is full" in response.json()["error"]
    assert not Video.objects.exists()
