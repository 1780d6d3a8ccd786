"""What identifies an analysis: the video's bytes plus every setting that changes the result.

Two runs with the same key would produce the same analysis, so a rerun skips it; a changed
setting, a new crawlcoach or pose-model version, or an edited video gets a new key."""

from __future__ import annotations

import hashlib
import json
from importlib import metadata
from pathlib import Path
from typing import Any

from crawlcoach import __version__, contract

_CHUNK = 1 << 20  # 1 MiB: large enough for hashlib to release the GIL, small enough for memory


def content_hash(path: Path) -> str:
    """sha256 of the file's bytes, read in chunks (videos can be gigabytes)."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def analysis_settings(fps: float, max_side: int | None, pose_backend: str) -> dict[str, Any]:
    """The settings shared by every video of a run that change what the analysis says."""
    return {
        "crawlcoach": __version__,
        "schema": contract.SCHEMA,
        "fps": fps,
        "max_side": max_side,
        "pose_backend": pose_backend,
        "pose_model": _installed("mediapipe"),
    }


def item_key(content_sha256: str, settings: dict[str, Any], assessment: dict[str, Any]) -> str:
    """24 hex digits (96 bits) naming one analysis; ``assessment`` holds the per-video inputs of
    the assessment (birth and due dates, observations, recording date)."""
    blob = json.dumps(
        {"content": content_sha256, "settings": settings, "assessment": assessment},
        sort_keys=True,
        default=str,
    )
    return hashlib.sha256(blob.encode()).hexdigest()[:24]


def _installed(package: str) -> str | None:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return None
