"""The Huey consumer that runs analyses: inside ``crawlcoach serve`` or as ``crawlcoach worker``.

Each consumer thread hands its video to a child process (``videos.child_runner``), so the
threads themselves stay small and a crash or a memory blow-up stays in the child.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from huey.consumer import Consumer


class EmbeddedConsumer(Consumer):
    """A consumer whose threads run beside the web server, which keeps the process's signals."""

    def _set_signal_handlers(self) -> None:
        pass


def task_queue() -> Any:
    from huey.contrib.djhuey import HUEY

    return HUEY


def consumer_options(workers: int) -> dict[str, Any]:
    """Huey backs off up to 10 s between looks at an empty SQLite queue by default, which kept a
    new upload waiting about 8 s on an idle server; a short cap starts it within a second
    (Redis is read with a blocking pop and needs no polling)."""
    return {
        "workers": workers,
        "worker_type": "thread",
        "periodic": False,
        "initial_delay": 0.05,
        "backoff": 1.5,
        "max_delay": settings.QUEUE_POLL_MAX_S,
    }


def start_embedded(workers: int = 1) -> EmbeddedConsumer:
    from crawlcoach.web.videos.recovery import StaleWatch

    consumer = EmbeddedConsumer(task_queue(), **consumer_options(workers))
    consumer.start()
    StaleWatch().start()
    return consumer


def run_standalone(workers: int = 1) -> None:
    """Block, running tasks until interrupted (Ctrl-C or SIGTERM)."""
    from crawlcoach.web.videos.recovery import StaleWatch

    StaleWatch().start()
    task_queue().create_consumer(**consumer_options(workers)).run()
