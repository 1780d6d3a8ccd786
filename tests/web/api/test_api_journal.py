"""The journal through the API (milestones, practice, notes), and videos dated by the day they
were filmed rather than the day they were uploaded."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from django.test import Client
from django.utils import timezone

from crawlcoach.web.children.models import Child
from crawlcoach.web.journal.models import MilestoneRecord, Note, PracticeEntry
from crawlcoach.web.videos import storage
from crawlcoach.web.videos.models import Video

pytestmark = pytest.mark.django_db


def _post(api: Client, path: str, body: dict[str, object]) -> object:
    return api.post(path, body, content_type="application/json")


def test_videos_are_dated_by_their_recording_day(api: Client, child: Child, make_stored_video):
    """Filmed ten days ago, uploaded today: the API says (and filters by) the day filmed."""
    filmed_day = timezone.localdate() - timedelta(days=10)
    filmed = make_stored_video(child)
    filmed_at = timezone.make_aware(datetime.combine(filmed_day, time(10, 30)))
    Video.objects.filter(pk=filmed.pk).update(recorded_at=filmed_at, title="On the rug")
    undated = make_stored_video(child)  # no recording date known: its upload day stands in
    last_week = (timezone.localdate() - timedelta(days=7)).isoformat()

    body = api.get(f"/api/videos/{filmed.pk}/").json()
    assert body["recorded_on"] == filmed_day.isoformat() and body["title"] == "On the rug"
    assert body["recorded_at"].startswith(filmed_day.isoformat())
    assert api.get(f"/api/videos/{undated.pk}/").json()["recorded_on"] == (
        timezone.localdate().isoformat()
    )

    def ids(query: str) -> set[str]:
        return {v["id"] for v in api.get("/api/videos/?" + query).json()["results"]}

    assert ids(f"recorded_before={last_week}") == {str(filmed.pk)}
    assert ids(f"recorded_after={last_week}") == {str(undated.pk)}
    day = filmed_day.isoformat()
    assert ids(f"recorded_after={day}&recorded_before={day}") == {str(filmed.pk)}
    # The upload filters still go by the upload moment: both came in today.
    assert ids(f"uploaded_before={last_week}") == set()


def test_milestones_are_logged_listed_and_deleted(
    api: Client, child: Child, done_video: Video
) -> None:
    seen = (date.today() - timedelta(days=3)).isoformat()
    first = {"child": child.pk, "milestone": "rolls_over", "seen_on": seen}
    made = _post(api, "/api/milestones/", {**first, "video": str(done_video.pk)})
    assert made.status_code == 201, made.json()
    body = made.json()
    assert (
        body["milestone"] == "rolls_over" and body["name"] and body["video"] == str(done_video.pk)
    )
    record = MilestoneRecord.objects.get()
    assert record.child == child and record.video == done_video

    again = _post(api, "/api/milestones/", {"child": child.pk, "milestone": "rolls_over",
                                            "seen_on": seen})  # fmt: skip
    assert again.status_code == 400 and "milestone" in again.json()["error"]["fields"]
    listed = api.get(f"/api/milestones/?child={child.pk}&since={seen}").json()["results"]
    assert [m["id"] for m in listed] == [record.pk]
    assert (
        api.get(f"/api/milestones/?until={date.today() - timedelta(days=4)}").json()["results"]
        == []
    )
    assert api.delete(f"/api/milestones/{record.pk}/").status_code == 204
    assert not MilestoneRecord.objects.exists()


@pytest.mark.parametrize(
    "body, field",
    [
        ({"milestone": "flies_a_kite"}, "milestone"),
        ({"seen_on": "2001-01-01"}, None),  # before the birth
        ({"seen_on": (date.today() + timedelta(days=2)).isoformat()}, None),  # not yet come
        ({"child": "Ada"}, "child"),
        ({"video": "00000000-0000-0000-0000-000000000000"}, "video"),
    ],
)
def test_milestone_mistakes_are_400_with_words(
    api: Client, child: Child, body: dict, field: str | None
) -> None:
    full = {"child": child.pk, "milestone": "rolls_over", "seen_on": date.today().isoformat()}
    response = _post(api, "/api/milestones/", {**full, **body})
    assert response.status_code == 400, response.json()
    error = response.json()["error"]
    assert error["message"]
    if field:
        assert field in error["fields"]
    else:
        assert "birth and today" in str(error)
    assert not MilestoneRecord.objects.exists()


def test_another_familys_child_cannot_be_written_to(
    api: Client, child: Child, make_family, make_child
) -> None:
    theirs = make_child(make_family(name="The Neighbours"), name="Bartholomew")
    today = date.today().isoformat()
    for path, body in (
        ("/api/milestones/", {"milestone": "rolls_over", "seen_on": today}),
        ("/api/practice/", {"on": today, "minutes": 5, "kind": "tummy_time"}),
        ("/api/notes/", {"on": today, "text": "hello"}),
    ):
        response = _post(api, path, {"child": theirs.pk, **body})
        assert response.status_code == 400, path
        assert f"No child with id {theirs.pk} in your family" in str(response.json())
        assert b"Bartholomew" not in response.content
    assert not theirs.milestones.exists() and not theirs.practice.exists()
    assert not theirs.notes.exists()


def test_practice_minutes(api: Client, child: Child) -> None:
    today = date.today().isoformat()
    made = _post(api, "/api/practice/", {"child": child.pk, "on": today, "minutes": 12,
                                         "kind": "tummy_time", "activity": "ignored"})  # fmt: skip
    assert made.status_code == 201, made.json()
    assert made.json()["activity"] == "" and made.json()["started_at"] is None
    too_long = _post(api, "/api/practice/", {"child": child.pk, "on": today, "minutes": 2000,
                                             "kind": "crawling"})  # fmt: skip
    assert too_long.status_code == 400 and "minutes" in too_long.json()["error"]["fields"]
    juggling = {"kind": "activity", "activity": "juggling"}
    no_activity = _post(api, "/api/practice/", {"child": child.pk, "on": today, "minutes": 5,
                                                **juggling})  # fmt: skip
    assert no_activity.status_code == 400 and "activity" in no_activity.json()["error"]["fields"]
    entry = PracticeEntry.objects.get()
    assert entry.minutes == 12
    assert api.get(f"/api/practice/{entry.pk}/").json()["kind"] == "tummy_time"
    assert api.delete(f"/api/practice/{entry.pk}/").status_code == 204


def test_notes_with_their_photo(api: Client, child: Child) -> None:
    made = _post(api, "/api/notes/", {"child": child.pk, "on": date.today().isoformat(),
                                      "text": "Ada reached for the ball"})  # fmt: skip
    assert made.status_code == 201 and made.json()["photo"] is None
    note = Note.objects.get()
    assert api.get(f"/api/notes/{note.pk}/photo/").status_code == 404
    folder = storage.child_dir(child) / "notes"
    folder.mkdir(parents=True)
    (folder / f"{note.pk}.png").write_bytes(b"\x89PNG\r\n\x1a\nrest")
    Note.objects.filter(pk=note.pk).update(photo_file=storage.relative(folder / f"{note.pk}.png"))
    body = api.get(f"/api/notes/{note.pk}/").json()
    assert body["photo"].endswith(f"/api/notes/{note.pk}/photo/")
    photo = api.get(f"/api/notes/{note.pk}/photo/")
    assert photo.status_code == 200 and photo["Content-Type"] == "image/png"
    assert b"".join(photo.streaming_content).startswith(b"\x89PNG")
    assert api.delete(f"/api/notes/{note.pk}/").status_code == 204
    assert not (folder / f"{note.pk}.png").exists()


def test_journal_lists_need_a_token(client: Client) -> None:
    for path in ("/api/milestones/", "/api/practice/", "/api/notes/"):
        assert client.get(path).status_code == 401
