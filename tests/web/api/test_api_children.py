"""Children through the API: list, create, retrieve, update, delete, and the assessment."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.test import Client

from crawlcoach.web import family_time, guidance_bridge
from crawlcoach.web.children.models import Child
from crawlcoach.web.videos import storage
from crawlcoach.web.videos.models import Video

pytestmark = pytest.mark.django_db


def months_ago(months: int) -> str:
    return (date.today() - timedelta(days=int(months * 30.44))).isoformat()


def test_list_is_paginated_and_only_the_family(
    api: Client, child: Child, make_family, make_child
) -> None:
    make_child(make_family(name="The Neighbours"), name="Bartholomew")
    body = api.get("/api/children/").json()
    assert body["count"] == 1 and body["next"] is None
    (ada,) = body["results"]
    assert ada["id"] == child.pk and ada["name"] == "Ada" and ada["born"] == child.born.isoformat()
    assert ada["age"]["months"] == pytest.approx(9, abs=0.1)
    assert ada["links"]["videos"].endswith(f"/api/videos/?child={child.pk}")


def test_pages_follow_page_size(api: Client, parent, make_child) -> None:
    for name in ("A", "B", "C"):
        make_child(parent, name=name)
    first = api.get("/api/children/?page_size=2").json()
    assert first["count"] == 3 and len(first["results"]) == 2 and first["next"]
    second = api.get(first["next"]).json()
    assert [c["name"] for c in second["results"]] == ["C"]
    assert api.get("/api/children/?page=9").status_code == 404


def test_create_retrieve_update(api: Client, parent) -> None:
    created = api.post(
        "/api/children/",
        {"name": "Noor", "born": months_ago(8), "observations": ["moves_backward"]},
        content_type="application/json",
    )
    assert created.status_code == 201, created.json()
    child = Child.objects.get(pk=created.json()["id"])
    assert child.family == parent.caregiver.family and child.observations == ["moves_backward"]

    changed = api.patch(
        f"/api/children/{child.pk}/", {"name": "Noor B."}, content_type="application/json"
    )
    assert changed.status_code == 200 and changed.json()["name"] == "Noor B."
    whole = {"name": "Noor", "born": months_ago(7), "due": None, "observations": []}
    replaced = api.put(f"/api/children/{child.pk}/", whole, content_type="application/json")
    assert replaced.status_code == 200
    assert api.get(f"/api/children/{child.pk}/").json()["observations"] == []


def test_bad_child_data_is_a_clear_400(api: Client) -> None:
    future = (date.today() + timedelta(days=30)).isoformat()
    for body, field in (
        ({"born": months_ago(3)}, "name"),
        ({"name": "Ada", "born": "last tuesday"}, "born"),
        ({"name": "Ada", "born": months_ago(3), "observations": ["flies"]}, "observations"),
    ):
        response = api.post("/api/children/", body, content_type="application/json")
        assert response.status_code == 400
        error = response.json()["error"]
        assert error["kind"] == "invalid" and field in error["fields"]
        assert error["message"].startswith(field)
    response = api.post(
        "/api/children/", {"name": "Ada", "born": future}, content_type="application/json"
    )
    assert response.status_code == 400 and response.json()["error"]["message"]
    assert not Child.objects.exists()


def test_delete_removes_the_child_and_its_files(
    api: Client, child: Child, done_video: Video
) -> None:
    folder = storage.child_dir(child)
    assert folder.exists()
    assert api.delete(f"/api/children/{child.pk}/").status_code == 204
    assert not Child.objects.exists() and not Video.objects.exists() and not folder.exists()


def test_assessment_is_the_dashboards(
    api: Client, parent_client: Client, child: Child, done_video: Video
) -> None:
    body = api.get(f"/api/children/{child.pk}/assessment/").json()
    assert body["child"] == child.pk and body["analysed_videos"] == 1
    assessment = body["assessment"]
    expected = guidance_bridge.child_guidance(child, [done_video], family_time.today())
    assert assessment == expected.assessment and body["notes"] == []
    assert assessment["videos"] == {"given": 1, "used": 1}
    page = parent_client.get(f"/children/{child.pk}/").content.decode()
    assert assessment["verdict_text"] in page.replace("&#x27;", "'")
