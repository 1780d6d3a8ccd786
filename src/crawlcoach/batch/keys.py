"""What identifies an analysis: the video's bytes plus every setting that changes the result.

Two runs with the same key would produce the same analysis, so a rerun skips it; a changed
setting, a new crawlcoach or pose-model version, a changed analysis parameter or packaged model
(``analysis_fingerprint``), or an edited video gets a new key."""

from __future__ import annotations

import dataclasses
import hashlib
import json
from functools import lru_cache
from importlib import metadata, resources
from pathlib import Path
from typing import Any

from crawlcoach import __version__, contract
from crawlcoach.motion.direction_model import MODEL_FILE as DIRECTION_MODEL_FILE
from crawlcoach.parameters import AnalysisParams
from crawlcoach.pose.people import weights_digest

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
        "analysis": analysis_fingerprint(),
    }


def analysis_fingerprint(params: AnalysisParams | None = None) -> str:
    """16 hex digits that change whenever the analysis this code runs would: every parameter's
    value (``params``, the product's by default) and the packaged models' bytes. The package
    version alone is not enough: it does not change with each improvement of the analysis."""
    values = dataclasses.asdict(params or AnalysisParams())
    digest = hashlib.sha256(json.dumps(values, sort_keys=True, default=repr).encode())
    digest.update(_models_digest().encode())
    return digest.hexdigest()[:16]


@lru_cache(maxsize=1)
def _models_digest() -> str:
    """The packaged models (the direction layer, the person finder's 10 MB), hashed once."""
    direction = resources.files("crawlcoach.motion.models").joinpath(DIRECTION_MODEL_FILE)
    return hashlib.sha256(direction.read_bytes() + weights_digest().encode()).hexdigest()


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
