"""Family isolation through the API: every route that takes an id, found from the URL resolver
(a new route cannot be forgotten), answers another family's ids with 404 for every method it
takes, and the lists hold only the caller's own family."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.test import Client
from django.urls import URLPattern, get_resolver, reverse

from crawlcoach.web.children.models import Child
from crawlcoach.web.journal.models import MilestoneRecord, Note, PracticeEntry
from crawlcoach.web.videos import storage
from crawlcoach.web.videos.models import Video

pytestmark = pytest.mark.django_db

# Routes without ids, each checked elsewhere; a new one has to be added here on purpose.
ROUTES_WITHOUT_IDS = {
    "root", "family", "child-list", "video-list", "milestone-list", "practice-list", "note-list",
    "schema", "docs", "not-found",
}  # fmt: skip
# Which of the other family's objects fills a route's id, by the route's first word.
OWNERS = ("child", "video", "milestone", "practice", "note")
BODIES = {"post": {}, "put": {"name": "X", "born": "2026-01-01"}, "patch": {"name": "X"}}


def api_routes() -> Iterator[URLPattern]:
    (api,) = [r for r in get_resolver().url_patterns if getattr(r, "namespace", None) == "api"]
    for pattern in api.url_patterns:
        assert isinstance(pattern, URLPattern), "nested includes under /api/ need walking too"
        yield pattern


def takes_ids(pattern: URLPattern) -> bool:
    return bool(pattern.pattern.regex.groupindex)


def methods_of(pattern: URLPattern) -> list[str]:
    actions = getattr(pattern.callback, "actions", None)
    if actions:
        return sorted(actions)
    view = pattern.callback.cls
    return sorted(m for m in ("get", "post", "put", "patch", "delete") if hasattr(view, m))


ROUTES_WITH_IDS = sorted(p.name for p in api_routes() if takes_ids(p))


def test_every_route_is_known() -> None:
    without = {p.name for p in api_routes() if not takes_ids(p)}
    assert without == ROUTES_WITHOUT_IDS
    assert ROUTES_WITH_IDS, "the walk found no route with an id"
    for name in ROUTES_WITH_IDS:
        assert name.split("-")[0] in OWNERS, f"{name}: which object fills its id?"


@pytest.fixture
def theirs(make_family, make_child, make_stored_video) -> tuple[Child, Video]:
    other = make_child(make_family(name="The Neighbours"), name="Bartholomew")
    # Their journal: a milestone, a practice entry, a note with a photo.
    MilestoneRecord.objects.create(child=other, milestone="rolls_over", seen_on=other.born)
    PracticeEntry.objects.create(child=other, on=other.born, minutes=5, kind="tummy_time")
    note = Note.objects.create(child=other, on=other.born, text="Bartholomew rolled")
    folder = storage.child_dir(other) / "notes"
    folder.mkdir(parents=True)
    (folder / f"{note.pk}.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    note.photo_file = storage.relative(folder / f"{note.pk}.png")
    note.save()
    return other, make_stored_video(other)


def their_id(name: str, child: Child, video: Video) -> object:
    owner = name.split("-")[0]
    if owner == "child":
        return child.pk
    if owner == "video":
        return video.pk
    journal = {"milestone": child.milestones, "practice": child.practice, "note": child.notes}
    return journal[owner].get().pk


@pytest.mark.parametrize("name", ROUTES_WITH_IDS)
def test_another_familys_ids_are_404(
    name: str, api: Client, child: Child, theirs: tuple[Child, Video]
) -> None:
    other_child, other_video = theirs
    pk = their_id(name, other_child, other_video)
    url = reverse(f"api:{name}", kwargs={"pk": pk})
    (pattern,) = [p for p in api_routes() if p.name == name]
    for method in methods_of(pattern):
        kwargs = {"content_type": "application/json"} if method in BODIES else {}
        response = getattr(api, method)(url, BODIES.get(method), **kwargs)
        assert response.status_code == 404, (method, url, response.status_code)
        if method != "head":  # DRF adds HEAD to a GET route once it has served it: no body
            assert response.json()["error"]["kind"] == "not_found"
        assert b"Bartholomew" not in response.content
    assert Child.objects.filter(pk=other_child.pk, name="Bartholomew").exists()
    assert Video.objects.filter(pk=other_video.pk).exists()
    assert other_child.milestones.exists() and other_child.practice.exists()
    assert other_child.notes.get().photo_file


def test_lists_hold_only_the_own_family(
    api: Client, child: Child, done_video: Video, theirs: tuple[Child, Video]
) -> None:
    children = api.get("/api/children/").json()["results"]
    videos = api.get("/api/videos/").json()["results"]
    assert [c["id"] for c in children] == [child.pk]
    assert [v["id"] for v in videos] == [str(done_video.pk)]
    for journal in ("milestones", "practice", "notes"):
        assert api.get(f"/api/{journal}/").json()["results"] == [], journal
    family = api.get("/api/family/").json()
    assert family["name"] == "The Okafors" and family["children"] == 1
    assert "Neighbours" not in str(family)
