"""``crawlcoach analyze``: what the baby does in each video, as text, JSON or JSON lines."""

from __future__ import annotations

import json
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any

import click

from crawlcoach.cli.progress import VideoProgress
from crawlcoach.pipeline import AnalysisOptions, analyze_videos
from crawlcoach.report.text import summarize
from crawlcoach.video import DEFAULT_ANALYSIS_FPS


@click.command()
@click.argument("videos", nargs=-1, required=True, type=click.Path(path_type=Path))
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
    type=click.FloatRange(min=1.0, max=60.0),
    default=DEFAULT_ANALYSIS_FPS,
    show_default=True,
    help="Analysis rate: frames per second looked at.",
)
@click.option("--born", type=str, help="The baby's birth date (YYYY-MM-DD): adds an assessment.")
@click.option("--due", type=str, help="The due date (YYYY-MM-DD), for a baby born early.")
@click.option(
    "--report",
    "observations",
    multiple=True,
    metavar="OBSERVATION",
    help="Something you noticed (repeatable); see `crawlcoach assess --help`.",
)
@click.option("--today", type=str, hidden=True, help="Pretend today is this date (for tests).")
@click.option(
    "--save-tracks",
    type=click.Path(file_okay=False, path_type=Path),
    help="Also save each pose track as DIR/<video name>.npz.",
)
def analyze(
    videos: tuple[Path, ...],
    fmt: str,
    fps: float,
    born: str | None,
    due: str | None,
    observations: tuple[str, ...],
    today: str | None,
    save_tracks: Path | None,
) -> None:
    """Analyse how the baby moves in each VIDEO.

    Exits with status 1 when any video could not be analysed (the others still are).
    """
    options = AnalysisOptions(
        fps=fps,
        born=_parse_date(born, "--born"),
        due=_parse_date(due, "--due"),
        observations=observations,
        today=_parse_date(today, "--today"),
    )
    _check_guidance_inputs(options)
    if save_tracks is not None:
        save_tracks.mkdir(parents=True, exist_ok=True)

    failed = 0
    collected: list[dict[str, Any]] = []
    with VideoProgress(len(videos)) as progress:
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


def _parse_date(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return datetime.strptime(value, "%Y-%m-%d").date()
    except ValueError:
        raise click.BadParameter(
            f"{value!r} is not a date; write it as YEAR-MONTH-DAY, for example 2026-03-14.",
            param_hint=option,
        ) from None


def _check_guidance_inputs(options: AnalysisOptions) -> None:
    """Reject impossible dates before spending minutes on video."""
    if options.born is None:
        if options.due is not None or options.observations:
            raise click.UsageError("--due and --report need --born (the baby's birth date).")
        return
    from crawlcoach.errors import CrawlcoachError
    from crawlcoach.guidance import age_from_dates, parse_observations

    try:
        age_from_dates(options.born, options.due, today=options.today or date.today())
        parse_observations(options.observations)
    except CrawlcoachError as exc:
        raise click.UsageError(exc.message) from None
