"""From the command's INPUTs (video files, folders, CSV manifests) to the collection's work items.

Folders are searched recursively and their files recognised by content (the video layer opens
each one), so ``.MOV``, ``.mts`` or extension-less files all count and stray photos, notes and
sidecar files are left out: counted, not analysed. Files named directly or in a manifest are
always analysed, so a wrong one comes back with an error saying what is wrong with it."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from crawlcoach.batch.filecache import FileCache
from crawlcoach.batch.item import WorkItem
from crawlcoach.batch.manifest import looks_like_manifest, read_manifest


@dataclass(frozen=True)
class Collection:
    items: list[WorkItem]  # input order; each file once (its first mention wins)
    not_videos: list[Path]  # files found in folders that are not videos


def collect(
    inputs: Sequence[Path], cache: FileCache, *, exclude: Iterable[Path] = ()
) -> Collection:
    """``exclude``: folders never searched (the output folder, when it sits inside an input)."""
    skip = {Path(os.path.abspath(p)) for p in exclude}
    items: list[WorkItem] = []
    not_videos: list[Path] = []
    seen: set[str] = set()

    def add(item: WorkItem) -> None:
        name = os.path.abspath(item.path)
        if name not in seen:
            seen.add(name)
            items.append(item)

    for given in inputs:
        if given.is_dir():
            for path in _files_under(given, skip):
                probed = cache.probe(path)
                if probed.video_error == "not_a_video":
                    not_videos.append(path)
                else:  # a video, or one that looks like a damaged video: it gets a result
                    add(WorkItem(path=path, duration_s=probed.duration_s))
        elif given.is_file() and looks_like_manifest(given):
            for row in read_manifest(given):
                add(
                    WorkItem(
                        path=row.path,
                        participant=row.participant,
                        born=row.born,
                        due=row.due,
                        recorded_on=row.recorded_on,
                        observations=row.observations,
                        columns=row.columns,
                        duration_s=_duration(row.path, cache),
                    )
                )
        else:
            add(WorkItem(path=given, duration_s=_duration(given, cache)))
    return Collection(items, not_videos)


def _files_under(folder: Path, skip: set[Path]) -> list[Path]:
    """Every regular file below ``folder``, sorted by path (stable across runs and machines);
    hidden files and folders (``.DS_Store``, ``.git``, ...) are not looked at."""
    found: list[Path] = []
    for root, dirs, files in os.walk(folder):
        here = Path(root)
        dirs[:] = [
            d for d in dirs if not d.startswith(".") and Path(os.path.abspath(here / d)) not in skip
        ]
        found.extend(here / n for n in files if not n.startswith(".") and (here / n).is_file())
    return sorted(found)


def _duration(path: Path, cache: FileCache) -> float:
    return cache.probe(path).duration_s if path.is_file() else 0.0
