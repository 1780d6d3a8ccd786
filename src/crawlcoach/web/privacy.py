"""Keep the data folder owner-only: it holds password hashes, children's names and birth dates,
and every video of them.

``restrict_new_files`` sets the process's umask so whatever the server writes (the database and
its journals, the queue, uploads, the skeleton videos) is born private. ``secure_data_dir`` fixes
what an earlier version or a hand-made folder left readable by others, and says so in the log.
"""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Iterator
from pathlib import Path

log = logging.getLogger(__name__)

PRIVATE_UMASK = 0o077
OTHERS = stat.S_IRWXG | stat.S_IRWXO  # group and world bits
SQLITE_COMPANIONS = ("", "-wal", "-shm", "-journal")


def restrict_new_files() -> None:
    """Every file and folder this process creates from now on is owner-only."""
    os.umask(PRIVATE_UMASK)


def secure_data_dir() -> int:
    """Make the data folder and everything the app keeps in it owner-only; returns how many
    paths were open to others (each is logged)."""
    from django.conf import settings

    data = Path(settings.DATA_DIR)
    opened = 0
    if _make_private(data):
        opened += 1
        log.warning(
            "The data folder %s was readable by other users of this machine; it holds "
            "children's videos and birth dates, so it is now private to this user (mode 0700).",
            data,
        )
    others = sum(_make_private(path) for path in _app_paths(data, settings))
    if others:
        opened += others
        log.warning(
            "%d files or folders in %s were readable by other users; they are now private.",
            others,
            data,
        )
    return opened


def _app_paths(data: Path, settings: object) -> Iterator[Path]:
    """What the app writes: its databases with their journals, the key, and its folders' trees
    (never anything else that may share the folder)."""
    databases = [data / "crawlcoach.sqlite3", data / "tasks.sqlite3"]
    default_db = getattr(settings, "DATABASES", {}).get("default", {})
    if default_db.get("ENGINE", "").endswith("sqlite3"):
        databases.append(Path(default_db["NAME"]))
    for database in dict.fromkeys(databases):
        for suffix in SQLITE_COMPANIONS:
            yield database.with_name(database.name + suffix)
    yield data / "secret_key"
    for name in ("MEDIA_ROOT", "UPLOAD_TMP_DIR", "STATIC_ROOT"):
        folder = getattr(settings, name, None)
        if folder is None:
            continue
        yield Path(folder)
        for root, dirs, files in os.walk(folder):
            yield from (Path(root, entry) for entry in (*dirs, *files))


def _make_private(path: Path) -> bool:
    """Drop the group and world bits of ``path`` when it has any; True when it had."""
    try:
        mode = path.lstat().st_mode
        if stat.S_ISLNK(mode) or not mode & OTHERS:
            return False
        path.chmod(stat.S_IMODE(mode) & ~OTHERS)
    except FileNotFoundError:
        return False
    except OSError as exc:
        log.warning("Could not make %s private (%s); fix its permissions by hand.", path, exc)
        return False
    return True
