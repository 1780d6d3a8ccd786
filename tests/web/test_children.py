"""Adding, editing and deleting a child; the child's dashboard."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.test import Client
from django.urls import reverse

from crawlcoach.web.children.models import Child
from crawlcoach.web.videos import storage

pytestmark = pytest.mark.django_db


def test_home_invites_to_add_a_child(parent_client: Client) -> None:
    page = parent_client.get("/")
    assert b"Add your baby to begin" in page.content


def test_add_child_then_dashboard_shows_ages(parent_client: Client) -> None:
    born = date.today() - timedelta(days=300)
    due = born + timedelta(days=56)  # eight weeks early
    response = parent_client.post(
        reverse("child_add"),
        {"name": "Ada", "born": born.isoformat(), "due": due.isoformat(),
         "observations": ["moves_backward"]},
    )  # fmt: skip
    child = Child.objects.get()
    assert response.url == reverse("child", args=[child.pk])
    assert child.observations == ["moves_backward"]
    page = parent_client.get(response.url).content.decode()
    assert "Ada" in page
    assert "9 months" in page and "corrected age" in page
    assert "Add a video" in page
    assert "Ada" in parent_client.get("/").content.decode()


def test_birth_date_in_the_future_is_refused(parent_client: Client) -> None:
    tomorrow = date.today() + timedelta(days=1)
    response = parent_client.post(reverse("child_add"), {"name": "Ada", "born": tomorrow})
    assert response.status_code == 200
    assert b"birth date" in response.content
    assert not Child.objects.exists()


def test_impossible_due_date_is_explained(parent_client: Client) -> None:
    born = date.today() - timedelta(days=100)
    response = parent_client.post(
        reverse("child_add"),
        {"name": "Ada", "born": born, "due": born + timedelta(days=30 * 7)},
    )
    assert b"due date" in response.content
    assert not Child.objects.exists()


def test_edit_child(parent_client: Client, child: Child) -> None:
    url = reverse("child_edit", args=[child.pk])
    assert parent_client.get(url).status_code == 200
    response = parent_client.post(url, {"name": "Ada Lovelace", "born": child.born.isoformat()})
    assert response.status_code == 302
    child.refresh_from_db()
    assert child.name == "Ada Lovelace"


def test_deleting_a_child_deletes_every_file(parent_client: Client, child: Child,
                                             make_stored_video) -> None:  # fmt: skip
    videos = [make_stored_video(child), make_stored_video(child, status="failed")]
    folder = storage.child_dir(child)
    assert all(storage.video_dir(v).exists() for v in videos)
    url = reverse("child_delete", args=[child.pk])
    assert b"delete everything" in parent_client.get(url).content
    assert parent_client.post(url).url == reverse("home")
    assert not Child.objects.exists()
    assert not folder.exists()


def test_dashboard_lists_videos_with_status_and_chart(parent_client: Client, child: Child,
                                                      make_stored_video) -> None:  # fmt: skip
    make_stored_video(child)
    make_stored_video(child)
    make_stored_video(child, status="queued")
    page = parent_client.get(reverse("child", args=[child.pk])).content.decode()
    assert "Waiting its turn" in page and "Ready" in page
    assert 'data-status-url="/videos/' in page
    assert '<svg class="chart"' in page and "plotly" not in page
