"""A family's backup: export, the zip's contents, import as a new family (rows, times, files,
passwords), and the refusals (unknown version, not a backup, already here)."""

from __future__ import annotations

import json
import zipfile
from datetime import timedelta
from pathlib import Path

import pytest
from backup_helpers import PHOTO, add_journal, comparable, data_of
from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone
from web_helpers import PASSWORD

from crawlcoach.web.children.models import Child
from crawlcoach.web.families import backup
from crawlcoach.web.families.models import Caregiver, Family
from crawlcoach.web.videos import storage
from crawlcoach.web.videos.models import SharedCopy, Status, Video

pytestmark = pytest.mark.django_db


@pytest.fixture
def family(parent: User, make_child, make_stored_video) -> Family:
    family = parent.caregiver.family
    second = User.objects.create_user("grandma", password=PASSWORD, first_name="Ines")
    Caregiver.objects.create(user=second, family=family)
    ada = make_child(parent, name="Ada", months=9)
    ada.observations = ["moves_backward"]
    ada.save()
    done = make_stored_video(ada)
    Video.objects.filter(pk=done.pk).update(
        uploaded_at=timezone.now() - timedelta(days=20),
        recorded_at=timezone.now() - timedelta(days=400),
        title="First laps of the rug",
        note="After her nap.",
    )
    storage.track_path(done).write_bytes(b"pose track")
    add_journal(ada, done)
    make_stored_video(ada, status=Status.FAILED)
    make_stored_video(make_child(parent, name="Bo", months=4), status=Status.QUEUED)
    return family


def delete_family(family: Family) -> None:
    for child in family.children.all():
        storage.delete_child_files(child)
    User.objects.filter(caregiver__family=family).delete()
    family.delete()


def test_export_writes_manifest_data_and_media(family: Family, tmp_path: Path) -> None:
    out = tmp_path / "family.zip"
    summary = backup.export_family(family, out)
    # Files: 3 originals, 1 overlay, 1 pose track, 1 note's photo; the shared copy is left out.
    assert (summary.caregivers, summary.children, summary.videos, summary.files) == (2, 2, 3, 6)
    assert (summary.journal, summary.shared_left_out) == (6, 1)
    with zipfile.ZipFile(out) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        assert manifest["format"] == backup.FORMAT and manifest["version"] == backup.VERSION == 2
        assert manifest["left_out"] == [backup.LEFT_OUT]
        media = sorted(n for n in archive.namelist() if n.startswith("media/"))
    assert len(media) == 6 and not any("shared" in m for m in media)
    data = data_of(out)
    assert {c["username"] for c in data["caregivers"]} == {"parent0", "grandma"}
    assert all(c["password"].startswith("pbkdf2_") for c in data["caregivers"])
    assert not list(tmp_path.glob("*.partial"))


def test_a_move_keeps_everything(family: Family, tmp_path: Path) -> None:
    out, again = tmp_path / "family.zip", tmp_path / "again.zip"
    backup.export_family(family, out)
    originals = {v.pk: storage.absolute(v.original_file).read_bytes() for v in Video.objects.all()}
    delete_family(family)
    other = Family.objects.create(name="The Neighbours")  # takes the freed ids on some engines

    moved, summary = backup.import_family(out)
    assert moved.pk != other.pk and moved.name == "The Okafors" and summary.videos == 3
    backup.export_family(moved, again)
    assert comparable(data_of(again)) == comparable(data_of(out))
    for video in Video.objects.filter(child__family=moved):
        assert storage.absolute(video.original_file).read_bytes() == originals[video.pk]
        assert storage.absolute(video.original_file).is_relative_to(storage.child_dir(video.child))
    assert Client().login(username="grandma", password=PASSWORD)
    assert Video.objects.filter(child__family=moved, status=Status.QUEUED).count() == 1
    assert not Child.objects.filter(family=other).exists()
    # The journal and the videos' own details came along.
    ada = Child.objects.get(family=moved, name="Ada")
    record = ada.milestones.get()
    assert record.note == "Under the table" and record.video is not None
    assert record.video.title == "First laps of the rug" and record.video.note == "After her nap."
    assert record.video.recorded_at < timezone.now() - timedelta(days=399)
    assert storage.track_path(record.video).read_bytes() == b"pose track"
    assert ada.practice.count() == 2 and ada.running_timer.kind == "crawling"
    photo = ada.notes.exclude(photo_file="").get()
    assert storage.absolute(photo.photo_file).read_bytes() == PHOTO
    assert storage.absolute(photo.photo_file).name == f"{photo.pk}.png"
    assert not SharedCopy.objects.exists()


