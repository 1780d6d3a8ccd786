"""Dates in forms never ask for one format (the browser's calendar shows the phone's own), and
the dates a form states back are written in words."""

from __future__ import annotations

import html
from datetime import date, timedelta

import pytest
from django.test import Client
from django.urls import reverse

from crawlcoach.web import form_dates
from crawlcoach.web.children.models import Child
from crawlcoach.web.journal.milestone_views import MilestoneForm
from crawlcoach.web.journal.note_views import NoteForm
from crawlcoach.web.journal.practice_views import EntryForm
from crawlcoach.web.videos.details import VideoDetailsForm
from crawlcoach.web.videos.models import Video

pytestmark = pytest.mark.django_db

NEUTRAL = "Choose the date from the calendar, or type it as 2026-03-02."


def page_text(response: object) -> str:
    return html.unescape(response.content.decode())  # type: ignore[attr-defined]


def test_a_date_the_form_cannot_read_gets_a_format_neutral_message(parent_client: Client) -> None:
    response = parent_client.post(reverse("child_add"), {"name": "Ada", "born": "31/02/2026"})
    text = page_text(response)
    assert NEUTRAL in text and "YYYY" not in text
    assert not Child.objects.exists()


def test_a_birth_date_after_today_is_stated_in_words(parent_client: Client) -> None:
    tomorrow = date.today() + timedelta(days=1)
    response = parent_client.post(reverse("child_add"), {"name": "Ada", "born": tomorrow})
    text = page_text(response)
    assert f"The birth date {tomorrow.day} {tomorrow:%B %Y} is after" in text
    assert "YYYY" not in text and f"{tomorrow.isoformat()} is after" not in text


def test_every_date_field_of_the_journal_and_the_video_says_the_same(
    child: Child, make_stored_video
) -> None:
    video: Video = make_stored_video(child)
    forms = {
        "seen_on": MilestoneForm(child, data={"seen_on": "soon"}),
        "on": NoteForm(child, data={"on": "2026-13-40", "text": "x"}),
    }
    for field, form in forms.items():
        assert not form.is_valid() and form.errors[field] == [form_dates.DATE_INVALID]
    entry = EntryForm(child, data={"on": "yesterday", "minutes": 5, "kind": "free"})
    assert not entry.is_valid() and entry.errors["on"] == [form_dates.DATE_INVALID]
    details = VideoDetailsForm(instance=video, data={"recorded_at": "noon"})
    assert not details.is_valid()
    assert "Choose them from the calendar" in details.errors["recorded_at"][0]


def test_in_words_leaves_what_is_not_a_date() -> None:
    assert form_dates.in_words("check the birth date (YYYY-MM-DD).") == "check the birth date."
    assert form_dates.in_words("on 2026-03-02, not 2026-02-30") == "on 2 March 2026, not 2026-02-30"


def test_a_day_outside_the_childs_life_is_refused_in_plain_words() -> None:
    from datetime import date

    import pytest
    from django import forms

    from crawlcoach.web.form_dates import day_in_life

    born, today = date(2026, 1, 10), date(2026, 6, 1)
    assert day_in_life(date(2026, 3, 2), born, today, "Ada") == date(2026, 3, 2)
    for outside in (date(2026, 1, 9), date(2026, 6, 2)):
        with pytest.raises(forms.ValidationError, match="between Ada's birth and today"):
            day_in_life(outside, born, today, "Ada")
