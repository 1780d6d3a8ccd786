"""The Huey consumer that runs analyses: inside ``crawlcoach serve`` or as ``crawlcoach worker``."""

from __future__ import annotations

from typing import Any

from huey.consumer import Consumer


class EmbeddedConsumer(Consumer):
    """A consumer whose threads run beside the web server, which keeps the process's signals."""

    def _set_signal_handlers(self) -> None:
        pass


def task_queue() -> Any:
    from huey.contrib.djhuey import HUEY

    return HUEY


def start_embedded(workers: int = 1) -> EmbeddedConsumer:
    consumer = EmbeddedConsumer(task_queue(), workers=workers, worker_type="thread", periodic=False)
    consumer.start()
    return consumer


def run_standalone(workers: int = 1) -> None:
    """Block, running tasks until interrupted (Ctrl-C or SIGTERM)."""
    task_queue().create_consumer(workers=workers, worker_type="thread", periodic=False).run()
