"""One batch run: collect the work, skip what the output folder already holds, analyse the rest
on the chosen engine as results come in, then rebuild every output from the stored results."""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from crawlcoach import contract
from crawlcoach.batch.engines import DEFAULT_RETRIES, open_engine
from crawlcoach.batch.filecache import FileCache
from crawlcoach.batch.inputs import collect
from crawlcoach.batch.item import ItemOutcome, Job, JobDone, WorkItem, is_final
from crawlcoach.batch.keys import analysis_settings, item_key
from crawlcoach.batch.outputs import (
    TRACKS_DIR,
    file_stem,
    write_analyses,
    write_exports,
    write_summary,
    write_tables,
)
from crawlcoach.batch.progress import DEFAULT_LOG_EVERY_S, BatchProgress
from crawlcoach.batch.store import ResultStore, hold_folder
from crawlcoach.batch.summary import Summary, failures_of
from crawlcoach.errors import CrawlcoachError
from crawlcoach.pipeline import DEFAULT_MAX_SIDE, AnalysisOptions
from crawlcoach.video import DEFAULT_ANALYSIS_FPS, VideoError
from crawlcoach.video.opening import check_path

POSE_BACKEND = "blazepose"
FILE_FACTS = "state/files.jsonl"


@dataclass(frozen=True)
class BatchSettings:
    fps: float = DEFAULT_ANALYSIS_FPS
    max_side: int | None = DEFAULT_MAX_SIDE
    engine: str = "local"
    workers: int | None = None  # None: one per core (local), the cluster's CPUs (Ray)
    address: str | None = None  # Ray cluster to join; None starts one here
    retries: int = DEFAULT_RETRIES  # extra tries when a worker process dies
    save_tracks: bool = False  # also keep each pose track as tracks/<name>.npz
    retry_failed: bool = False  # analyse again videos that failed in an earlier run
    exports: bool = True  # ELAN and BORIS files
    today: date | None = None  # the assessment's "today" for rows without recorded_on
    log_every_s: float = DEFAULT_LOG_EVERY_S


def run_batch(
    inputs: Sequence[Path],
    out_dir: Path,
    settings: BatchSettings | None = None,
    *,
    progress_stream: TextIO | None = None,
) -> Summary:
    """Raises ``CrawlcoachError`` for unusable inputs (a bad manifest, an unknown engine) before
    any video is analysed; a video that cannot be analysed is recorded, never raised."""
    settings = settings or BatchSettings()
    if out_dir.exists() and not out_dir.is_dir():
        raise CrawlcoachError(
            f"{out_dir} is a file; give a folder for the results.", kind="bad_out"
        )
    out_dir.mkdir(parents=True, exist_ok=True)
    with hold_folder(out_dir):
        return _run(inputs, out_dir, settings, progress_stream)


def _run(
    inputs: Sequence[Path], out_dir: Path, settings: BatchSettings, progress_stream: TextIO | None
) -> Summary:
    started = time.monotonic()
    cache = FileCache(out_dir / FILE_FACTS)
    collection = collect(inputs, cache, exclude=[out_dir])
    store = ResultStore(out_dir)
    store.sweep()
    plan = _Plan(settings, out_dir, store, cache)
    for index, item in enumerate(collection.items):
        plan.add(index, item)

    progress = BatchProgress(
        len(plan.jobs),
        sum(job.duration_s for job in plan.jobs.values()),
        stream=progress_stream,
        log_every_s=settings.log_every_s,
    )
    analysis_started = time.monotonic()
    workers = 0
    try:
        if plan.jobs:
            engine = open_engine(
                settings.engine,
                workers=settings.workers,
                address=settings.address,
                retries=settings.retries,
            )
            with engine:
                workers = engine.workers
                progress.start(engine.name, engine.workers)
                analysis_started = time.monotonic()
                for done in engine.run(list(plan.jobs.values())):
                    plan.finish(done)
                    progress.advance(_seconds(done))
    finally:
        analysis_wall_s = time.monotonic() - analysis_started if plan.jobs else 0.0
        progress.finish()
        # Also after Ctrl-C: the tables show everything finished so far.
        outcomes = [o for o in plan.outcomes if o is not None]
        write_analyses(outcomes, out_dir)
        tables = write_tables(outcomes, out_dir)
        if settings.exports:
            write_exports(outcomes, out_dir)
        summary = Summary(
            videos=len(collection.items),
            done=sum(o.status == "done" for o in outcomes),
            failed=sum(o.status == "failed" for o in outcomes),
            skipped=sum(o.status == "skipped" for o in outcomes),
            not_a_video=len(collection.not_videos),
            video_seconds=_seconds_tried(outcomes),
            wall_s=time.monotonic() - started,
            analysis_wall_s=analysis_wall_s,
            engine=settings.engine,
            workers=workers,
            failures=failures_of(outcomes),
            tables=tables,
        )
        write_summary(summary, out_dir)
    return summary


