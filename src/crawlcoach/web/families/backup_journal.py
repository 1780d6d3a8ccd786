"""The journal's part of a family backup (format version 2): each child's milestones, practice
entries, running timer and notes, with the notes' photos under ``media/notes/``. Rows name their
child by the backup's child id; the import gives them the new one."""

from __future__ import annotations

import shutil
import zipfile
from datetime import date, datetime
from pathlib import Path, PurePosixPath
from typing import Any

from crawlcoach.web.children.models import Child
from crawlcoach.web.journal import photos
from crawlcoach.web.journal.models import MilestoneRecord, Note, PracticeEntry, RunningTimer
from crawlcoach.web.videos import storage

PHOTO_FOLDER = "media/notes"
PRACTICE_FIELDS = ("minutes", "kind", "activity")


def iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def parse_iso(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def export_rows(children: list[Child], files: dict[str, Path]) -> dict[str, list[dict[str, Any]]]:
    """The journal rows of these children; each note's photo is added to ``files``."""
    ids = [child.pk for child in children]
    milestones = [
        {"child": r.child_id, "milestone": r.milestone, "seen_on": r.seen_on.isoformat(),
         "note": r.note, "video": str(r.video_id) if r.video_id else None,
         "created_at": iso(r.created_at)}
        for r in MilestoneRecord.objects.filter(child_id__in=ids).order_by("child_id", "pk")
    ]  # fmt: skip
    practice = [
        {"child": e.child_id, "on": e.on.isoformat(), "started_at": iso(e.started_at),
         "created_at": iso(e.created_at), **{f: getattr(e, f) for f in PRACTICE_FIELDS}}
        for e in PracticeEntry.objects.filter(child_id__in=ids).order_by("child_id", "pk")
    ]  # fmt: skip
    timers = [
        {"child": t.child_id, "kind": t.kind, "activity": t.activity,
         "started_at": iso(t.started_at)}
        for t in RunningTimer.objects.filter(child_id__in=ids).order_by("child_id")
    ]  # fmt: skip
    notes = []
    for note in Note.objects.filter(child_id__in=ids).order_by("child_id", "pk"):
        row = {"child": note.child_id, "on": note.on.isoformat(), "text": note.text,
               "created_at": iso(note.created_at), "photo": None}  # fmt: skip
        photo = storage.absolute(note.photo_file) if note.photo_file else None
        if photo is not None and photo.is_file():
            member = f"{PHOTO_FOLDER}/{note.child_id}-{note.pk}{photo.suffix}"
            files[member] = photo
            row["photo"] = member
        notes.append(row)
    return {"milestones": milestones, "practice": practice, "timers": timers, "notes": notes}


def count(rows: dict[str, list[dict[str, Any]]]) -> int:
    return sum(len(rows.get(key) or []) for key in ("milestones", "practice", "timers", "notes"))


def members(rows: dict[str, list[dict[str, Any]]]) -> list[str]:
    """The files the journal needs from the zip."""
    return [row["photo"] for row in rows.get("notes") or [] if row.get("photo")]


def import_rows(
    archive: zipfile.ZipFile, rows: dict[str, list[dict[str, Any]]], children: dict[int, Child]
) -> int:
    """Create the journal's rows for the new children; returns the number of photos written."""
    from crawlcoach.web.videos.models import Video

    known_videos = {
        str(pk)
        for pk in Video.objects.filter(child__in=children.values()).values_list("pk", flat=True)
    }
    for row in rows.get("milestones") or []:
        video = row.get("video") if row.get("video") in known_videos else None
        record = MilestoneRecord.objects.create(
            child=children[int(row["child"])], milestone=row["milestone"],
            seen_on=date.fromisoformat(row["seen_on"]), note=row.get("note") or "",
            video_id=video,
        )  # fmt: skip
        _put_back_created(MilestoneRecord, record.pk, row)
    for row in rows.get("practice") or []:
        entry = PracticeEntry.objects.create(
            child=children[int(row["child"])], on=date.fromisoformat(row["on"]),
            started_at=parse_iso(row.get("started_at")),
            **{f: row[f] for f in PRACTICE_FIELDS},
        )  # fmt: skip
        _put_back_created(PracticeEntry, entry.pk, row)
    for row in rows.get("timers") or []:
        RunningTimer.objects.create(
            child=children[int(row["child"])], kind=row["kind"], activity=row.get("activity") or "",
            started_at=datetime.fromisoformat(row["started_at"]),
        )  # fmt: skip
    written = 0
    for row in rows.get("notes") or []:
        note = Note.objects.create(
            child=children[int(row["child"])], on=date.fromisoformat(row["on"]), text=row["text"]
        )
        _put_back_created(Note, note.pk, row)
        if row.get("photo"):
            folder = photos.notes_dir(note)
            storage.private_folder(folder)
            target = folder / f"{note.pk}{PurePosixPath(row['photo']).suffix}"
            with archive.open(row["photo"]) as source, target.open("wb") as sink:
                shutil.copyfileobj(source, sink)
            target.chmod(0o600)
            Note.objects.filter(pk=note.pk).update(photo_file=storage.relative(target))
            written += 1
    return written


def _put_back_created(model: Any, pk: int, row: dict[str, Any]) -> None:
    """auto_now_add takes "now" on create: the backup's own moment is put back after."""
    if created := parse_iso(row.get("created_at")):
        model.objects.filter(pk=pk).update(created_at=created)
