"""What was learnt about each input file (a video or not, its length, its content hash), kept by
path, size and modification time so a rerun over hundreds of hours neither re-probes nor
re-reads every byte. Append-only JSON lines; the last line for a file wins."""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

from crawlcoach.batch.keys import content_hash
from crawlcoach.video import VideoError, probe


@dataclass(frozen=True)
class Probed:
    video_error: str | None  # the error kind when the file is not a readable video
    duration_s: float


class FileCache:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._entries: dict[str, dict] = {}
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                try:
                    entry = json.loads(line)
                    self._entries[entry["file"]] = entry
                except (json.JSONDecodeError, KeyError, TypeError):
                    continue  # a line cut short by a kill: that file is looked at again

    def probe(self, path: Path) -> Probed:
        """Opens the file with the video layer (decodes its first frame) unless known."""
        entry = self._current(path)
        if entry is not None and "video_error" in entry:
            return Probed(entry["video_error"], entry["duration_s"])
        try:
            probed = Probed(None, probe(path).duration_s)
        except VideoError as exc:
            probed = Probed(exc.kind, 0.0)
        self._update(path, asdict(probed))
        return probed

    def sha256(self, path: Path) -> str:
        entry = self._current(path)
        if entry is not None and entry.get("sha256"):
            return entry["sha256"]
        digest = content_hash(path)
        self._update(path, {"sha256": digest})
        return digest

    def _current(self, path: Path) -> dict | None:
        entry = self._entries.get(_name(path))
        if entry is None:
            return None
        try:
            st = path.stat()
        except OSError:
            return None
        if entry.get("size") != st.st_size or entry.get("mtime_ns") != st.st_mtime_ns:
            return None
        return entry

    def _update(self, path: Path, facts: dict) -> None:
        try:
            st = path.stat()
        except OSError:
            return
        name = _name(path)
        entry = self._current(path) or {"file": name}
        entry = {**entry, **facts, "size": st.st_size, "mtime_ns": st.st_mtime_ns}
        self._entries[name] = entry
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self.path.open("a", encoding="utf-8") as handle:
            handle.write(json.dumps(entry) + "\n")


def _name(path: Path) -> str:
    return os.path.abspath(path)
