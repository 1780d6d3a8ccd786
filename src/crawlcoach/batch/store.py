"""The output folder's memory: one JSON file per analysed video, named by its key.

Each file is written to a temporary name, flushed to disk and renamed, so a run killed at any
moment leaves either the whole result or none: at most the videos in flight are lost. The
tables are rebuilt from these files at the end of every run."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from crawlcoach.errors import CrawlcoachError

RESULTS_DIR = "results"
LOCK_FILE = "state/lock"


class ResultStore:
    def __init__(self, out_dir: Path) -> None:
        self.folder = out_dir / RESULTS_DIR
        self.folder.mkdir(parents=True, exist_ok=True)

    def sweep(self) -> None:
        """Remove temporary files a killed run left behind (only while holding the lock)."""
        for tmp in self.folder.glob(".*.tmp"):
            tmp.unlink(missing_ok=True)

    def get(self, key: str) -> dict[str, Any] | None:
        """The stored record (``key``, ``content_sha256``, ``settings``, ``analysis``, ...)."""
        try:
            return json.loads((self.folder / f"{key}.json").read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (json.JSONDecodeError, UnicodeDecodeError):
            return None  # not ours or damaged by hand: analysed again

    def put(self, key: str, record: dict[str, Any]) -> None:
        record = {
            **record,
            "key": key,
            "stored_at": datetime.now(UTC).isoformat(timespec="seconds"),
        }
        write_atomically(self.folder / f"{key}.json", json.dumps(record, indent=1))


@contextmanager
def hold_folder(out_dir: Path) -> Iterator[None]:
    """One run at a time per output folder. The lock goes with the process, also on a kill."""
    try:
        import fcntl
    except ImportError:  # not POSIX: no lock
        yield
        return
    path = out_dir / LOCK_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise CrawlcoachError(
                f"Another crawlcoach batch is writing to {out_dir} right now. Wait for it to "
                "finish (or stop it), or give another --out folder.",
                kind="out_in_use",
            ) from None
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def write_atomically(path: Path, text: str) -> None:
    """``path`` holds either its old content or all of ``text``, whatever happens meanwhile."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _sync_folder(path.parent)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); a no-op where folders cannot be opened."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
