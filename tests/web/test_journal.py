"""The journal: milestones against their norms, the practice timer and entries, notes with
photos, the report for the doctor, and deleting a child taking all of it."""

from __future__ import annotations

import io
import shutil
import subprocess
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from crawlcoach.guidance import load_content
from crawlcoach.web import family_time
from crawlcoach.web.children.models import Child
from crawlcoach.web.journal import practice
from crawlcoach.web.journal.catalogue import catalogue, months_text, not_yet_text
from crawlcoach.web.journal.models import MilestoneRecord, Note, PracticeEntry, RunningTimer
from crawlcoach.web.videos import storage
from crawlcoach.web.videos.models import Video

pytestmark = pytest.mark.django_db


def png_bytes() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (4, 4), (200, 120, 40)).save(out, "PNG")
    return out.getvalue()


# Milestones


def test_windows_come_from_the_guidance_content() -> None:
    who = load_content().windows["hands_and_knees_crawling"]
    crawling = catalogue().get("hands_and_knees_crawling")
    assert crawling is not None and crawling.norm is not None
    assert (crawling.norm.low_months, crawling.norm.high_months) == (who.p1_months, who.p99_months)
    assert [s.id for s in crawling.sources] == list(who.sources)
    ids = {m.id for m in catalogue().milestones}
    assert set(load_content().windows) <= ids  # all six WHO milestones
    assert {"rolls_over", "pivots_on_belly", "crawls_backward", "belly_crawls", "pulls_to_stand",
            "cruises"} <= ids  # fmt: skip


@pytest.mark.parametrize(
    ("months", "says"),
    [(3.0, "Not expected yet"), (9.0, "There is time"), (15.0, "Worth mentioning")],
)
def test_not_yet_reads_calmly_against_the_window(months: float, says: str) -> None:
    crawling = catalogue().get("hands_and_knees_crawling")
    assert crawling is not None
    text = not_yet_text(crawling, months)
    assert says in text and "Most babies" in text
    assert months_text(crawling.norm.low_months) in text or months >= 13.5  # type: ignore[union-attr]


def test_milestones_page_shows_not_yet_by_the_corrected_age(
    parent_client: Client, make_child, parent
) -> None:
    # Born 9 months ago, due 3 months later: corrected age 6, before the sitting window ends.
    child = make_child(parent, months=9)
    child.due = child.born + timedelta(days=91)
    child.save()
    page = parent_client.get(reverse("milestones", args=[child.pk])).content.decode()
    assert "corrected age" in page
    assert "Not yet. Most babies: 4 to 9 months. There is time." in page
    assert "WHO Motor Development Study, 2006" in page


def test_logging_a_milestone_with_a_note_and_a_video(
    parent_client: Client, child: Child, done_video: Video
) -> None:
    seen = family_time.today() - timedelta(days=2)
    response = parent_client.post(
        reverse("milestone_log", args=[child.pk, "crawls_backward"]),
        {"crawls_backward-seen_on": seen.isoformat(), "crawls_backward-note": "Under the sofa",
         "crawls_backward-video": str(done_video.pk)},
    )  # fmt: skip
    assert response.status_code == 302
    record = MilestoneRecord.objects.get(child=child, milestone="crawls_backward")
    assert (record.seen_on, record.note, record.video) == (seen, "Under the sofa", done_video)
    page = parent_client.get(reverse("milestones", args=[child.pk])).content.decode()
    assert "Under the sofa" in page and reverse("video", args=[done_video.pk]) in page
    parent_client.post(reverse("milestone_unlog", args=[child.pk, "crawls_backward"]))
    assert not child.milestones.exists()


def test_a_milestone_in_the_future_or_unknown_is_refused(
    parent_client: Client, child: Child
) -> None:
    later = (family_time.today() + timedelta(days=3)).isoformat()
    response = parent_client.post(
        reverse("milestone_log", args=[child.pk, "cruises"]), {"cruises-seen_on": later}
    )
    assert response.status_code == 400 and "has not come yet" in response.content.decode()
    unknown = parent_client.post(reverse("milestone_log", args=[child.pk, "flies"]))
    assert unknown.status_code == 404
    assert not child.milestones.exists()


def test_another_familys_video_cannot_be_linked(
    parent_client: Client, child: Child, make_family, make_child, make_stored_video
) -> None:
    theirs = make_stored_video(make_child(make_family(name="Others"), name="Zed"))
    parent_client.post(
        reverse("milestone_log", args=[child.pk, "cruises"]),
        {"cruises-seen_on": family_time.today().isoformat(), "cruises-video": str(theirs.pk)},
    )
    assert not child.milestones.filter(video__isnull=False).exists()


