"""Videos through the API: upload (the web form's handler and check), status, analysis, files
with Range, filters, delete."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from django.test import Client
from django.utils import timezone

from crawlcoach.web.children.models import Child
from crawlcoach.web.videos import storage
from crawlcoach.web.videos.models import Status, Video

pytestmark = pytest.mark.django_db


def post_video(client: Client, child_id: object, path: Path | None, **extra) -> object:
    data: dict[str, object] = {"child": child_id}
    if path is None:
        return client.post("/api/videos/", data, **extra)
    with path.open("rb") as handle:
        return client.post("/api/videos/", {**data, "video": handle}, **extra)


def test_upload_stores_and_analyses_the_video(
    api: Client, child: Child, make_video, fake_analysis: list[Path]
) -> None:
    response = post_video(api, child.pk, make_video("crawl.mp4"))
    assert response.status_code == 201, response.content
    body = response.json()
    video = Video.objects.get()
    assert body["id"] == str(video.pk) and body["child"] == child.pk
    assert response["Location"].endswith(f"/api/videos/{video.pk}/")
    assert fake_analysis == [storage.absolute(video.original_file)]
    assert video.status == Status.DONE and body["duration_s"] == pytest.approx(2.0, abs=0.2)
    assert not any(Path(storage.media_root().parent, "uploads").glob("*"))


def test_a_file_that_is_not_a_video_is_415(
    api: Client, child: Child, tmp_path: Path, fake_analysis: list[Path]
) -> None:
    fake = tmp_path / "holiday.mp4"
    fake.write_bytes(b"this is a text file pretending to be a video" * 100)
    response = post_video(api, child.pk, fake)
    assert response.status_code == 415
    error = response.json()["error"]
    assert error["kind"] == "not_a_video" and "not a video we can read" in error["message"]
    assert not Video.objects.exists() and not fake_analysis


def test_too_large_is_413_with_the_limit(
    api: Client, child: Child, make_video, settings, fake_analysis: list[Path]
) -> None:
    settings.MAX_UPLOAD_BYTES = 2000
    response = post_video(api, child.pk, make_video(seconds=2))
    assert response.status_code == 413
    assert response.json()["error"]["kind"] == "too_large"
    assert "larger than" in response.json()["error"]["message"]
    # Stopped by the streaming handler too when the declared length lies.
    lying = post_video(api, child.pk, make_video(seconds=2), CONTENT_LENGTH="10")
    assert lying.status_code in (400, 413) and "error" in lying.json()
    assert not Video.objects.exists() and not fake_analysis


def test_upload_needs_a_file_a_child_and_multipart(api: Client, child: Child, make_video) -> None:
    no_file = post_video(api, child.pk, None)
    assert no_file.status_code == 400 and no_file.json()["error"]["kind"] == "no_video"
    no_child = post_video(api, "", make_video())
    assert no_child.status_code == 400 and "child" in no_child.json()["error"]["fields"]
    as_json = api.post("/api/videos/", {"child": child.pk}, content_type="application/json")
    assert as_json.status_code == 415
    assert "multipart/form-data" in as_json.json()["error"]["message"]


def test_upload_for_another_familys_child_is_404(
    api: Client, child: Child, make_family, make_child, make_video, fake_analysis
) -> None:
    theirs = make_child(make_family(name="The Neighbours"), name="Bartholomew")
    response = post_video(api, theirs.pk, make_video())
    assert response.status_code == 404 and response.json()["error"]["kind"] == "not_found"
    assert not Video.objects.exists()


def test_session_upload_needs_csrf(parent, child: Child, make_video, fake_analysis) -> None:
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(parent)
    refused = post_video(browser, child.pk, make_video())
    assert refused.status_code == 403 and "CSRF" in refused.json()["error"]["message"]
    browser.get("/family/")  # a page that sets the CSRF cookie
    token = browser.cookies["csrftoken"].value
    accepted = post_video(browser, child.pk, make_video(), HTTP_X_CSRFTOKEN=token)
    assert accepted.status_code == 201
    assert browser.get("/api/videos/").json()["count"] == 1  # reads need no CSRF


def test_status_and_analysis(api: Client, child: Child, make_stored_video) -> None:
    waiting = make_stored_video(child, status=Status.QUEUED)
    status = api.get(f"/api/videos/{waiting.pk}/status/").json()
    assert status == waiting.status_payload()
    not_ready = api.get(f"/api/videos/{waiting.pk}/analysis/")
    assert not_ready.status_code == 409 and not_ready.json()["error"]["kind"] == "not_ready"
    done = make_stored_video(child)
    analysis = api.get(f"/api/videos/{done.pk}/analysis/").json()
    assert analysis == done.result and analysis["schema"] == "crawlcoach.analysis/1"
    detail = api.get(f"/api/videos/{done.pk}/").json()
    assert detail["status"] == "done" and detail["links"]["skeleton"].endswith("/skeleton/")


def test_failed_video_says_why(api: Client, child: Child, make_stored_video) -> None:
    failed = make_stored_video(child, status=Status.FAILED)
    detail = api.get(f"/api/videos/{failed.pk}/").json()
    assert detail["error"]["kind"] == "no_baby_found" and detail["links"]["skeleton"] is None
    missing = api.get(f"/api/videos/{failed.pk}/skeleton/")
    assert missing.status_code == 404 and "skeleton" in missing.json()["error"]["message"]


def test_files_with_range(api: Client, done_video: Video) -> None:
    whole = api.get(f"/api/videos/{done_video.pk}/original/", HTTP_ACCEPT="video/*")
    assert whole.status_code == 200 and whole["Accept-Ranges"] == "bytes"
    assert b"".join(whole.streaming_content) == b"original-bytes-0123456789"
    part = api.get(f"/api/videos/{done_video.pk}/original/", HTTP_RANGE="bytes=2-5")
    assert part.status_code == 206 and part["Content-Range"] == "bytes 2-5/25"
    assert b"".join(part.streaming_content) == b"igin"
    skeleton = api.get(f"/api/videos/{done_video.pk}/skeleton/")
    assert b"".join(skeleton.streaming_content) == b"annotated-bytes"


def test_filters(api: Client, parent, child: Child, make_child, make_stored_video) -> None:
    other_child = make_child(parent, name="Bo")
    old = make_stored_video(child)
    Video.objects.filter(pk=old.pk).update(uploaded_at=timezone.now() - timedelta(days=10))
    new = make_stored_video(child, status=Status.QUEUED)
    bo = make_stored_video(other_child)
    last_week = (timezone.localdate() - timedelta(days=7)).isoformat()

    def ids(query: str) -> set[str]:
        response = api.get("/api/videos/" + query)
        assert response.status_code == 200, response.json()
        return {v["id"] for v in response.json()["results"]}

    assert ids("") == {str(old.pk), str(new.pk), str(bo.pk)}
    assert ids(f"?child={child.pk}") == {str(old.pk), str(new.pk)}
    assert ids(f"?child={child.pk}&recorded_after={last_week}") == {str(new.pk)}
    assert ids(f"?recorded_before={last_week}") == {str(old.pk)}
    assert ids(f"?uploaded_after={last_week}T00:00:00Z&status=done") == {str(bo.pk)}
    assert ids(f"?uploaded_before={last_week}") == {str(old.pk)}


@pytest.mark.parametrize(
    "query, field",
    [("child=ada", "child"), ("recorded_after=May", "recorded_after"),
     ("uploaded_after=2026-02-30", "uploaded_after"), ("status=sleeping", "status")],
)  # fmt: skip
def test_bad_filters_are_400(api: Client, child: Child, query: str, field: str) -> None:
    response = api.get("/api/videos/?" + query)
    assert response.status_code == 400
    assert field in response.json()["error"]["fields"], response.json()


def test_filter_by_another_familys_child_is_404(
    api: Client, child: Child, make_family, make_child
) -> None:
    theirs = make_child(make_family(name="The Neighbours"), name="Bartholomew")
    assert api.get(f"/api/videos/?child={theirs.pk}").status_code == 404


def test_delete_video_removes_its_files(api: Client, done_video: Video) -> None:
    folder = storage.video_dir(done_video)
    assert api.delete(f"/api/videos/{done_video.pk}/").status_code == 204
    assert not Video.objects.exists() and not folder.exists()
