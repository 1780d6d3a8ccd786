"""``crawlcoach export-family``: one family's data and videos in a zip, to keep or to move."""

from __future__ import annotations

from pathlib import Path

import click


def open_database() -> None:
    """Configure Django and bring the schema up to date (a fresh server has none yet)."""
    from django.core.management import call_command

    from crawlcoach.web import setup_django

    setup_django()
    call_command("migrate", interactive=False, verbosity=0)


@click.command("export-family")
@click.option("--family", "family_id", type=int, help="The family's id.")
@click.option("--user", "username", help="The user name of one of the family's caregivers.")
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
    help="The zip to write, e.g. family.zip.",
)  # fmt: skip
def export_family(family_id: int | None, username: str | None, output: Path) -> None:
    """Write a family's backup (its accounts, children, videos, analyses and journals) to a zip
    that `crawlcoach import-family` reads on this or another server. Copies made to share are
    left out. Uses the same data dir and DATABASE_URL as `crawlcoach serve`."""
    if (family_id is None) == (username is None):
        raise click.UsageError("Say which family: give --family ID or --user USERNAME (one).")
    open_database()
    from crawlcoach.web.families.backup import LEFT_OUT, BackupError, export_family, find_family

    try:
        summary = export_family(find_family(family_id, username), output)
    except BackupError as exc:
        raise click.ClickException(exc.message) from None
    click.echo(f"Exported {summary} to {output}.")
    if summary.shared_left_out:
        click.echo(LEFT_OUT)
