"""The Ray engine: the same job function as a Ray task (one CPU each, retried when its worker
dies), on a Ray instance started here or on an existing cluster (``--address``).

Ray keeps its worker processes between tasks, so the pose model cached per process in
``batch.task`` is opened once per worker here too. Every node needs crawlcoach installed and the
videos (and the output folder's parent for ``--save-tracks``) at the same paths, on shared
storage: results travel back to this process, which alone writes the output folder."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator, Sequence
from types import TracebackType
from typing import Any, Self

from crawlcoach.batch.engines import DEFAULT_RETRIES, crashed
from crawlcoach.batch.engines.local_pool import default_workers
from crawlcoach.batch.item import Job, JobDone
from crawlcoach.batch.task import analyze_job
from crawlcoach.errors import CrawlcoachError

# Ray reports usage statistics unless told not to; nothing may leave the machine.
os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")

_WAIT_S = 0.5  # results are collected this often (and Ctrl-C stays responsive)


def _import_ray() -> Any:
    try:
        import ray
    except ImportError:
        raise CrawlcoachError(
            "--engine ray needs Ray: install it with pip install 'crawlcoach[ray]'.",
            kind="ray_missing",
        ) from None
    return ray


class RayTasks:
    name = "ray"

    def __init__(
        self,
        *,
        workers: int | None = None,
        address: str | None = None,
        retries: int = DEFAULT_RETRIES,
    ) -> None:
        self._ray = _import_ray()
        self.address = address
        self.retries = retries
        self._started_here = False
        self._requested_workers = workers
        self.workers = workers or default_workers()

    def __enter__(self) -> Self:
        ray = self._ray
        if not ray.is_initialized():
            if self.address is None:
                # A private instance for this run: no dashboard, nothing fetched, quiet.
                ray.init(
                    address="local",
                    num_cpus=self.workers,
                    include_dashboard=False,
                    log_to_driver=False,
                    logging_level=logging.WARNING,
                )
                self._started_here = True
            else:
                try:
                    ray.init(
                        address=self.address, log_to_driver=False, logging_level=logging.WARNING
                    )
                except (ConnectionError, RuntimeError, ValueError) as exc:
                    raise CrawlcoachError(
                        f"Could not connect to the Ray cluster at {self.address!r} ({exc}). Check "
                        "the address (ray://HOST:10001, or auto on a cluster node) and that the "
                        "cluster is running.",
                        kind="ray_unreachable",
                    ) from None
        if self.address is not None:
            self.workers = max(1, int(ray.cluster_resources().get("CPU", 1)))
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._started_here:
            self._ray.shutdown()
            self._started_here = False

    def run(self, jobs: Sequence[Job]) -> Iterator[JobDone]:
        ray = self._ray
        task = ray.remote(num_cpus=1, max_retries=self.retries)(analyze_job)
        pending = {task.remote(job): job for job in jobs}
        try:
            while pending:
                ready, _ = ray.wait(list(pending), num_returns=len(pending), timeout=_WAIT_S)
                for ref in ready:
                    job = pending.pop(ref)
                    try:
                        yield ray.get(ref)
                    except ray.exceptions.RayError as exc:  # the worker died on every try
                        yield crashed(job, "ray", type(exc).__name__)
        finally:
            for ref in pending:  # Ctrl-C or a kill: do not leave the cluster busy for nobody
                ray.cancel(ref, force=True)
