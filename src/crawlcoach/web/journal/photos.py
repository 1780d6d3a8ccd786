"""A note's photo on disk: checked to be an image by its content (Pillow), stored owner-only in
the child's media folder (so deleting the child deletes it), served only through a family check.

    MEDIA_ROOT/family-<id>/child-<id>/notes/<note id>.<jpg|png|webp|gif|heic>
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from django.core.files.uploadedfile import UploadedFile

from crawlcoach.web.videos import storage

if TYPE_CHECKING:
    from crawlcoach.web.journal.models import Note

MAX_PHOTO_BYTES = 20 * 1024 * 1024
# Pillow's format names -> the extension kept on disk (which also gives the served type).
FORMATS = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp", "GIF": ".gif", "MPO": ".jpg"}
# Without Pillow: the first bytes of each format.
MAGIC = (
    (b"\xff\xd8\xff", ".jpg"),
    (b"\x89PNG\r\n\x1a\n", ".png"),
    (b"GIF87a", ".gif"),
    (b"GIF89a", ".gif"),
)
NOT_A_PHOTO = (
    "That file is not a photo we can show. Choose a JPEG, PNG, WebP or GIF picture from your "
    "phone's gallery."
)


class PhotoRejected(ValueError):
    pass


def image_suffix(upload: UploadedFile) -> str:
    """The extension for this upload's real image format, else :class:`PhotoRejected`."""
    if (upload.size or 0) > MAX_PHOTO_BYTES:
        raise PhotoRejected(
            f"That photo is larger than {MAX_PHOTO_BYTES // 1024 // 1024} MB. Choose a smaller "
            "one, or send it to yourself in a smaller size first."
        )
    upload.seek(0)
    try:
        from PIL import Image
    except ImportError:  # Pillow is a dependency; the bytes still say what the file is
        head = upload.read(16)
        upload.seek(0)
        for magic, suffix in MAGIC:
            if head.startswith(magic):
                return suffix
        if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
            return ".webp"
        raise PhotoRejected(NOT_A_PHOTO) from None
    try:
        with Image.open(upload) as image:
            image.verify()
            name = image.format or ""
    except Exception as exc:  # Pillow raises many kinds for a file that is not an image
        raise PhotoRejected(NOT_A_PHOTO) from exc
    finally:
        upload.seek(0)
    if name not in FORMATS:
        raise PhotoRejected(NOT_A_PHOTO)
    return FORMATS[name]


def notes_dir(note: Note) -> Path:
    return storage.child_dir(note.child) / "notes"


def store(note: Note, upload: UploadedFile, suffix: str) -> str:
    """Write the photo owner-only; returns its path relative to MEDIA_ROOT."""
    folder = notes_dir(note)
    storage.private_folder(folder)
    target = folder / f"{note.pk}{suffix}"
    with target.open("wb") as out:
        for chunk in upload.chunks():
            out.write(chunk)
    target.chmod(0o600)
    return storage.relative(target)


def delete(note: Note) -> None:
    if note.photo_file:
        storage.absolute(note.photo_file).unlink(missing_ok=True)
