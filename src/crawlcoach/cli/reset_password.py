"""``crawlcoach reset-password USER``: a one-time link to choose a new password, for whoever runs
the server to pass on (no mail server needed)."""

from __future__ import annotations

import click

from crawlcoach.cli.export_family import open_database


@click.command("reset-password")
@click.argument("username")
def reset_password(username: str) -> None:
    """Print a one-time link with which USERNAME chooses a new password. It is built from
    CRAWLCOACH_SITE_URL, works once and for CRAWLCOACH_RESET_HOURS (24 by default); using it
    signs the account out everywhere else. Uses the same data dir and DATABASE_URL as
    `crawlcoach serve`."""
    open_database()
    from django.conf import settings
    from django.contrib.auth.models import User
    from django.utils import timezone

    from crawlcoach.web.families import reset

    user = User.objects.filter(username__iexact=username.strip()).first()
    if user is None or not user.is_active:
        raise click.ClickException(
            f"There is no account '{username}' on this server (check the spelling; the Family "
            "page lists each caregiver's username)."
        )
    until = timezone.localtime(reset.expires_at())
    click.echo(reset.link_for(user))
    click.echo(
        f"Send this link to {user.first_name or user.username}. It works once, until "
        f"{until:%Y-%m-%d %H:%M} ({settings.TIME_ZONE}), and is built from "
        f"CRAWLCOACH_SITE_URL={settings.SITE_URL}.",
        err=True,
    )
