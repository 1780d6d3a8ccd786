"""``crawlcoach worker``: analyse uploaded videos in a process of its own."""

from __future__ import annotations

import click


@click.command()
@click.option(
    "--workers",
    default=1,
    show_default=True,
    type=click.IntRange(min=1),
    help="Videos analysed at the same time (each needs a CPU core and up to "
    "CRAWLCOACH_ANALYSIS_MEMORY_MB of memory).",
)
def worker(workers: int) -> None:
    """Run the analysis queue for a `crawlcoach serve --no-worker` (same data dir, DATABASE_URL
    and REDIS_URL)."""
    from crawlcoach.cli.serve import prepare_site

    prepare_site()
    from crawlcoach.web.videos.recovery import recover
    from crawlcoach.web.worker import run_standalone

    recover(runs_analyses=True, takes_uploads=False)
    click.echo("crawlcoach worker is waiting for videos. Press Ctrl-C to stop.")
    run_standalone(workers)
