"""Shared by the pose benchmarks: where the development clips are."""

from __future__ import annotations

import csv
from pathlib import Path

CLIPS = Path(__file__).resolve().parents[1].parent / "shared" / "clips"
DEV = CLIPS / "ucf101-dev"
NEGATIVES = CLIPS / "negatives"
NON_CRAWLING = CLIPS / "non-crawling"


def dev_clips() -> list[tuple[Path, str]]:
    """(path, group) of every development clip, in labels.csv order."""
    with open(DEV / "labels.csv", newline="") as fh:
        return [(DEV / row["file"], row["group"]) for row in csv.DictReader(fh)]


def negative_clips() -> list[Path]:
    with open(NEGATIVES / "labels.csv", newline="") as fh:
        return [NEGATIVES / row["file"] for row in csv.DictReader(fh)]


def non_crawling_clips() -> list[tuple[Path, str]]:
    """(path, source repository) of every non-crawling clip, in labels.csv order."""
    with open(NON_CRAWLING / "labels.csv", newline="") as fh:
        return [(NON_CRAWLING / row["file"], row["repo"]) for row in csv.DictReader(fh)]