# Practice


def test_timer_start_is_kept_on_the_server_and_stop_saves_the_minutes(
    parent_client: Client, child: Child
) -> None:
    parent_client.post(reverse("practice_start", args=[child.pk]), {"start-kind": "tummy_time"})
    timer = RunningTimer.objects.get(child=child)
    # A second tap (another phone) keeps the first start: one timer per child.
    parent_client.post(reverse("practice_start", args=[child.pk]), {"start-kind": "crawling"})
    assert RunningTimer.objects.get(child=child).started_at == timer.started_at
    page = parent_client.get(reverse("practice", args=[child.pk])).content.decode()
    assert 'id="timer-elapsed"' in page and "practice-timer.js" in page
    RunningTimer.objects.filter(pk=timer.pk).update(
        started_at=timezone.now() - timedelta(minutes=12)
    )
    parent_client.post(reverse("practice_stop", args=[child.pk]))
    entry = PracticeEntry.objects.get(child=child)
    assert (entry.minutes, entry.kind) == (12, "tummy_time")
    assert not RunningTimer.objects.filter(child=child).exists()
    page = parent_client.get(reverse("practice", args=[child.pk])).content.decode()
    assert '<strong id="today-minutes">12</strong>' in page


def test_a_timer_left_running_overnight_is_capped() -> None:
    now = timezone.now()
    assert practice.minutes_between(now - timedelta(hours=14), now) == 180
    assert practice.minutes_between(now - timedelta(seconds=5), now) == 1


def test_manual_entries_and_an_activity_from_the_plan(parent_client: Client, child: Child) -> None:
    today = family_time.today().isoformat()
    ok = parent_client.post(
        reverse("practice_add", args=[child.pk]),
        {"entry-on": today, "entry-minutes": "15", "entry-kind": "crawling"},
    )
    assert ok.status_code == 302
    missing = parent_client.post(
        reverse("practice_add", args=[child.pk]),
        {"entry-on": today, "entry-minutes": "10", "entry-kind": "activity"},
    )
    assert missing.status_code == 400 and "Choose which activity" in missing.content.decode()
    activity = load_content().activities[0]
    child.born = family_time.today() - timedelta(days=int(activity.min_months * 30.44) + 5)
    child.save()
    parent_client.post(
        reverse("practice_add", args=[child.pk]),
        {"entry-on": today, "entry-minutes": "10", "entry-kind": "activity",
         "entry-activity": activity.id},
    )  # fmt: skip
    page = parent_client.get(reverse("practice", args=[child.pk])).content.decode()
    assert activity.title in page and "This week: 25 minutes" in page
    bad = parent_client.post(
        reverse("practice_add", args=[child.pk]),
        {"entry-on": today, "entry-minutes": "-3", "entry-kind": "crawling"},
    )
    assert bad.status_code == 400
    assert child.practice.count() == 2


def test_daily_goal_is_the_guidance_tummy_time_with_its_source(
    parent_client: Client, child: Child
) -> None:
    tummy = load_content().tummy_time
    assert practice.daily_goal(6).minutes == tummy.minutes_per_day
    assert practice.daily_goal(14).minutes is None
    page = parent_client.get(reverse("practice", args=[child.pk])).content.decode()
    assert f"{tummy.minutes_per_day} minutes of tummy time a day" in page
    assert "WHO guidelines for under-5s, 2019" in page
    assert '<svg class="chart week-chart"' in page and "goal 30 min" in page


# Notes


def test_a_note_with_a_photo_is_stored_privately_and_served_to_the_family(
    parent_client: Client, child: Child
) -> None:
    photo = SimpleUploadedFile("ada.png", png_bytes(), content_type="image/png")
    response = parent_client.post(
        reverse("notes", args=[child.pk]),
        {"on": family_time.today().isoformat(), "text": "Reached for the ball", "photo": photo},
    )
    assert response.status_code == 302
    note = Note.objects.get(child=child)
    path = storage.absolute(note.photo_file)
    assert path.parent == storage.child_dir(child) / "notes"
    assert path.stat().st_mode & 0o777 == 0o600
    assert path.parent.stat().st_mode & 0o777 == 0o700
    served = parent_client.get(reverse("note_photo", args=[note.pk]))
    assert served["Content-Type"] == "image/png"
    assert b"".join(served.streaming_content) == png_bytes()  # type: ignore[attr-defined]
    parent_client.post(reverse("note_delete", args=[note.pk]))
    assert not Note.objects.exists() and not path.exists()


