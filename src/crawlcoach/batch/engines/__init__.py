"""Where the jobs run: ``local`` (a process pool on this machine, the default) or ``ray`` (a Ray
cluster, started here or joined). Both run ``batch.task.analyze_job`` and hand back each
``JobDone`` as soon as it finishes, in completion order."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from types import TracebackType
from typing import Protocol, Self

from crawlcoach.batch.item import Job, JobDone
from crawlcoach.errors import CrawlcoachError

ENGINES = ("local", "ray")
DEFAULT_RETRIES = 2  # extra tries for a job whose worker process died under it


class Engine(Protocol):
    name: str
    workers: int  # jobs that can run at once

    def run(self, jobs: Sequence[Job]) -> Iterator[JobDone]: ...

    def __enter__(self) -> Self: ...

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...


def open_engine(
    name: str,
    *,
    workers: int | None = None,
    address: str | None = None,
    retries: int = DEFAULT_RETRIES,
) -> Engine:
    if name == "local":
        from crawlcoach.batch.engines.local_pool import LocalPool

        if address is not None:
            raise CrawlcoachError(
                "--address is for --engine ray (a Ray cluster); the local engine runs here.",
                kind="bad_engine_options",
            )
        return LocalPool(workers=workers, retries=retries)
    if name == "ray":
        from crawlcoach.batch.engines.ray_tasks import RayTasks

        return RayTasks(workers=workers, address=address, retries=retries)
    raise CrawlcoachError(
        f"Unknown engine {name!r}; choose one of: {', '.join(ENGINES)}.", kind="bad_engine_options"
    )


def crashed(job: Job, worker: str, why: str) -> JobDone:
    """The result of a job whose worker kept dying under it: recorded, and retried next run."""
    from crawlcoach import contract

    message = (
        f"{job.path}: the worker analysing this video stopped ({why}), also when tried again. "
        "It may need more memory than a worker has; the next run tries it again."
    )
    return JobDone(job, contract.failed_analysis(job.path, "worker_crashed", message, 0.0), worker)
