"""``crawlcoach assess``: judge a baby's movement against age norms and plan this week's play."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import click

from crawlcoach.cli.analysis_files import NotAnAnalysis, read_analyses
from crawlcoach.cli.dates import DATE, check_age
from crawlcoach.errors import CrawlcoachError
from crawlcoach.guidance import OBSERVATIONS, parse_observations, render_text
from crawlcoach.guidance import assess as run_assessment
from crawlcoach.guidance.errors import GuidanceInputError


@click.command()
@click.option("--born", required=True, type=DATE, help="The baby's birth date.")
@click.option(
    "--due",
    type=DATE,
    help="The due date, for a baby born early: milestones are then judged by corrected age.",
)
@click.option(
    "--report",
    "reports",
    multiple=True,
    metavar="OBSERVATION",
    help="Something you have noticed (repeat, or separate with commas). One of: "
    + ", ".join(OBSERVATIONS)
    + ".",
)
@click.option(
    "--analysis",
    "analysis_files",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    metavar="FILE.json",
    help="Output of 'crawlcoach analyze' (JSON or JSON lines); repeat for videos over time. "
    "A top-level 'recorded_on' date in each lets persistence over weeks be judged.",
)
@click.option("--today", type=DATE, help="Judge as of this date (default: today).")
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
def assess(
    born: date,
    due: date | None,
    reports: tuple[str, ...],
    analysis_files: tuple[Path, ...],
    today: date | None,
    fmt: str,
) -> None:
    """Judge a baby's movement against age norms, with reasons, sources and a play plan.

    Works from the age alone, from what you report, and from analyses of videos.
    """
    observations = [word for report in reports for word in report.split(",") if word.strip()]
    # Wrong dates, words or analysis files are a usage problem (exit 2), as in `analyze`.
    check_age(born, due, today)
    try:
        parse_observations(observations)
    except CrawlcoachError as err:
        raise click.UsageError(err.message) from None
    analyses = [a for path in analysis_files for a in _read(path)]
    try:
        assessment = run_assessment(
            born, due=due, today=today, analyses=analyses, observations=observations
        )
    except GuidanceInputError as err:  # a value in an analysis file outside the contract
        raise click.BadParameter(err.message, param_hint="'--analysis'") from None
    except CrawlcoachError as err:  # broken guidance content: not the user's doing
        raise click.ClickException(err.message) from None
    if fmt == "json":
        click.echo(json.dumps(assessment.as_contract(), indent=2, ensure_ascii=False))
    else:
        click.echo(render_text(assessment), nl=False)


def _read(path: Path) -> list[dict[str, Any]]:
    try:
        return read_analyses(path)
    except NotAnAnalysis as err:
        raise click.BadParameter(str(err), param_hint="'--analysis'") from None
