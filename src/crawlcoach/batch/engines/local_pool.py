"""The local engine: a process pool (forkserver: workers do not inherit the driver's threads or
open files), one pose model per worker process."""

from __future__ import annotations

import multiprocessing
import os
from collections import Counter
from collections.abc import Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from types import TracebackType
from typing import Self

from crawlcoach.batch.engines import DEFAULT_RETRIES, crashed
from crawlcoach.batch.item import Job, JobDone
from crawlcoach.batch.task import analyze_job, open_worker_backend

# Jobs handed to the pool ahead of the free workers. Small on purpose: when a worker dies the
# pool fails every job it holds, and each of those counts a try (one of them is the culprit).
_AHEAD = 1


def default_workers() -> int:
    """One worker per core this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


class LocalPool:
    name = "local"

    def __init__(self, *, workers: int | None = None, retries: int = DEFAULT_RETRIES) -> None:
        self.workers = max(1, workers or default_workers())
        self.retries = retries
        methods = multiprocessing.get_all_start_methods()
        self._context = multiprocessing.get_context(
            "forkserver" if "forkserver" in methods else "spawn"
        )

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        return None

    def run(self, jobs: Sequence[Job]) -> Iterator[JobDone]:
        queue = list(reversed(jobs))  # pop() takes them in input order
        tries: Counter[str] = Counter()
        while queue:
            # A pool per attempt: after a worker dies, ProcessPoolExecutor is unusable.
            pool = ProcessPoolExecutor(
                max_workers=min(self.workers, len(queue)),
                mp_context=self._context,
                initializer=open_worker_backend,
            )
            drained = False
            try:
                yield from self._drain(pool, queue, tries)
                drained = True
            finally:
                # After Ctrl-C (or a broken pool): drop what has not started, do not wait.
                pool.shutdown(wait=drained and not queue, cancel_futures=True)

    def _drain(
        self, pool: ProcessPoolExecutor, queue: list[Job], tries: Counter[str]
    ) -> Iterator[JobDone]:
        running: dict[Future[JobDone], Job] = {}
        while queue or running:
            while queue and len(running) < self.workers + _AHEAD:
                job = queue.pop()
                running[pool.submit(analyze_job, job)] = job
            done, _ = wait(running, return_when=FIRST_COMPLETED)
            broken: list[Job] = []
            for future in done:
                job = running.pop(future)
                try:
                    yield future.result()
                except BrokenProcessPool:
                    broken.append(job)
            if broken:
                broken.extend(running.values())  # the pool fails all it holds at once
                for job in broken:
                    tries[job.key] += 1
                    if tries[job.key] > self.retries:
                        yield crashed(job, "local", "its process ended abruptly")
                    else:
                        queue.append(job)
                return