def test_a_file_that_is_not_an_image_is_refused(parent_client: Client, child: Child) -> None:
    fake = SimpleUploadedFile("ada.png", b"<html>not a photo</html>", content_type="image/png")
    response = parent_client.post(
        reverse("notes", args=[child.pk]),
        {"on": family_time.today().isoformat(), "text": "Hello", "photo": fake},
    )
    assert response.status_code == 400
    assert "not a photo we can show" in response.content.decode()
    assert not Note.objects.exists()


# Deleting the child


def test_deleting_a_child_deletes_its_journal_and_files(
    parent_client: Client, child: Child, done_video: Video
) -> None:
    MilestoneRecord.objects.create(
        child=child, milestone="cruises", seen_on=child.born, video=done_video
    )
    PracticeEntry.objects.create(child=child, on=child.born, minutes=5, kind="tummy_time")
    RunningTimer.objects.create(child=child, kind="tummy_time", started_at=timezone.now())
    parent_client.post(
        reverse("notes", args=[child.pk]),
        {"on": family_time.today().isoformat(), "text": "x",
         "photo": SimpleUploadedFile("a.png", png_bytes())},
    )  # fmt: skip
    photo = storage.absolute(Note.objects.get().photo_file)
    assert photo.exists()
    parent_client.post(reverse("child_delete", args=[child.pk]))
    for model in (MilestoneRecord, PracticeEntry, RunningTimer, Note):
        assert not model.objects.exists()
    assert not photo.exists() and not storage.child_dir(child).exists()


# The report


def pdf_text(content: bytes, tmp_path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed (apt-get install poppler-utils); `make test` does")
    path = tmp_path / "report.pdf"
    path.write_bytes(content)
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_report_pdf_holds_every_section_and_only_the_chosen_notes(
    parent_client: Client, child: Child, done_video: Video, tmp_path: Path
) -> None:
    MilestoneRecord.objects.create(child=child, milestone="crawls_backward", seen_on=child.born)
    PracticeEntry.objects.create(child=child, on=family_time.today(), minutes=20, kind="crawling")
    kept = Note.objects.create(child=child, on=family_time.today(), text="Shared with the doctor")
    Note.objects.create(child=child, on=family_time.today(), text="Private thought")
    page = parent_client.get(reverse("report", args=[child.pk])).content.decode()
    assert 'name="note"' in page and "Private thought" in page
    response = parent_client.get(reverse("report_pdf", args=[child.pk]), {"note": [kept.pk]})
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    text = pdf_text(b"".join(response.streaming_content), tmp_path)  # type: ignore[attr-defined]
    for part in ("Movement report: Ada", "Ages", "Milestones", "Analysed videos",
                 "What the guidance says", "Practice minutes per week", "Parents' notes",
                 "not a diagnosis", "Crawls backward", "Forward (high)", "Shared with the",
                 "WHO Motor Development Study", "How sure each direction is"):  # fmt: skip
        assert part in text, part
    assert "Private thought" not in text


def test_report_pdf_has_a_still_of_the_clearest_bout(
    parent_client: Client, child: Child, done_video: Video, make_video, tmp_path: Path
) -> None:
    # The stored overlay (skeleton already drawn) gives the frame: the forward bout's middle.
    overlay = storage.absolute(done_video.annotated_file)
    overlay.write_bytes(make_video("overlay.mp4", seconds=6.0, fps=5).read_bytes())
    response = parent_client.get(reverse("report_pdf", args=[child.pk]))
    text = pdf_text(b"".join(response.streaming_content), tmp_path)  # type: ignore[attr-defined]
    assert "Still frames" in text and "Forward, 5 s into the video" in text


def test_report_pdf_without_the_video_files_says_so(
    parent_client: Client, child: Child, done_video: Video, tmp_path: Path
) -> None:
    storage.delete_video_files(done_video)
    response = parent_client.get(reverse("report_pdf", args=[child.pk]))
    assert response.status_code == 200
    text = pdf_text(b"".join(response.streaming_content), tmp_path)  # type: ignore[attr-defined]
    assert "No still frame for 1 video(s)" in text and "Forward (high)" in text
