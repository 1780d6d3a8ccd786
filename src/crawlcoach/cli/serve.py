"""``crawlcoach serve``: the family web app, with its analysis queue in the same process (each
analysis itself runs in a child process of its own)."""

from __future__ import annotations

import socket

import click


def _lan_address() -> str | None:
    """The address phones on the same network may reach this machine at, from the host's own
    name records (nothing is sent on the network)."""
    try:
        infos = socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)
    except OSError:
        return None
    for *_, sockaddr in infos:
        address = str(sockaddr[0])
        if not address.startswith("127."):
            return address
    return None


def prepare_site() -> None:
    """Configure Django, bring the database schema up to date and gather the static files."""
    import os

    from django.core.management import call_command

    from crawlcoach.web import setup_django

    os.environ["CRAWLCOACH_STATIC_COLLECTED"] = "1"  # serve the gzipped copies made below
    setup_django()
    from crawlcoach.web.deploy_checks import dangerous_settings

    problems = dangerous_settings()
    if problems:
        raise click.ClickException(
            "CRAWLCOACH_HTTPS is on, but these settings would leave the site open to others; "
            "fix them and start again (docs/web.md, 'On the internet'):\n  " + "\n  ".join(problems)
        )
    call_command("migrate", interactive=False, verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)


@click.command()
@click.option(
    "--host",
    default="0.0.0.0",
    show_default=True,
    envvar="CRAWLCOACH_HOST",
    help="Address to listen on (0.0.0.0: reachable from phones on your network).",
)
@click.option(
    "--port",
    default=8000,
    show_default=True,
    envvar="CRAWLCOACH_PORT",
    type=click.IntRange(1, 65535),
)
@click.option(
    "--threads",
    default=8,
    show_default=True,
    type=click.IntRange(min=1),
    help="Web server threads.",
)
@click.option(
    "--workers",
    default=1,
    show_default=True,
    type=click.IntRange(min=1),
    help="Videos analysed at the same time (each needs a CPU core and up to "
    "CRAWLCOACH_ANALYSIS_MEMORY_MB of memory).",
)
@click.option(
    "--no-worker",
    is_flag=True,
    help="Do not analyse in this process (run `crawlcoach worker` beside it).",
)
def serve(host: str, port: int, threads: int, workers: int, no_worker: bool) -> None:
    """Run the family web app (data in $CRAWLCOACH_DATA_DIR, default ./var)."""  # fmt: skip
    import os

    import waitress
    from django.conf import settings

    shown = "localhost" if host in ("0.0.0.0", "::", "127.0.0.1") else host
    lan = _lan_address() if host in ("0.0.0.0", "::") else None
    # Invitation links use the address a phone can open, unless CRAWLCOACH_SITE_URL says better.
    os.environ.setdefault("CRAWLCOACH_SITE_URL", f"http://{lan or shown}:{port}/")
    prepare_site()
    from crawlcoach.web.request_size import create_server, server_body_limit
    from crawlcoach.web.videos.recovery import recover
    from crawlcoach.web.worker import start_embedded
    from crawlcoach.web.wsgi import application

    # Before the first request: leftovers of a hard stop go, and nothing is left waiting.
    recover(runs_analyses=not no_worker, takes_uploads=True)
    consumer = None if no_worker else start_embedded(workers)
    click.echo(f"crawlcoach is running at http://{shown}:{port}/ (data in {settings.DATA_DIR})")
    if lan:
        click.echo(f"On a phone on the same network, open http://{lan}:{port}/")
    click.echo(f"Invitation links point to {settings.SITE_URL}")
    click.echo("Press Ctrl-C to stop.")
    try:
        waitress.serve(
            application,
            _server=create_server,
            host=host,
            port=port,
            threads=threads,
            # Above the app's own limit, so the app answers oversized uploads with its page.
            max_request_body_size=server_body_limit(settings.MAX_UPLOAD_BYTES),
            ident="crawlcoach",
            _quiet=True,
        )
    finally:
        if consumer is not None:
            consumer.stop(graceful=False)
