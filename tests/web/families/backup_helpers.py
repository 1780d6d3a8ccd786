"""A family worth backing up, and what of it must survive a move (ids aside)."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

from django.utils import timezone

from crawlcoach.web.children.models import Child
from crawlcoach.web.journal.models import MilestoneRecord, Note, PracticeEntry, RunningTimer
from crawlcoach.web.videos import storage
from crawlcoach.web.videos.models import SharedCopy, Video

PHOTO = b"\x89PNG\r\n\x1a\n photo of Ada"
CAREGIVER_KEYS = ("username", "first_name", "password", "date_joined", "joined_at")


def comparable(data: dict[str, Any]) -> dict[str, Any]:
    """data.json without what a move may change: the children's ids (videos keep theirs) and
    the names of the notes' photos in the zip (they carry the note's id)."""
    ids = {row["id"]: index for index, row in enumerate(data["children"])}
    children = [{k: v for k, v in row.items() if k != "id"} for row in data["children"]]
    videos = [{**row, "child": ids[row["child"]]} for row in data["videos"]]
    journal = {
        part: [
            {**row, "child": ids[row["child"]], **({"photo": bool(row["photo"])} if "photo" in row
                                                 else {})}
            for row in rows
        ]
        for part, rows in (data.get("journal") or {}).items()
    }  # fmt: skip
    return {**data, "children": children, "videos": videos, "journal": journal}


def data_of(backup: Path) -> dict[str, Any]:
    with zipfile.ZipFile(backup) as archive:
        return json.loads(archive.read("data.json"))


def add_journal(child: Child, video: Video) -> None:
    """A milestone linked to a video, practice, a running timer, notes with and without a photo,
    and a copy made to share (which a backup leaves out)."""
    today = timezone.localdate()
    MilestoneRecord.objects.create(child=child, milestone="crawls_backward", seen_on=today,
                                   note="Under the table", video=video)  # fmt: skip
    PracticeEntry.objects.create(child=child, on=today, minutes=12, kind="tummy_time")
    PracticeEntry.objects.create(child=child, on=today, minutes=5, kind="activity",
                                 activity="reach_for_toy", started_at=timezone.now())  # fmt: skip
    RunningTimer.objects.create(child=child, kind="crawling", started_at=timezone.now())
    Note.objects.create(child=child, on=today, text="Giggled all through tummy time")
    with_photo = Note.objects.create(child=child, on=today, text="At the park")
    folder = storage.child_dir(child) / "notes"
    folder.mkdir(parents=True)
    (folder / f"{with_photo.pk}.png").write_bytes(PHOTO)
    Note.objects.filter(pk=with_photo.pk).update(
        photo_file=storage.relative(folder / f"{with_photo.pk}.png")
    )
    shared = storage.shared_copy_path(video, "skeleton_only")
    shared.parent.mkdir(parents=True)
    shared.write_bytes(b"shared copy")
    SharedCopy.objects.create(video=video, kind="skeleton_only", status="done",
                              file=storage.relative(shared))  # fmt: skip
