"""``crawlcoach share``: a copy of a video to send to a therapist, faces blurred or the skeleton
alone on a plain background."""

from __future__ import annotations

from pathlib import Path

import click

from crawlcoach.cli.outputs import check_output_file
from crawlcoach.errors import CrawlcoachError
from crawlcoach.pipeline import track_video
from crawlcoach.pose import PoseTrack, open_backend
from crawlcoach.report.private_copy import write_face_blurred, write_skeleton_only


@click.command()
@click.argument("video", type=click.Path(readable=False, path_type=Path))
@click.option("--blur-faces", "mode", flag_value="blur", help="Blur every face in the video.")
@click.option(
    "--skeleton-only",
    "mode",
    flag_value="skeleton",
    help="Draw only the tracked skeleton on a plain background: no pixels of the video.",
)
@click.option(
    "--track",
    "track_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="A pose track saved with 'analyze --save-tracks' for this video (saves tracking again).",
)
@click.option(
    "-o",
    "--output",
    "out",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where to write the copy (H.264 MP4, no sound): a .mp4 name.",
)
def share(video: Path, mode: str | None, track_file: Path | None, out: Path) -> None:
    """Write a copy of VIDEO that is safe to share: --blur-faces or --skeleton-only.

    The baby's head is blurred wherever the pose track places it, even from behind, and every
    face the face detector finds (anyone's) is blurred too. The copy has no sound. Nothing is
    sent anywhere: the file is written to OUTPUT on this machine.
    """
    if mode is None:
        raise click.UsageError("say which copy to make: --blur-faces or --skeleton-only")
    check_output_file(out, source=video, suffix=".mp4", what="shared copy", option="--output")
    try:
        track = _track(video, track_file)
        if mode == "skeleton":
            made = write_skeleton_only(track, out)
            click.echo(f"wrote {out} (skeleton only, {made.frames} frames)")
        else:
            made = write_face_blurred(video, out, track=track)
            click.echo(
                f"wrote {out} (faces blurred in {made.frames_with_blur} of {made.frames} frames)"
            )
    except CrawlcoachError as exc:
        raise click.ClickException(exc.message) from None
    except ValueError as exc:
        raise click.ClickException(str(exc)) from None


def _track(video: Path, track_file: Path | None) -> PoseTrack:
    if track_file is not None:
        try:
            return PoseTrack.load(track_file)
        except (ValueError, KeyError, OSError) as exc:
            raise click.BadParameter(
                f"{track_file} is not a pose track we can read ({exc}). Leave --track out to "
                "track the video again.",
                param_hint="'--track'",
            ) from None
    with open_backend() as backend:
        return track_video(video, backend).track
