"""Everything the output folder shows, rebuilt from the outcomes at the end of every run:
``analyses.jsonl`` (the contract per video, input order), the tables, the ELAN and BORIS files,
and ``summary.json``. Each file is replaced whole, never left half-written."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from crawlcoach.batch.boris import boris_events
from crawlcoach.batch.elan import eaf_document
from crawlcoach.batch.item import ItemOutcome
from crawlcoach.batch.store import write_atomically
from crawlcoach.batch.summary import Summary
from crawlcoach.batch.tables import write_tables

ANALYSES = "analyses.jsonl"
SUMMARY = "summary.json"
ELAN_DIR = "elan"
BORIS_DIR = "boris"
TRACKS_DIR = "tracks"


def file_stem(path: Path, key: str) -> str:
    """Per-video output names: the video's name plus the start of its key, so two ``clip1.mp4``
    from different folders do not overwrite each other."""
    return f"{path.stem}-{key[:8]}"


def write_analyses(outcomes: Sequence[ItemOutcome], out_dir: Path) -> None:
    lines = (json.dumps(o.analysis, ensure_ascii=False) for o in outcomes)
    write_atomically(out_dir / ANALYSES, "".join(line + "\n" for line in lines))


def write_exports(outcomes: Sequence[ItemOutcome], out_dir: Path) -> int:
    """ELAN and BORIS files for every analysed video; returns how many videos got them."""
    written = 0
    for o in outcomes:
        if o.key is None or o.analysis.get("error"):
            continue
        stem = file_stem(o.item.path, o.key)
        eaf = out_dir / ELAN_DIR / f"{stem}.eaf"
        bouts = o.analysis["locomotion"].get("bouts", [])
        write_atomically(eaf, eaf_document(o.item.path, bouts, eaf))
        recorded = o.item.recorded_on.isoformat() if o.item.recorded_on else None
        table = boris_events(
            stem, o.item.path, o.analysis, subject=o.item.participant, recorded_on=recorded
        )
        write_atomically(out_dir / BORIS_DIR / f"{stem}.csv", table)
        written += 1
    return written


def write_summary(summary: Summary, out_dir: Path) -> dict[str, Any]:
    data = summary.as_json()
    write_atomically(out_dir / SUMMARY, json.dumps(data, indent=1, ensure_ascii=False) + "\n")
    return data


__all__ = [
    "ANALYSES",
    "BORIS_DIR",
    "ELAN_DIR",
    "SUMMARY",
    "TRACKS_DIR",
    "file_stem",
    "write_analyses",
    "write_exports",
    "write_summary",
    "write_tables",
]
