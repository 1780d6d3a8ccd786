"""A video's recording date (from its metadata, or the parent), title and note, and everything
that dates videos by it: the guidance, the progress chart, the video list."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from web_helpers import contract

from crawlcoach.notes import note
from crawlcoach.vocabulary import NoteCode
from crawlcoach.web import family_time, guidance_bridge
from crawlcoach.web.children.models import Child
from crawlcoach.web.dashboard.views import progress_points
from crawlcoach.web.videos.models import Video

pytestmark = pytest.mark.django_db


def upload(client: Client, child: Child, path: Path) -> Video:
    with path.open("rb") as handle:
        client.post(reverse("video_upload", args=[child.pk]), {"video": handle})
    return Video.objects.get(child=child)


def days_ago(days: int, hour: int = 10) -> datetime:
    moment = timezone.localtime() - timedelta(days=days)
    return moment.replace(hour=hour, minute=0, second=0, microsecond=0)


def test_upload_reads_the_recording_date_from_the_file(
    parent_client: Client, child: Child, make_video, fake_analysis
) -> None:
    path = make_video("phone.mp4", metadata={"creation_time": "2026-01-05T18:30:00.000000Z"})
    video = upload(parent_client, child, path)
    assert video.recorded_at == datetime(2026, 1, 5, 18, 30, tzinfo=UTC)
    assert video.filmed_at == video.recorded_at


def test_without_a_recording_date_the_upload_moment_stands_in(
    parent_client: Client, child: Child, make_video, fake_analysis
) -> None:
    video = upload(parent_client, child, make_video("plain.mp4"))
    assert video.recorded_at is None and video.filmed_at == video.uploaded_at
    page = parent_client.get(reverse("video", args=[video.pk])).content.decode()
    assert "dated by when it was added" in page


def test_parent_sets_title_date_and_note(parent_client: Client, done_video: Video) -> None:
    filmed = days_ago(3, hour=17)
    response = parent_client.post(
        reverse("video_details", args=[done_video.pk]),
        {"title": "First laps of the rug", "recorded_at": filmed.strftime("%Y-%m-%dT%H:%M"),
         "note": "After her nap."},
    )  # fmt: skip
    assert response.status_code == 302
    done_video.refresh_from_db()
    assert done_video.title == "First laps of the rug" and done_video.note == "After her nap."
    assert done_video.recorded_at == filmed
    page = parent_client.get(reverse("video", args=[done_video.pk])).content.decode()
    assert "First laps of the rug" in page and "After her nap." in page
    assert f"{filmed:%-d %B %Y}" in page


@pytest.mark.parametrize(
    ("when", "says"),
    [(lambda c: c.born - timedelta(days=2), "before Ada"), (lambda c: None, "not come yet")],
)
def test_impossible_recording_dates_are_refused_plainly(
    parent_client: Client, done_video: Video, when, says: str
) -> None:
    day = when(done_video.child)
    moment = (
        datetime.combine(day, datetime.min.time())
        if day
        else timezone.localtime() + timedelta(days=2)
    )
    response = parent_client.post(
        reverse("video_details", args=[done_video.pk]),
        {"title": "", "recorded_at": moment.strftime("%Y-%m-%dT%H:%M"), "note": ""},
    )
    assert response.status_code == 400
    assert says in response.content.decode()
    done_video.refresh_from_db()
    assert done_video.recorded_at is None


def test_guidance_dates_videos_by_their_recording_date(
    child: Child, make_stored_video, settings
) -> None:
    settings.TIME_ZONE = "America/Los_Angeles"  # evening there is already tomorrow in UTC
    filmed_first, filmed_later = make_stored_video(child), make_stored_video(child)
    # Uploaded in the other order: the later clip first.
    Video.objects.filter(pk=filmed_first.pk).update(recorded_at=days_ago(20, hour=21))
    Video.objects.filter(pk=filmed_later.pk).update(recorded_at=days_ago(10, hour=21))
    videos = list(Video.objects.filter(child=child))
    first = next(v for v in videos if v.pk == filmed_first.pk)
    later = next(v for v in videos if v.pk == filmed_later.pk)
    today = family_time.today()
    assert guidance_bridge.video_guidance(first, videos, today).analysed_count == 1
    assert guidance_bridge.video_guidance(later, videos, today).analysed_count == 2


def test_a_video_filmed_before_the_birth_is_left_out_though_uploaded_today(
    child: Child, make_stored_video
) -> None:
    video = make_stored_video(child)
    Video.objects.filter(pk=video.pk).update(
        recorded_at=timezone.make_aware(datetime.combine(child.born, datetime.min.time()))
        - timedelta(days=3)
    )
    guidance = guidance_bridge.child_guidance(child, Video.objects.all(), family_time.today())
    assert guidance.analysed_count == 0
    assert any("outside Ada's life" in note for note in guidance.notes)


def test_progress_chart_places_videos_by_recording_time(child: Child, make_stored_video) -> None:
    video = make_stored_video(child)
    filmed = days_ago(6)
    Video.objects.filter(pk=video.pk).update(recorded_at=filmed, title="Rug")
    (point,) = progress_points(list(Video.objects.all()))
    assert point.at == filmed and point.label == "Rug"


def test_video_list_shows_a_one_line_summary(parent_client: Client, done_video: Video) -> None:
    page = parent_client.get(reverse("child", args=[done_video.child.pk])).content.decode()
    assert "Forward (high certainty) · On hands and knees" in page


def test_a_long_videos_first_part_note_is_said_once(
    parent_client: Client, child: Child, make_stored_video
) -> None:
    result = contract()
    analysed_s, full_s = float(result["video"]["duration_s"]), 34 * 60.0
    result["video"]["full_duration_s"] = full_s
    first = note(NoteCode.FIRST_PART_ONLY, analysed_s=analysed_s, full_duration_s=full_s)
    result["quality"].setdefault("problems", []).insert(0, first.text)
    result["quality"].setdefault("notes", []).insert(0, first.to_dict())
    video = make_stored_video(child, result=result)

    page = parent_client.get(reverse("video", args=[video.pk])).content.decode()
    assert page.count("data-first-part") == 1
    assert page.count("34 minutes") == 1, page


@pytest.mark.parametrize(
    ("seconds", "words"),
    [
        (20, "20 seconds"),
        (1, "1 second"),
        (75, "75 seconds"),
        (2040, "34 minutes"),
        (None, "part"),
    ],
)
def test_lengths_are_said_in_words_a_parent_uses(seconds: float | None, words: str) -> None:
    from crawlcoach.words import spoken_length

    assert spoken_length(seconds) == words
