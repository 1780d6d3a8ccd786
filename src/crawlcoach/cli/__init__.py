"""The ``crawlcoach`` command: a thin shell over the analysis core, one module per command."""

from __future__ import annotations

import errno
from typing import Any

import click

from crawlcoach import __version__
from crawlcoach.cli.analyze import analyze
from crawlcoach.cli.annotate import annotate
from crawlcoach.cli.assess import assess
from crawlcoach.cli.batch import batch
from crawlcoach.cli.export_family import export_family
from crawlcoach.cli.import_family import import_family
from crawlcoach.cli.report import report
from crawlcoach.cli.reset_password import reset_password
from crawlcoach.cli.serve import serve
from crawlcoach.cli.share import share
from crawlcoach.cli.worker import worker
from crawlcoach.errors import CrawlcoachError


class _Commands(click.Group):
    """The sub-commands, with a last line of defence: an error meant for a person (or one from
    the file system) that a command let through is printed as one line, never a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except CrawlcoachError as exc:
            raise click.ClickException(exc.message) from None
        except MemoryError:
            raise click.ClickException(
                "crawlcoach ran out of memory. Close other programs, or analyse a shorter or "
                "lower-resolution video (1080p is plenty)."
            ) from None
        except OSError as exc:
            if exc.errno == errno.EPIPE:  # output piped into `head`: click handles it quietly
                raise
            where = f"{exc.filename}: " if exc.filename else ""
            raise click.ClickException(f"{where}{exc.strerror or exc}") from None


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="crawlcoach")
def cli() -> None:
    """Understand how a baby crawls from an ordinary phone video."""


cli.add_command(analyze)
cli.add_command(annotate)
cli.add_command(assess)
cli.add_command(batch)
cli.add_command(serve)
cli.add_command(worker)
cli.add_command(export_family)
cli.add_command(import_family)
cli.add_command(report)
cli.add_command(reset_password)
cli.add_command(share)


def main() -> None:
    cli()
