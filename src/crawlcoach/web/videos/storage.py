"""Where videos live on disk: one folder per video inside one folder per child and family.

    MEDIA_ROOT/family-<id>/child-<id>/<video uuid>/original.<ext>, annotated.mp4, track.npz
    (the pose track), playable.mp4 (a plain H.264 copy, when browsers cannot play the original)
    and shared/<kind>.mp4 (copies made to share, on request)

Deleting a video removes its folder, deleting a child removes the child's folder.
"""

from __future__ import annotations

import shutil
from pathlib import Path, PurePath
from typing import TYPE_CHECKING

from django.conf import settings

if TYPE_CHECKING:
    from crawlcoach.web.children.models import Child
    from crawlcoach.web.videos.models import Video

ANNOTATED_NAME = "annotated.mp4"
TRACK_NAME = "track.npz"
SHARED_FOLDER = "shared"
PLAYABLE_NAME = "playable.mp4"
# Extensions kept only so downloads open in the right player; the content is what was checked.
KNOWN_SUFFIXES = {".mp4", ".mov", ".m4v", ".webm", ".avi", ".mkv", ".3gp", ".gif", ".mpg", ".mpeg"}


def media_root() -> Path:
    return Path(settings.MEDIA_ROOT)


def family_dir(family_id: int) -> Path:
    """Everything a family's children have on disk: videos, their made files, note photos."""
    return media_root() / f"family-{family_id}"


def child_dir(child: Child) -> Path:
    return family_dir(child.family_id) / f"child-{child.pk}"


def video_dir(video: Video) -> Path:
    return child_dir(video.child) / str(video.id)


def relative(path: Path) -> str:
    return str(path.relative_to(media_root()))


def absolute(relative_path: str) -> Path:
    return media_root() / relative_path


def original_name_for(upload_name: str) -> str:
    suffix = PurePath(upload_name).suffix.lower()
    return "original" + (suffix if suffix in KNOWN_SUFFIXES else ".video")


def store_upload(video: Video, uploaded_path: Path, upload_name: str) -> Path:
    """Move the uploaded temporary file into the video's folder (a rename, not a copy); on a
    failure (a full disk, say) nothing is left in the folder."""
    folder = video_dir(video)
    target = folder / original_name_for(upload_name)
    try:
        private_folder(folder)
        shutil.move(str(uploaded_path), target)
        target.chmod(0o600)
    except OSError:
        shutil.rmtree(folder, ignore_errors=True)
        remove_empty_parents(folder)
        raise
    return target


def private_folder(folder: Path) -> None:
    """Create ``folder`` and its missing parents owner-only (children's videos), whatever the
    process's umask."""
    missing = []
    while not folder.exists():
        missing.append(folder)
        folder = folder.parent
    for path in reversed(missing):
        path.mkdir(mode=0o700, exist_ok=True)
        path.chmod(0o700)  # mkdir's mode is filtered by the umask


def annotated_path(video: Video) -> Path:
    return video_dir(video) / ANNOTATED_NAME


def track_path(video: Video) -> Path:
    return video_dir(video) / TRACK_NAME


def shared_copy_path(video: Video, kind: str) -> Path:
    return video_dir(video) / SHARED_FOLDER / f"{kind}.mp4"


def playable_path(video: Video) -> Path:
    """The plain copy made in the analysis' pass when browsers cannot play the original."""
    return video_dir(video) / PLAYABLE_NAME


def folder_bytes(folder: Path) -> int:
    """The bytes of every file under ``folder`` (0 when it does not exist)."""
    total = 0
    for path in folder.rglob("*"):
        try:
            if path.is_file() and not path.is_symlink():
                total += path.stat().st_size
        except OSError:  # a file removed while counting takes no room
            continue
    return total


def delete_video_files(video: Video) -> None:
    folder = video_dir(video)
    shutil.rmtree(folder, ignore_errors=True)
    remove_empty_parents(folder)


def delete_child_files(child: Child) -> None:
    folder = child_dir(child)
    shutil.rmtree(folder, ignore_errors=True)
    remove_empty_parents(folder)


def remove_empty_parents(folder: Path) -> None:
    """Remove the child's and the family's folders above ``folder`` once they hold nothing."""
    root = media_root()
    for parent in folder.parents:
        if parent == root or root not in parent.parents:
            return
        try:
            parent.rmdir()  # only ever removes an empty folder
        except OSError:
            return
