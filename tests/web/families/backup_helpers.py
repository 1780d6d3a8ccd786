"""A family worth backing up, and what of it must survive a move (ids aside)."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

CAREGIVER_KEYS = ("username", "first_name", "password", "date_joined", "joined_at")


def comparable(data: dict[str, Any]) -> dict[str, Any]:
    """data.json without what a move may change: the children's ids (videos keep theirs)."""
    ids = {row["id"]: index for index, row in enumerate(data["children"])}
    children = [{k: v for k, v in row.items() if k != "id"} for row in data["children"]]
    videos = [{**row, "child": ids[row["child"]]} for row in data["videos"]]
    return {**data, "children": children, "videos": videos}


def data_of(backup: Path) -> dict[str, Any]:
    with zipfile.ZipFile(backup) as archive:
        return json.loads(archive.read("data.json"))
