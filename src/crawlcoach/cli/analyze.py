"""``crawlcoach analyze``: what the baby does in each video, as text, JSON or JSON lines."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

import click

from crawlcoach.cli.dates import DATE, check_age
from crawlcoach.cli.outputs import prepare_folder
from crawlcoach.cli.progress import LOG_INTERVAL_S, VideoProgress
from crawlcoach.cli.rates import ANALYSIS_RATE, SECONDS_BETWEEN_LINES
from crawlcoach.pipeline import AnalysisOptions, analyze_videos
from crawlcoach.report.text import summarize
from crawlcoach.video import DEFAULT_ANALYSIS_FPS


@click.command()
# Paths are not checked here: a missing or unreadable video is that video's error, not the run's.
@click.argument("videos", nargs=-1, required=True, type=click.Path(readable=False, path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "jsonl"]),
    default="text",
    show_default=True,
    help="text: a short summary; json: one object (a list for several videos); "
    "jsonl: one object per line, in input order.",
)
@click.option(
    "--fps",
    type=ANALYSIS_RATE,
    default=DEFAULT_ANALYSIS_FPS,
    show_default=True,
    help="Analysis rate: frames per second looked at.",
)
@click.option("--born", type=DATE, help="The baby's birth date: adds an assessment.")
@click.option("--due", type=DATE, help="The due date, for a baby born early.")
@click.option(
    "--report",
    "observations",
    multiple=True,
    metavar="OBSERVATION",
    help="Something you noticed (repeatable); see `crawlcoach assess --help`.",
)
@click.option("--today", type=DATE, hidden=True, help="Pretend today is this date (for tests).")
@click.option(
    "--progress-every",
    type=SECONDS_BETWEEN_LINES,
    default=LOG_INTERVAL_S,
    hidden=True,
    help="Seconds between progress lines when stderr is not a terminal.",
)
@click.option(
    "--save-tracks",
    type=click.Path(file_okay=False, path_type=Path),
    help="Also save each pose track as DIR/<video name>.npz.",
)
def analyze(
    videos: tuple[Path, ...],
    fmt: str,
    fps: float,
    born: date | None,
    due: date | None,
    observations: tuple[str, ...],
    today: date | None,
    progress_every: float,
    save_tracks: Path | None,
) -> None:
    """Analyse how the baby moves in each VIDEO.

    Exits with status 1 when any video could not be analysed (the others still are).
    """
    options = AnalysisOptions(fps=fps, born=born, due=due, observations=observations, today=today)
    _check_guidance_inputs(options)
    if save_tracks is not None:
        prepare_folder(save_tracks, "--save-tracks")

    failed = 0
    collected: list[dict[str, Any]] = []
    with VideoProgress(videos, log_every_s=progress_every) as progress:
        for i, result in enumerate(
            analyze_videos(videos, options=options, progress=progress.update, track_dir=save_tracks)
        ):
            progress.done(i)
            failed += result["error"] is not None
            if fmt == "jsonl":
                click.echo(json.dumps(result))
            elif fmt == "json":
                collected.append(result)
            else:
                click.echo(summarize(result))
    if fmt == "json":
        click.echo(json.dumps(collected[0] if len(collected) == 1 else collected, indent=2))
    if failed:
        if fmt == "text" or not sys.stdout.isatty():
            click.echo(f"{failed} of {len(videos)} video(s) could not be analysed.", err=True)
        sys.exit(1)


def _check_guidance_inputs(options: AnalysisOptions) -> None:
    """Reject impossible dates before spending minutes on video."""
    if options.born is None:
        if options.due is not None or options.observations:
            raise click.UsageError("--due and --report need --born (the baby's birth date).")
        return
    from crawlcoach.errors import CrawlcoachError
    from crawlcoach.guidance import parse_observations

    check_age(options.born, options.due, options.today)
    try:
        parse_observations(options.observations)
    except CrawlcoachError as exc:
        raise click.UsageError(exc.message) from None
