"""The unit of work (one video with what is known about it) and what comes back for it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from crawlcoach.pipeline import AnalysisOptions

# Failures that say nothing about the video (a crashed worker, a bug): a rerun tries them again.
# Every other error (not a video, damaged, no baby found, ...) would come back the same.
RETRYABLE_ERRORS = frozenset({"analysis_crashed", "worker_crashed"})


@dataclass(frozen=True)
class WorkItem:
    """One video of the collection, in input order."""

    path: Path
    participant: str | None = None
    born: date | None = None
    due: date | None = None
    recorded_on: date | None = None
    observations: tuple[str, ...] = ()
    columns: dict[str, str] = field(default_factory=dict)  # manifest columns, carried along
    duration_s: float = 0.0  # from the probe; 0 when unknown (progress and throughput only)

    def assessment_inputs(self) -> dict[str, Any]:
        """What the assessment depends on besides the video (part of the key)."""
        return {
            "born": _iso(self.born),
            "due": _iso(self.due),
            "recorded_on": _iso(self.recorded_on),
            "observations": list(self.observations),
        }


@dataclass(frozen=True)
class Job:
    """What a worker needs to analyse one video: plain data, so it pickles to any process."""

    key: str
    path: str
    options: AnalysisOptions
    duration_s: float = 0.0


@dataclass(frozen=True)
class JobDone:
    """A finished job: the analysis contract (``error`` set when it failed) and who ran it."""

    job: Job
    analysis: dict[str, Any]
    worker: str  # host:pid


def _iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def is_final(analysis: dict[str, Any]) -> bool:
    """Whether a stored analysis stands (a rerun skips it) or is to be tried again."""
    error = analysis.get("error")
    return error is None or error.get("kind") not in RETRYABLE_ERRORS


@dataclass(frozen=True)
class ItemOutcome:
    """Where one work item stands at the end of a run."""

    item: WorkItem
    key: str | None  # None when the file could not be read at all (then it is not stored)
    content_sha256: str | None
    analysis: dict[str, Any]  # the contract, ``video.path`` being this item's path
    status: str  # "done" (analysed now), "failed" (now, with an error), "skipped" (earlier)
    worker: str | None = None
