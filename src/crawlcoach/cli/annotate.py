"""``crawlcoach annotate``: the video with the skeleton drawn over the baby."""

from __future__ import annotations

from pathlib import Path

import click

from crawlcoach.cli.outputs import check_output_file
from crawlcoach.cli.rates import ANALYSIS_RATE
from crawlcoach.errors import CrawlcoachError
from crawlcoach.pipeline import track_video
from crawlcoach.pose import open_backend
from crawlcoach.report.annotated_video import write_annotated_video
from crawlcoach.video import DEFAULT_ANALYSIS_FPS


@click.command()
@click.argument("video", type=click.Path(readable=False, path_type=Path))
@click.option(
    "-o",
    "--output",
    "out",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where to write the annotated video (H.264 MP4, plays in browsers): a .mp4 name.",
)
@click.option(
    "--fps",
    type=ANALYSIS_RATE,
    default=DEFAULT_ANALYSIS_FPS,
    show_default=True,
    help="Frames per second tracked and written.",
)
def annotate(video: Path, out: Path, fps: float) -> None:
    """Write VIDEO with the tracked skeleton drawn over the baby to OUTPUT."""
    check_output_file(out, source=video, suffix=".mp4", what="skeleton video", option="--output")
    try:
        with open_backend() as backend:
            track = track_video(video, backend, fps=fps).track
        write_annotated_video(video, track, out, fps=fps)
    except CrawlcoachError as exc:
        raise click.ClickException(exc.message) from None
    click.echo(f"wrote {out} (baby found in {track.coverage:.0%} of frames)")
