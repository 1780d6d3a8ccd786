"""``crawlcoach batch``: analyse a whole collection of videos into tables and annotation files."""

from __future__ import annotations

import sys
from datetime import date, datetime
from pathlib import Path

import click

from crawlcoach.pipeline import DEFAULT_MAX_SIDE
from crawlcoach.video import DEFAULT_ANALYSIS_FPS


@click.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--out",
    "out_dir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for the results (created; a rerun with the same folder resumes).",
)
@click.option(
    "--engine",
    type=click.Choice(["local", "ray"]),
    default="local",
    show_default=True,
    help="local: a process pool on this machine; ray: a Ray cluster (started here, or --address).",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    help="Videos analysed at once (default: one per CPU core; with --address, the cluster's).",
)
@click.option(
    "--address",
    help="Ray cluster to join (--engine ray): ray://HOST:10001, or auto on a cluster node.",
)
@click.option(
    "--retries",
    type=click.IntRange(min=0),
    default=2,
    show_default=True,
    help="Extra tries for a video whose worker process died (out of memory, a crash).",
)
@click.option(
    "--fps",
    type=click.FloatRange(min=1.0, max=60.0),
    default=DEFAULT_ANALYSIS_FPS,
    show_default=True,
    help="Analysis rate: frames per second looked at.",
)
@click.option(
    "--max-side",
    type=click.IntRange(min=64),
    default=DEFAULT_MAX_SIDE,
    show_default=True,
    help="Frames are shrunk to this longer side (pixels) before pose estimation.",
)
@click.option("--save-tracks", is_flag=True, help="Also keep each pose track in OUT/tracks/.")
@click.option(
    "--retry-failed", is_flag=True, help="Analyse again the videos that failed in earlier runs."
)
@click.option(
    "--no-exports", is_flag=True, help="Skip the ELAN (.eaf) and BORIS (.csv) files per video."
)
@click.option(
    "--log-every",
    type=click.FloatRange(min=1.0),
    default=30.0,
    show_default=True,
    help="Seconds between progress lines when stderr is not a terminal.",
)
@click.option("--today", type=str, hidden=True, help="Pretend today is this date (for tests).")
def batch(
    inputs: tuple[Path, ...],
    out_dir: Path,
    engine: str,
    workers: int | None,
    address: str | None,
    retries: int,
    fps: float,
    max_side: int,
    save_tracks: bool,
    retry_failed: bool,
    no_exports: bool,
    log_every: float,
    today: str | None,
) -> None:
    """Analyse every video in INPUT... into tables for statistics software.

    INPUT is a video file, a folder (searched recursively; files are recognised by content) or a
    CSV manifest with a 'path' column and optional 'participant', 'born', 'due', 'recorded_on'
    and 'observations' columns (others are carried into the tables). A rerun with the same --out
    skips the videos already analysed with the same settings. See docs/batch.md.

    Exits with status 1 when any video could not be analysed (the others still are).
    """
    from crawlcoach.errors import CrawlcoachError

    if address is not None and engine != "ray":
        raise click.UsageError("--address is for --engine ray (a Ray cluster to join).")
    try:
        from crawlcoach.batch import BatchSettings, run_batch
    except ImportError as exc:
        raise click.ClickException(
            f"crawlcoach batch needs {exc.name}: install it with pip install 'crawlcoach[batch]'."
        ) from None
    settings = BatchSettings(
        fps=fps,
        max_side=max_side,
        engine=engine,
        workers=workers,
        address=address,
        retries=retries,
        save_tracks=save_tracks,
        retry_failed=retry_failed,
        exports=not no_exports,
        today=_parse_date(today),
        log_every_s=log_every,
    )
    from crawlcoach.batch.manifest import ManifestError

    try:
        summary = run_batch(list(inputs), out_dir, settings)
    except ManifestError as exc:  # what the user typed is wrong: usage (exit 2)
        raise click.UsageError(exc.message) from None
    except CrawlcoachError as exc:
        raise click.ClickException(exc.message) from None
    except KeyboardInterrupt:
        click.echo(
            f"\nStopped. What was finished is in {out_dir}/; run the same command again to "
            "continue where it stopped.",
            err=True,
        )
        sys.exit(130)
    click.echo(summary.text(out_dir))
    if summary.failures:
        sys.exit(1)


def _parse_date(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return datetime.strptime(value, "%Y-%m-%d").date()
    except ValueError:
        raise click.BadParameter("write it as YEAR-MONTH-DAY.", param_hint="--today") from None
