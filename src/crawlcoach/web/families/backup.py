"""A family's backup, to keep or to move to another server: one zip with ``manifest.json`` (the
format and its version), ``data.json`` (the family, its caregivers' accounts, children, videos
with their analyses, recording dates, titles and notes, and each child's journal: milestones,
practice entries, a running timer, notes) and ``media/`` (every video file, overlay and pose
track, and the notes' photos). Copies made to share are left out (the manifest says so): they
are made again from a video's page in a moment.

Version 2 added the journal, the videos' dates, titles and notes, and the pose tracks; version 1
backups are still read (without them).

Import makes a new family with new ids; it refuses a backup whose caregivers' user names or whose
videos already exist here, so it never touches, merges into or overwrites another family. API
tokens and invitation links stay behind: they belong to the old server's address.
"""

from __future__ import annotations

import json
import shutil
import zipfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path, PurePosixPath
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from crawlcoach import __version__
from crawlcoach.errors import CrawlcoachError
from crawlcoach.web.children.models import Child
from crawlcoach.web.families import backup_journal as journal
from crawlcoach.web.families.backup_journal import iso as _time
from crawlcoach.web.families.backup_journal import parse_iso as _parse_time
from crawlcoach.web.families.models import Caregiver, Family
from crawlcoach.web.videos import storage
from crawlcoach.web.videos.models import SharedCopy, Status, Video

FORMAT = "crawlcoach.family-backup"
VERSION = 2
READABLE_VERSIONS = (1, 2)
USER_FIELDS = ("username", "first_name", "last_name", "email", "password", "is_active")
CHILD_FIELDS = ("name", "observations")
VIDEO_FIELDS = ("original_name", "size_bytes", "duration_s", "status", "progress", "result",
                "error_kind", "error_message")  # fmt: skip
VIDEO_TIMES = ("uploaded_at", "started_at", "finished_at", "recorded_at")
VIDEO_TEXTS = ("title", "note")  # version 2
# The video's files in the backup, by kind: the field naming it, or None for a fixed name.
VIDEO_FILES = {"original": "original_file", "annotated": "annotated_file", "track": None}
LEFT_OUT = (
    "Copies made to share (faces blurred, skeleton only) are not in the backup; make them again "
    "from a video's page."
)


class BackupError(CrawlcoachError):
    kind = "backup_error"


@dataclass(frozen=True)
class Summary:
    family: str
    caregivers: int
    children: int
    videos: int
    files: int
    journal: int = 0  # milestones, practice entries, timers and notes
    shared_left_out: int = 0

    def __str__(self) -> str:
        return (
            f"the family “{self.family}”: {self.caregivers} caregiver(s), {self.children} "
            f"child(ren), {self.videos} video(s), {self.files} file(s), {self.journal} journal "
            "entries"
        )


def find_family(family_id: int | None = None, username: str | None = None) -> Family:
    if family_id is not None:
        family = Family.objects.filter(pk=family_id).first()
        if family is None:
            raise BackupError(f"There is no family with id {family_id} on this server.")
        return family
    caregiver = Caregiver.objects.select_related("family").filter(user__username=username).first()
    if caregiver is None:
        raise BackupError(f"No caregiver has the user name {username!r} on this server.")
    return caregiver.family


