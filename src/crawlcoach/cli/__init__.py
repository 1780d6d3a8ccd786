"""The ``crawlcoach`` command: a thin shell over the analysis core, one module per command."""

from __future__ import annotations

import click

from crawlcoach import __version__
from crawlcoach.cli.analyze import analyze
from crawlcoach.cli.annotate import annotate
from crawlcoach.cli.assess import assess
from crawlcoach.cli.batch import batch
from crawlcoach.cli.serve import serve
from crawlcoach.cli.worker import worker


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="crawlcoach")
def cli() -> None:
    """Understand how a baby crawls from an ordinary phone video."""


cli.add_command(analyze)
cli.add_command(annotate)
cli.add_command(assess)
cli.add_command(batch)
cli.add_command(serve)
cli.add_command(worker)


def main() -> None:
    cli()