@contextmanager
def _ctrl_c_deferred() -> Iterator[None]:
    """Ctrl-C pressed inside the block takes effect when the block ends (main thread only:
    Python runs signal handlers there)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    pressed: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda signum, _frame: pressed.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if pressed:
        if callable(previous):
            previous(signal.SIGINT, None)
        elif previous != signal.SIG_IGN:
            raise KeyboardInterrupt


class _Plan:
    """Which item needs which job; items sharing a key (copies of one video) share a job."""

    def __init__(
        self, settings: BatchSettings, out_dir: Path, store: ResultStore, cache: FileCache
    ):
        self.settings = settings
        self.out_dir = out_dir
        self.store = store
        self.cache = cache
        self.analysis_settings = analysis_settings(settings.fps, settings.max_side, POSE_BACKEND)
        self.outcomes: list[ItemOutcome | None] = []
        self.jobs: dict[str, Job] = {}
        self._waiting: dict[str, list[tuple[int, WorkItem, str]]] = {}

    def add(self, index: int, item: WorkItem) -> None:
        self.outcomes.append(None)
        try:
            check_path(item.path)
            sha = self.cache.sha256(item.path)
        except (VideoError, OSError) as exc:
            # Missing, a folder, unreadable: nothing to key it by, so it is reported, not stored.
            message = exc.message if isinstance(exc, VideoError) else f"{item.path}: {exc}"
            kind = exc.kind if isinstance(exc, VideoError) else "unreadable"
            failed = contract.failed_analysis(str(item.path), kind, message, 0.0)
            self.outcomes[index] = ItemOutcome(item, None, None, _for_item(failed, item), "failed")
            return
        key = item_key(sha, self.analysis_settings, item.assessment_inputs())
        record = self.store.get(key)
        if record is not None and self._stands(record, item, key):
            analysis = _for_item(record["analysis"], item, key, sha)
            self.outcomes[index] = ItemOutcome(
                item, key, sha, analysis, "skipped", record.get("worker")
            )
            return
        self._waiting.setdefault(key, []).append((index, item, sha))
        if key not in self.jobs:
            self.jobs[key] = Job(key, str(item.path), self._options(item, key), item.duration_s)

    def finish(self, done: JobDone) -> None:
        key = done.job.key
        # A Ctrl-C between storing the result and recording it would leave a stored result out
        # of the tables written on the way out: it waits until both are done.
        with _ctrl_c_deferred():
            waiting = self._waiting.pop(key, [])
            sha = waiting[0][2] if waiting else None
            self.store.put(
                key,
                {
                    "content_sha256": sha,
                    "settings": self.analysis_settings,
                    "assessment_inputs": waiting[0][1].assessment_inputs() if waiting else None,
                    "path": done.job.path,
                    "worker": done.worker,
                    "analysis": done.analysis,
                },
            )
            status = "failed" if done.analysis.get("error") else "done"
            for index, item, item_sha in waiting:
                analysis = _for_item(done.analysis, item, key, item_sha)
                self.outcomes[index] = ItemOutcome(
                    item, key, item_sha, analysis, status, done.worker
                )

    def _stands(self, record: dict[str, Any], item: WorkItem, key: str) -> bool:
        analysis = record.get("analysis") or {}
        if contract.check(analysis) or not is_final(analysis):
            return False
        if self.settings.retry_failed and analysis.get("error"):
            return False
        track = self._track_path(item, key)
        return track is None or analysis.get("error") is not None or track.exists()

    def _options(self, item: WorkItem, key: str) -> AnalysisOptions:
        options = AnalysisOptions(
            fps=self.settings.fps,
            max_side=self.settings.max_side,
            born=item.born,
            due=item.due,
            observations=item.observations,
            today=item.recorded_on or self.settings.today,
        )
        track = self._track_path(item, key)
        if track is not None:
            track.parent.mkdir(parents=True, exist_ok=True)
            options = replace(options, save_track_to=track)
        return options

    def _track_path(self, item: WorkItem, key: str) -> Path | None:
        if not self.settings.save_tracks:
            return None
        return self.out_dir / TRACKS_DIR / f"{file_stem(item.path, key)}.npz"


def _for_item(
    analysis: dict[str, Any], item: WorkItem, key: str | None = None, sha: str | None = None
) -> dict[str, Any]:
    """The contract as this item shows it: its own path (copies share one stored analysis), its
    recording date (read by ``crawlcoach assess``) and where it came from in the batch."""
    shown = {**analysis, "video": {**analysis["video"], "path": str(item.path)}}
    if item.recorded_on is not None:
        shown["recorded_on"] = item.recorded_on.isoformat()
    shown["batch"] = {
        "key": key,
        "content_sha256": sha,
        "participant": item.participant,
        "columns": item.columns,
    }
    return shown


def _seconds(done: JobDone) -> float:
    return done.analysis["video"].get("duration_s") or done.job.duration_s


def _seconds_tried(outcomes: Sequence[ItemOutcome]) -> float:
    """Video length tried in this run, each analysis once (copies of a video share one)."""
    tried = {o.key or str(o.item.path): o for o in outcomes if o.status != "skipped"}
    return sum(o.analysis["video"].get("duration_s") or o.item.duration_s for o in tried.values())