def export_family(family: Family, out: Path) -> Summary:
    """Write the family's backup zip to ``out`` (replacing a file there)."""
    caregivers = list(family.caregivers.select_related("user").order_by("joined_at"))
    children = list(family.children.order_by("pk"))
    videos = list(Video.objects.filter(child__family=family).order_by("uploaded_at"))
    files: dict[str, Path] = {}
    video_rows = []
    for video in videos:
        row: dict[str, Any] = {"id": str(video.pk), "child": video.child_id, "files": {}}
        row |= {field: getattr(video, field) for field in VIDEO_FIELDS}
        row |= {field: _time(getattr(video, field)) for field in VIDEO_TIMES}
        row |= {field: getattr(video, field) for field in VIDEO_TEXTS}
        status = video.status
        if status == Status.ANALYSING:
            status = Status.QUEUED  # its analysis is done again where it lands
        row["status"] = status
        for kind, field in VIDEO_FILES.items():
            if field is None:
                source: Path | None = storage.track_path(video)
            else:
                relative = getattr(video, field)
                source = storage.absolute(relative) if relative else None
            if source is not None and source.is_file():
                member = f"media/{video.pk}/{source.name}"
                files[member] = source
                row["files"][kind] = member
        video_rows.append(row)
    data: dict[str, Any] = {
        "family": {"name": family.name, "created_at": _time(family.created_at)},
        "caregivers": [
            {
                **{field: getattr(c.user, field) for field in USER_FIELDS},
                "date_joined": _time(c.user.date_joined),
                "joined_at": _time(c.joined_at),
                "is_admin": c.is_admin,
            }
            for c in caregivers
        ],
        "children": [_child_row(child) for child in children],
        "videos": video_rows,
        "journal": journal.export_rows(children, files),
    }
    shared = SharedCopy.objects.filter(video__child__family=family).count()
    summary = Summary(family.name, len(caregivers), len(children), len(videos), len(files),
                      journal.count(data["journal"]), shared)  # fmt: skip
    manifest = {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": timezone.now().isoformat(),
        "crawlcoach": __version__,
        "contents": {"caregivers": summary.caregivers, "children": summary.children,
                     "videos": summary.videos, "files": summary.files,
                     "journal": summary.journal},
        "left_out": [LEFT_OUT] if shared else [],
    }  # fmt: skip
    partial = out.with_name(out.name + ".partial")
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", json.dumps(manifest, indent=2))
        archive.writestr("data.json", json.dumps(data, indent=1))
        for member, source in files.items():
            archive.write(source, member, compress_type=zipfile.ZIP_STORED)  # video: compressed
    partial.replace(out)  # never a half-written backup under the real name
    return summary


def _child_row(child: Child) -> dict[str, Any]:
    return {
        "id": child.pk,
        "born": child.born.isoformat(),
        "due": child.due.isoformat() if child.due else None,
        "created_at": _time(child.created_at),
        **{field: getattr(child, field) for field in CHILD_FIELDS},
    }


def read_manifest(archive: zipfile.ZipFile) -> dict[str, Any]:
    try:
        manifest = json.loads(archive.read("manifest.json"))
    except KeyError:
        raise BackupError(
            "This zip is not a crawlcoach family backup: it has no manifest.json. Make one with "
            "`crawlcoach export-family`."
        ) from None
    except ValueError:
        raise BackupError("This backup's manifest.json is damaged (not JSON).") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(
            "This zip is not a crawlcoach family backup (its manifest says otherwise)."
        )
    if manifest.get("version") not in READABLE_VERSIONS:
        readable = " and ".join(str(v) for v in READABLE_VERSIONS)
        raise BackupError(
            f"This backup is in format version {manifest.get('version')!r}; this crawlcoach "
            f"reads versions {readable}. Update crawlcoach on this server, then import it "
            "again. Nothing was imported."
        )
    return manifest


