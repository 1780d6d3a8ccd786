"""``crawlcoach report``: the report for the doctor as a PDF, from saved analyses."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import click

from crawlcoach.cli.analysis_files import NotAnAnalysis, read_analyses
from crawlcoach.cli.dates import DATE, check_age
from crawlcoach.errors import CrawlcoachError
from crawlcoach.guidance import age_from_dates
from crawlcoach.guidance import assess as run_assessment
from crawlcoach.guidance.errors import GuidanceInputError
from crawlcoach.pose.track import PoseTrack
from crawlcoach.report import pdf, stills


@click.command()
@click.argument(
    "analysis_files",
    nargs=-1,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    metavar="ANALYSES.jsonl...",
)
@click.option("--born", required=True, type=DATE, help="The baby's birth date.")
@click.option("--due", type=DATE, help="The due date, for a baby born early.")
@click.option("--name", default="your baby", show_default=True, help="The baby's name.")
@click.option("--today", type=DATE, help="Make the report as of this date (default: today).")
@click.option(
    "--tracks",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="The folder of pose tracks saved by 'analyze --save-tracks': the report then holds a "
    "still frame with the skeleton from each video's clearest bout.",
)
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where to write the PDF (a .pdf name in an existing folder).",
)
def report(
    analysis_files: tuple[Path, ...],
    born: date,
    due: date | None,
    name: str,
    today: date | None,
    tracks: Path | None,
    output: Path,
) -> None:
    """Write a PDF report for the doctor from analyses saved with 'crawlcoach analyze'.

    It holds the baby's ages, a table of the analysed videos, the guidance's reasons with their
    sources, still frames with the skeleton (with --tracks) and a plain statement that it is not
    a diagnosis. Milestones, practice minutes and
    notes are kept by the web app; its report holds them too.
    """
    today = today or date.today()
    check_age(born, due, today)
    if output.suffix.lower() != ".pdf":
        raise click.BadParameter("the report is a PDF: name it .pdf", param_hint="'-o'")
    if not output.parent.is_dir():
        raise click.BadParameter(
            f"the folder {output.parent} does not exist; create it first", param_hint="'-o'"
        )
    analyses = [a for path in analysis_files for a in _read(path)]
    usable = [a for a in analyses if not a.get("error")]
    try:
        assessment = run_assessment(born, due=due, today=today, analyses=usable).as_contract()
    except GuidanceInputError as err:
        raise click.BadParameter(err.message, param_hint="ANALYSES") from None
    except CrawlcoachError as err:
        raise click.ClickException(err.message) from None
    ages = age_from_dates(born, due, today)
    left_out = len(analyses) - len(usable)
    still_frames, missing = _stills(usable, tracks) if tracks else ([], 0)
    if tracks is None:
        stills_note = pdf.STILLS_NEED_TRACKS
    else:
        stills_note = pdf.STILLS_LEFT_OUT.format(count=missing) if missing else ""
    document = pdf.Report(
        child_name=name,
        born=born,
        due=due,
        made_on=today,
        age_text=_months(ages.age_months),
        corrected_age_text=(
            _months(ages.corrected_age_months) if ages.corrected_age_months is not None else None
        ),
        milestones=None,
        videos=[pdf.video_line(a, _recorded_on(a), _title(a)) for a in usable],
        stills=still_frames,
        stills_note=stills_note,
        verdict=assessment.get("verdict_text"),
        reasons=pdf.reason_lines(assessment),
        practice_weeks=None,
        extra_notes=(f"{left_out} video(s) could not be analysed and are left out.",)
        if left_out
        else (),
    )
    pdf.write_pdf(document, output)
    click.echo(f"Wrote {output} ({len(usable)} analysed video(s)).")


# Stills from this many of the latest videos (as the web app's report).
STILL_VIDEOS = 4


def _stills(analyses: list[dict[str, Any]], tracks: Path) -> tuple[list[pdf.Still], int]:
    """A still of each of the latest videos' clearest bout, drawn from the video (the path its
    analysis names) and its saved track; the count of videos that gave none."""
    latest = sorted(analyses, key=lambda a: _recorded_on(a) or date.min)[-STILL_VIDEOS:]
    found, missing = [], 0
    for analysis in latest:
        source = Path(str((analysis.get("video") or {}).get("path") or ""))
        moment = stills.clearest_moment(analysis)
        image = None
        if moment is not None and source.name:
            image = stills.still_frame(
                moment.at_s, source=source, track=_load_track(tracks / f"{source.stem}.npz")
            )
        if image is None or moment is None:
            missing += 1
            continue
        found.append(pdf.Still(_recorded_on(analysis), source.name, stills.caption(moment),
                               stills.jpeg(image)))  # fmt: skip
    return found, missing


def _load_track(path: Path) -> PoseTrack | None:
    try:
        return PoseTrack.load(path) if path.is_file() else None
    except (OSError, ValueError, KeyError):
        return None


def _read(path: Path) -> list[dict[str, Any]]:
    try:
        return read_analyses(path)
    except NotAnAnalysis as err:
        raise click.BadParameter(str(err), param_hint="ANALYSES") from None


def _months(months: float) -> str:
    return f"{months:.1f} months"


def _recorded_on(analysis: dict[str, Any]) -> date | None:
    try:
        return date.fromisoformat(str(analysis.get("recorded_on")))
    except ValueError:
        return None


def _title(analysis: dict[str, Any]) -> str:
    return Path(str((analysis.get("video") or {}).get("path") or "video")).name