def test_importing_twice_is_refused_and_changes_nothing(family: Family, tmp_path: Path) -> None:
    out = tmp_path / "family.zip"
    backup.export_family(family, out)
    before = (Family.objects.count(), Child.objects.count(), Video.objects.count())
    with pytest.raises(backup.BackupError, match="already exist on this server"):
        backup.import_family(out)
    assert (Family.objects.count(), Child.objects.count(), Video.objects.count()) == before


def test_unknown_version_is_refused_clearly(family: Family, tmp_path: Path) -> None:
    out, future = tmp_path / "family.zip", tmp_path / "future.zip"
    backup.export_family(family, out)
    with zipfile.ZipFile(out) as source, zipfile.ZipFile(future, "w") as target:
        for item in source.infolist():
            content = source.read(item)
            if item.filename == "manifest.json":
                content = json.dumps({**json.loads(content), "version": 3}).encode()
            target.writestr(item, content)
    delete_family(family)
    with pytest.raises(backup.BackupError, match=r"format version 3.*reads versions 1 and 2"):
        backup.import_family(future)
    assert not Family.objects.exists()


def test_a_version_1_backup_is_still_read(family: Family, tmp_path: Path) -> None:
    """Version 1 had no journal, no videos' dates, titles or notes, and no pose tracks."""
    out, old = tmp_path / "family.zip", tmp_path / "old.zip"
    backup.export_family(family, out)
    data = data_of(out)
    data.pop("journal")
    for row in data["videos"]:
        for field in ("recorded_at", "title", "note"):
            row.pop(field)
        row["files"].pop("track", None)
    with zipfile.ZipFile(out) as source, zipfile.ZipFile(old, "w") as target:
        for item in source.infolist():
            content = source.read(item)
            if item.filename == "manifest.json":
                content = json.dumps({**json.loads(content), "version": 1}).encode()
            elif item.filename == "data.json":
                content = json.dumps(data).encode()
            elif "notes" in item.filename or item.filename.endswith("track.npz"):
                continue
            target.writestr(item, content)
    delete_family(family)
    moved, summary = backup.import_family(old)
    assert summary.videos == 3 and summary.journal == 0
    video = Video.objects.get(child__family=moved, annotated_file__gt="")
    assert video.recorded_at is None and video.title == "" and video.filmed_at == video.uploaded_at


def test_not_a_backup(tmp_path: Path) -> None:
    text = tmp_path / "notes.zip"
    text.write_text("hello")
    with pytest.raises(backup.BackupError, match="not a zip file"):
        backup.import_family(text)
    other = tmp_path / "other.zip"
    with zipfile.ZipFile(other, "w") as archive:
        archive.writestr("hello.txt", "hi")
    with pytest.raises(backup.BackupError, match=r"no manifest\.json"):
        backup.import_family(other)


def test_a_backup_missing_a_file_imports_nothing(family: Family, tmp_path: Path) -> None:
    out, broken = tmp_path / "family.zip", tmp_path / "broken.zip"
    backup.export_family(family, out)
    with zipfile.ZipFile(out) as source, zipfile.ZipFile(broken, "w") as target:
        for item in source.infolist():
            if not item.filename.endswith("annotated.mp4"):
                target.writestr(item, source.read(item))
    delete_family(family)
    with pytest.raises(backup.BackupError, match="lacks the file"):
        backup.import_family(broken)
    assert not Family.objects.exists() and not User.objects.exists()


def test_find_family(family: Family) -> None:
    assert backup.find_family(username="grandma") == family
    assert backup.find_family(family_id=family.pk) == family
    with pytest.raises(backup.BackupError, match="user name 'nobody'"):
        backup.find_family(username="nobody")
