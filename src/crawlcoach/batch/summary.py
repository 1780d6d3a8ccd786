"""What a run did, in numbers (``summary.json``) and in a few lines for the terminal."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from crawlcoach.batch.item import ItemOutcome


@dataclass(frozen=True)
class Failure:
    path: str
    kind: str
    message: str
    this_run: bool  # False: failed in an earlier run and kept (the same error would come back)


@dataclass(frozen=True)
class Summary:
    videos: int  # work items (files named, found in folders or listed in manifests)
    done: int  # analysed in this run
    failed: int  # tried in this run and could not be analysed
    skipped: int  # analysed in an earlier run with the same key (ok or failed)
    not_a_video: int  # files in the folders that are not videos (left out)
    video_seconds: float  # length of the videos analysed in this run (done and failed)
    wall_s: float  # this run, from start to the last table written
    analysis_wall_s: float  # the analysis phase alone (engine start to last result)
    engine: str
    workers: int
    failures: list[Failure] = field(default_factory=list)  # every video of the collection
    tables: dict[str, int] = field(default_factory=dict)  # rows written per table

    @property
    def throughput(self) -> float:
        """Video-seconds analysed per wall-clock second of the analysis phase."""
        return self.video_seconds / self.analysis_wall_s if self.analysis_wall_s > 0 else 0.0

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["throughput_video_s_per_s"] = round(self.throughput, 3)
        data["video_seconds"] = round(self.video_seconds, 3)
        data["wall_s"] = round(self.wall_s, 3)
        data["analysis_wall_s"] = round(self.analysis_wall_s, 3)
        return data

    def text(self, out_dir: Path) -> str:
        lines = [
            f"{self.videos} video(s): {self.done} analysed, {self.failed} failed, "
            f"{self.skipped} already done"
            + (
                f"; {self.not_a_video} other file(s) in the folders left out"
                if self.not_a_video
                else ""
            ),
        ]
        if self.done or self.failed:
            lines.append(
                f"{self.video_seconds:.0f} s of video in {self.analysis_wall_s:.0f} s on "
                f"{self.workers} {self.engine} worker(s): {self.throughput:.1f} video-s/s"
            )
        earlier = [f for f in self.failures if not f.this_run]
        for failure in self.failures:
            if failure.this_run:
                lines.append(f"  could not analyse: {failure.message}")
        if earlier:
            lines.append(f"  {len(earlier)} video(s) failed in an earlier run (see summary.json)")
        lines.append(f"Results in {out_dir}/ (videos, bouts, limbs as .parquet and .csv).")
        return "\n".join(lines)


def failures_of(outcomes: Sequence[ItemOutcome]) -> list[Failure]:
    failures = []
    for o in outcomes:
        error = o.analysis.get("error")
        if error:
            failures.append(
                Failure(str(o.item.path), error["kind"], error["message"], o.status != "skipped")
            )
    return failures
