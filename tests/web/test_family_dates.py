"""Dates the guidance cannot judge are shown calmly, never as a 500: an evening upload west of UTC,
a video dated before the birth or after today, a child past the norms, a child born today."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from crawlcoach.guidance.age import DAYS_PER_MONTH
from crawlcoach.web import family_time
from crawlcoach.web.children.models import Child
from crawlcoach.web.videos.models import Video

pytestmark = pytest.mark.django_db

LOS_ANGELES = ZoneInfo("America/Los_Angeles")
# 20:30 in Los Angeles on 15 June is already 03:30 on 16 June in UTC.
EVENING = datetime(2025, 6, 15, 20, 30, tzinfo=LOS_ANGELES)


@pytest.fixture
def west_of_utc_evening(settings, monkeypatch: pytest.MonkeyPatch) -> datetime:
    """The server in Los Angeles, its clock stopped on a summer evening."""
    settings.TIME_ZONE = "America/Los_Angeles"
    monkeypatch.setattr("django.utils.timezone.now", lambda: EVENING.astimezone(ZoneInfo("UTC")))
    return EVENING


def _child(user: User, born: date, name: str = "Ada") -> Child:
    return Child.objects.create(family=user.caregiver.family, name=name, born=born)


def _filmed(video: Video, when: datetime) -> Video:
    Video.objects.filter(pk=video.pk).update(uploaded_at=when)
    video.refresh_from_db()
    return video


def _pages(client: Client, child: Child, video: Video | None = None) -> dict[str, str]:
    urls = {"home": "/", "dashboard": reverse("child", args=[child.pk])}
    if video is not None:
        urls["video"] = reverse("video", args=[video.pk])
    pages = {}
    for name, url in urls.items():
        response = client.get(url)
        assert response.status_code == 200, f"{name} page answered {response.status_code}"
        pages[name] = response.content.decode()
    return pages


def test_an_evening_upload_west_of_utc_is_dated_on_the_familys_day(
    west_of_utc_evening: datetime, parent: User, parent_client: Client, make_stored_video
) -> None:
    child = _child(parent, born=date(2024, 9, 15))
    video = make_stored_video(child)  # uploaded "now": the Los Angeles evening
    assert video.uploaded_at.date() == date(2025, 6, 16)  # UTC has moved on
    assert family_time.today() == family_time.local_date(video.uploaded_at) == date(2025, 6, 15)

    pages = _pages(parent_client, child, video)

    for name in ("dashboard", "video"):
        assert "What this means" in pages[name], name
        assert "dated outside" not in pages[name], name


def test_a_baby_born_today_with_an_evening_video(
    west_of_utc_evening: datetime, parent: User, parent_client: Client, make_stored_video
) -> None:
    child = _child(parent, born=date(2025, 6, 15))
    video = make_stored_video(child)
    pages = _pages(parent_client, child, video)
    assert "0 weeks" in pages["home"]
    assert "What this means" in pages["video"] and "What this means" in pages["dashboard"]


@pytest.mark.parametrize(
    "filmed", [datetime(2025, 5, 1, 12, 0, tzinfo=LOS_ANGELES), EVENING + timedelta(days=3)]
)
def test_a_video_dated_outside_the_babys_life_is_left_out_calmly(
    west_of_utc_evening: datetime,
    parent: User,
    parent_client: Client,
    make_stored_video,
    filmed: datetime,
) -> None:
    # Born 1 June: a video from 1 May (the birth date was corrected later), or from a clock
    # that ran three days ahead.
    child = _child(parent, born=date(2025, 6, 1))
    video = _filmed(make_stored_video(child), filmed)

    pages = _pages(parent_client, child, video)

    assert "1 video is dated outside Ada&#x27;s life so far" in pages["dashboard"]
    assert "What this means" in pages["dashboard"]  # the advice for her age still comes
    assert "This video is dated outside Ada&#x27;s life so far" in pages["video"]
    assert "What this means" not in pages["video"]
    assert "Forward" in pages["video"]  # the analysis itself is still shown


def test_a_birth_date_after_the_servers_today_is_shown_calmly(
    west_of_utc_evening: datetime, parent: User, parent_client: Client, make_stored_video
) -> None:
    # Entered where the calendar had already moved on (Sydney), read in Los Angeles.
    child = _child(parent, born=date(2025, 6, 16))
    pages = _pages(parent_client, child)
    assert "birth date is after today" in pages["dashboard"]


@pytest.fixture
def older_child(parent: User) -> Child:
    """Added at five years eleven months (the form allows it) and now 80 months old."""
    return _child(parent, born=date.today() - timedelta(days=int(80 * DAYS_PER_MONTH)), name="Bo")


def test_a_child_past_the_norms_is_shown_calmly(
    parent_client: Client, older_child: Child, make_stored_video
) -> None:
    video = make_stored_video(older_child)
    pages = _pages(parent_client, older_child, video)

    assert "6 years, 8 months" in pages["home"] and "past crawlcoach" in pages["home"]
    for name in ("dashboard", "video"):
        assert "norms cover the first 6 years; Bo is past them" in pages[name], name
        assert "What this means" not in pages[name], name
    assert "Forward" in pages["video"]


def test_a_child_past_the_norms_can_still_be_edited(
    parent_client: Client, older_child: Child
) -> None:
    url = reverse("child_edit", args=[older_child.pk])
    response = parent_client.post(url, {"name": "Bo Okafor", "born": older_child.born.isoformat()})
    assert response.status_code == 302
    older_child.refresh_from_db()
    assert older_child.name == "Bo Okafor"
    # A newly typed birth date is still held to the norms' limit.
    earlier = older_child.born - timedelta(days=1)
    response = parent_client.post(url, {"name": "Bo", "born": earlier.isoformat()})
    assert response.status_code == 200 and b"Check the birth date" in response.content


def test_adding_a_child_past_the_norms_is_refused_calmly(parent_client: Client) -> None:
    born = date.today() - timedelta(days=int(80 * DAYS_PER_MONTH))
    response = parent_client.post(reverse("child_add"), {"name": "Bo", "born": born.isoformat()})
    assert response.status_code == 200 and b"Check the birth date" in response.content


def test_a_child_born_today(
    parent: User, parent_client: Client, make_stored_video: Callable[..., Video]
) -> None:
    child = _child(parent, born=family_time.today())
    video = make_stored_video(child)
    pages = _pages(parent_client, child, video)
    assert "0 weeks" in pages["home"]
    assert "What this means" in pages["dashboard"] and "What this means" in pages["video"]
