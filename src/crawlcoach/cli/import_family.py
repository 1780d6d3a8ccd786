"""``crawlcoach import-family``: a family's backup made into a new family on this server."""

from __future__ import annotations

from pathlib import Path

import click

from crawlcoach.cli.export_family import open_database


@click.command("import-family")
@click.argument("backup", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def import_family(backup: Path) -> None:
    """Import a zip made by `crawlcoach export-family` as a new family (its caregivers log in
    with their old passwords). Refuses, importing nothing, when its user names or videos are
    already here; never changes another family."""
    open_database()
    from crawlcoach.web.families.backup import BackupError, import_family

    try:
        _, summary = import_family(backup)
    except BackupError as exc:
        raise click.ClickException(exc.message) from None
    click.echo(f"Imported {summary}.")
