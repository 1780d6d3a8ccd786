"""Family isolation: another family's ids give 404 on every page, endpoint and file."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import get_resolver, reverse
from django.utils import timezone

from crawlcoach.web.api.tokens import create_token
from crawlcoach.web.children.models import Child
from crawlcoach.web.families.models import Invitation
from crawlcoach.web.journal.models import MilestoneRecord, Note, PracticeEntry
from crawlcoach.web.videos import storage
from crawlcoach.web.videos.models import SharedCopy, Video

pytestmark = pytest.mark.django_db

# Every route that takes an id, and which of the other family's objects fills it.
ROUTES_WITH_IDS: dict[str, Callable[[Child, Video, Invitation], list[object]]] = {
    "child": lambda c, v, i: [c.pk],
    "child_edit": lambda c, v, i: [c.pk],
    "child_delete": lambda c, v, i: [c.pk],
    "video_upload": lambda c, v, i: [c.pk],
    "video": lambda c, v, i: [v.pk],
    "video_status": lambda c, v, i: [v.pk],
    "video_file": lambda c, v, i: [v.pk, "original"],
    "video_delete": lambda c, v, i: [v.pk],
    "video_retry": lambda c, v, i: [v.pk],
    "video_cancel": lambda c, v, i: [v.pk],
    "video_details": lambda c, v, i: [v.pk],
    "video_share": lambda c, v, i: [v.pk, "faces_blurred"],
    "video_share_status": lambda c, v, i: [v.pk, "faces_blurred"],
    "video_share_file": lambda c, v, i: [v.pk, "faces_blurred"],
    "milestones": lambda c, v, i: [c.pk],
    "milestone_log": lambda c, v, i: [c.pk, "rolls_over"],
    "milestone_unlog": lambda c, v, i: [c.pk, "rolls_over"],
    "practice": lambda c, v, i: [c.pk],
    "practice_start": lambda c, v, i: [c.pk],
    "practice_stop": lambda c, v, i: [c.pk],
    "practice_add": lambda c, v, i: [c.pk],
    "practice_delete": lambda c, v, i: [c.practice.get().pk],
    "notes": lambda c, v, i: [c.pk],
    "note_photo": lambda c, v, i: [c.notes.get().pk],
    "note_delete": lambda c, v, i: [c.notes.get().pk],
    "report": lambda c, v, i: [c.pk],
    "report_pdf": lambda c, v, i: [c.pk],
    "invite_revoke": lambda c, v, i: [i.pk],
    "api_token_revoke": lambda c, v, i: [i.family.caregivers.get().api_tokens.get().pk],
    "caregiver_remove": lambda c, v, i: [i.family.caregivers.get().pk],
    "caregiver_admin": lambda c, v, i: [i.family.caregivers.get().pk],
    "caregiver_reset_link": lambda c, v, i: [i.family.caregivers.get().pk],
}
# Routes whose arguments are secrets, not ids: an invitation's, a reset link's.
SECRET_ROUTES = {"join", "password_reset_confirm"}
ANNOTATED_FILE = "video_file_annotated"


@pytest.fixture
def other_family(make_family, make_child, make_stored_video) -> tuple[Child, Video, Invitation]:
    other = make_family(name="The Neighbours")
    child = make_child(other, name="Bartholomew")
    video = make_stored_video(child)
    invitation = Invitation.objects.create(
        family=other.caregiver.family, expires_at=timezone.now() + timedelta(days=1)
    )
    create_token(other.caregiver, "Their kitchen button")
    # Their journal: a milestone, a practice entry, a note with a photo.
    MilestoneRecord.objects.create(child=child, milestone="rolls_over", seen_on=child.born)
    PracticeEntry.objects.create(child=child, on=child.born, minutes=5, kind="tummy_time")
    note = Note.objects.create(child=child, on=child.born, text="Bartholomew rolled")
    folder = storage.child_dir(child) / "notes"
    folder.mkdir(parents=True)
    (folder / f"{note.pk}.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    note.photo_file = storage.relative(folder / f"{note.pk}.png")
    note.save()
    # A copy of their video made to share, ready to download.
    shared = storage.shared_copy_path(video, "faces_blurred")
    shared.parent.mkdir(parents=True)
    shared.write_bytes(b"Bartholomew blurred")
    SharedCopy.objects.create(
        video=video, kind="faces_blurred", status="done", file=storage.relative(shared)
    )
    return child, video, invitation


def test_every_route_with_an_id_is_covered() -> None:
    with_ids = {
        pattern.name
        for resolver in get_resolver().url_patterns
        if resolver.namespace != "api"  # the API's routes: tests/web/api/test_isolation.py
        for pattern in resolver.url_patterns
        if pattern.pattern.converters and pattern.name not in SECRET_ROUTES
    }
    assert with_ids == set(ROUTES_WITH_IDS)


@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize("name", [*ROUTES_WITH_IDS, ANNOTATED_FILE])
def test_other_familys_ids_give_404(
    name: str, method: str, parent_client: Client, child: Child, other_family
) -> None:
    if name == ANNOTATED_FILE:
        url = reverse("video_file", args=[other_family[1].pk, "annotated"])
    else:
        url = reverse(name, args=ROUTES_WITH_IDS[name](*other_family))
    response = getattr(parent_client, method)(url)
    assert response.status_code in (404, 405), (url, response.status_code)
    if response.status_code == 405:
        # Wrong method for this route: it must still not leak, and GET/POST of the other one 404s.
        assert not response.content
    assert b"Bartholomew" not in response.content


def test_other_familys_objects_survive_the_attempts(
    parent_client: Client, child: Child, other_family
) -> None:
    other_child, other_video, invitation = other_family
    parent_client.post(reverse("child_delete", args=[other_child.pk]))
    parent_client.post(reverse("video_delete", args=[other_video.pk]))
    parent_client.post(reverse("invite_revoke", args=[invitation.pk]))
    parent_client.post(
        reverse("child_edit", args=[other_child.pk]), {"name": "X", "born": "2024-01-01"}
    )
    assert Child.objects.get(pk=other_child.pk).name == "Bartholomew"
    assert Video.objects.filter(pk=other_video.pk).exists()
    assert Invitation.objects.filter(pk=invitation.pk).exists()
    theirs = invitation.family.caregivers.get()
    parent_client.post(reverse("caregiver_remove", args=[theirs.pk]))
    parent_client.post(reverse("caregiver_reset_link", args=[theirs.pk]))
    parent_client.post(reverse("family_rename"), {"name": "Taken over"})
    theirs.refresh_from_db()
    assert theirs.api_tokens.exists() and theirs.family.name == "The Neighbours"
    assert str(theirs.user.username) not in parent_client.get(reverse("family")).content.decode()
    for name in ("practice_delete", "note_delete"):
        parent_client.post(reverse(name, args=ROUTES_WITH_IDS[name](*other_family)))
    parent_client.post(reverse("milestone_unlog", args=[other_child.pk, "rolls_over"]))
    parent_client.post(reverse("practice_stop", args=[other_child.pk]))
    assert other_child.milestones.exists() and other_child.practice.exists()
    assert other_child.notes.get().photo_file
    parent_client.post(reverse("video_share", args=[other_video.pk, "faces_blurred"]))
    copy = SharedCopy.objects.get(video=other_video)
    assert copy.status == "done" and storage.absolute(copy.file).is_file()


def test_lists_show_only_the_own_family(parent_client: Client, child: Child, other_family) -> None:
    for url in ("/", reverse("family"), reverse("child", args=[child.pk])):
        page = parent_client.get(url).content.decode()
        assert "Bartholomew" not in page and "The Neighbours" not in page
    assert other_family[2].token not in parent_client.get(reverse("family")).content.decode()


def test_logged_out_visitors_get_nothing(client: Client, other_family) -> None:
    _, video, _ = other_family
    for url in (
        reverse("video_file", args=[video.pk, "original"]),
        reverse("video_status", args=[video.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_no_public_media_url(parent_client: Client, done_video: Video) -> None:
    assert parent_client.get("/media/" + done_video.original_file).status_code == 404