def import_family(path: Path) -> tuple[Family, Summary]:
    """Make a new family here from a backup zip; refuses, importing nothing, when it cannot."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise BackupError(f"{path.name} is not a zip file we can read ({exc}).") from None
    with archive:
        read_manifest(archive)
        try:
            data = json.loads(archive.read("data.json"))
            return _import(archive, data)
        except (KeyError, TypeError, ValueError) as exc:
            raise BackupError(
                f"This backup is incomplete or damaged ({exc!s}); nothing was imported."
            ) from None


def _import(archive: zipfile.ZipFile, data: dict[str, Any]) -> tuple[Family, Summary]:
    users = get_user_model()
    names = [row["username"] for row in data["caregivers"]]
    taken = sorted(users.objects.filter(username__in=names).values_list("username", flat=True))
    if taken:
        raise BackupError(
            f"The user name(s) {', '.join(taken)} already exist on this server (another family, "
            "or this backup imported before). Nothing was imported: import into a server "
            "without these accounts."
        )
    video_ids = [row["id"] for row in data["videos"]]
    if Video.objects.filter(pk__in=video_ids).exists():
        raise BackupError(
            "Videos in this backup already exist on this server (it was imported before). "
            "Nothing was imported."
        )
    members = set(archive.namelist())
    wanted = [m for row in data["videos"] for m in row["files"].values()]
    wanted += journal.members(data.get("journal") or {})
    for member in wanted:
        if member not in members or not _safe_member(member):
            raise BackupError(f"This backup lacks the file {member!r}; nothing was imported.")

    written: list[Path] = []
    try:
        with transaction.atomic():
            family, summary = _create_rows(archive, data, written)
    except BaseException:
        for folder in written:
            shutil.rmtree(folder, ignore_errors=True)
        raise
    return family, summary


def _safe_member(member: str) -> bool:
    parts = PurePosixPath(member).parts
    return (
        len(parts) == 3 and parts[0] == "media" and ".." not in parts and not member.startswith("/")
    )


def _create_rows(
    archive: zipfile.ZipFile, data: dict[str, Any], written: list[Path]
) -> tuple[Family, Summary]:
    users = get_user_model()
    family = Family.objects.create(name=data["family"]["name"])
    # auto_now_add fields take "now" on create: the backup's own times are put back after.
    Family.objects.filter(pk=family.pk).update(created_at=_parse_time(data["family"]["created_at"]))
    for index, row in enumerate(data["caregivers"]):
        user = users(**{field: row[field] for field in USER_FIELDS})
        user.date_joined = _parse_time(row["date_joined"]) or timezone.now()
        user.save()
        # Backups made before admins existed: the first caregiver is the admin, as on migrating.
        admin = bool(row.get("is_admin", index == 0))
        caregiver = Caregiver.objects.create(user=user, family=family, is_admin=admin)
        Caregiver.objects.filter(pk=caregiver.pk).update(joined_at=_parse_time(row["joined_at"]))
    children: dict[int, Child] = {}
    for row in data["children"]:
        child = Child.objects.create(
            family=family, born=date.fromisoformat(row["born"]),
            due=date.fromisoformat(row["due"]) if row["due"] else None,
            **{field: row[field] for field in CHILD_FIELDS},
        )  # fmt: skip
        Child.objects.filter(pk=child.pk).update(created_at=_parse_time(row["created_at"]))
        children[int(row["id"])] = child
    files = 0
    queued: list[Video] = []
    for row in data["videos"]:
        video = Video.objects.create(
            id=row["id"], child=children[int(row["child"])],
            **{field: row[field] for field in VIDEO_FIELDS},
            **{field: row.get(field) or "" for field in VIDEO_TEXTS},
        )  # fmt: skip
        folder = storage.video_dir(video)
        folder.mkdir(parents=True, exist_ok=True)
        written.append(folder)
        for kind, member in row["files"].items():
            target = folder / PurePosixPath(member).name
            with archive.open(member) as source, target.open("wb") as sink:
                shutil.copyfileobj(source, sink)
            target.chmod(0o600)
            if field := VIDEO_FILES.get(kind):
                setattr(video, field, storage.relative(target))
            files += 1
        video.save(update_fields=["original_file", "annotated_file"])
        Video.objects.filter(pk=video.pk).update(
            **{field: _parse_time(row.get(field)) for field in VIDEO_TIMES}
        )
        if video.status == Status.QUEUED:
            queued.append(video)
    rows = data.get("journal") or {}  # version 1 backups have none
    for child in children.values():
        written.append(storage.child_dir(child))
    files += journal.import_rows(archive, rows, children)
    transaction.on_commit(lambda: _enqueue(queued))
    family.refresh_from_db()  # with the backup's times put back
    summary = Summary(
        family.name, len(data["caregivers"]), len(children), len(data["videos"]), files,
        journal.count(rows),
    )  # fmt: skip
    return family, summary


def _enqueue(videos: list[Video]) -> None:
    """Videos that were still waiting on the old server are analysed here."""
    from crawlcoach.web.videos.tasks import enqueue

    for video in videos:
        enqueue(video.pk)
