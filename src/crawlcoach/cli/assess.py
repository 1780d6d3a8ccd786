"""``crawlcoach assess``: judge a baby's movement against age norms and plan this week's play."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from crawlcoach.errors import CrawlcoachError
from crawlcoach.guidance import OBSERVATIONS, age_from_dates, parse_observations, render_text
from crawlcoach.guidance import assess as run_assessment
from crawlcoach.guidance.errors import GuidanceInputError


@click.command()
@click.option("--born", required=True, metavar="YYYY-MM-DD", help="The baby's birth date.")
@click.option(
    "--due",
    metavar="YYYY-MM-DD",
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
@click.option("--today", metavar="YYYY-MM-DD", help="Judge as of this date (default: today).")
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
def assess(
    born: str,
    due: str | None,
    reports: tuple[str, ...],
    analysis_files: tuple[Path, ...],
    today: str | None,
    fmt: str,
) -> None:
    """Judge a baby's movement against age norms, with reasons, sources and a play plan.

    Works from the age alone, from what you report, and from analyses of videos.
    """
    observations = [word for report in reports for word in report.split(",") if word.strip()]
    try:  # wrong dates or words are a usage problem (exit 2), like in `crawlcoach analyze`
        age_from_dates(born, due, today)
        parse_observations(observations)
    except CrawlcoachError as err:
        raise click.UsageError(err.message) from None
    try:
        analyses = [a for path in analysis_files for a in read_analyses(path)]
        assessment = run_assessment(
            born, due=due, today=today, analyses=analyses, observations=observations
        )
    except CrawlcoachError as err:
        raise click.ClickException(err.message) from None
    if fmt == "json":
        click.echo(json.dumps(assessment.as_contract(), indent=2, ensure_ascii=False))
    else:
        click.echo(render_text(assessment), nl=False)


def read_analyses(path: Path) -> list[dict[str, Any]]:
    """Analyses from a file: one JSON object, a JSON list of them, or JSON lines."""
    text = path.read_text(encoding="utf-8")
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        try:
            data = [json.loads(line) for line in text.splitlines() if line.strip()]
        except json.JSONDecodeError as err:
            raise GuidanceInputError(
                f"{path} is not JSON from 'crawlcoach analyze' (line {err.lineno}: {err.msg})."
            ) from err
    items = data if isinstance(data, list) else [data]
    if not items or not all(isinstance(item, dict) for item in items):
        raise GuidanceInputError(
            f"{path} should hold analysis objects from 'crawlcoach analyze --format json'."
        )
    return items
