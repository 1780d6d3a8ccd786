"""``crawlcoach assess``: placeholder until the guidance (issue 4) lands."""

from __future__ import annotations

import click


@click.command()
def assess() -> None:
    """Judge a baby's movement against age norms (not available yet)."""
    raise click.ClickException("assess is not available yet")
