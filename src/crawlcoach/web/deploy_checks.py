"""What must hold before the app is put on the internet behind HTTPS (``CRAWLCOACH_HTTPS``).

Django's own deployment checks (``manage.py check --deploy``) plus ours; ``crawlcoach serve``
refuses to start with HTTPS on while any of them fails, because each one is a way in for
someone else. On the default set-up (a home network, no TLS) they do not apply: docs/web.md
says what that default risks.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.security, deploy=True)
def crawlcoach_https_checks(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    if not getattr(settings, "CRAWLCOACH_HTTPS", False):
        return []
    problems: list[checks.CheckMessage] = []
    if "*" in settings.ALLOWED_HOSTS:
        problems.append(
            checks.Warning(
                "CRAWLCOACH_ALLOWED_HOSTS is '*': any Host header is accepted.",
                hint="Set CRAWLCOACH_ALLOWED_HOSTS to the name the site is reached by.",
                id="crawlcoach.W001",
            )
        )
    if not str(settings.SITE_URL).startswith("https://"):
        problems.append(
            checks.Warning(
                f"CRAWLCOACH_SITE_URL is {settings.SITE_URL}: invitation links would not use "
                "HTTPS.",
                hint="Set CRAWLCOACH_SITE_URL to the https:// address of the site.",
                id="crawlcoach.W002",
            )
        )
    return problems


def dangerous_settings() -> list[str]:
    """With HTTPS on: every deployment check that fails, as a line a person can act on."""
    if not getattr(settings, "CRAWLCOACH_HTTPS", False):
        return []
    found = checks.run_checks(include_deployment_checks=True, tags=[checks.Tags.security])
    return [
        f"{message.id}: {message.msg}" + (f" ({message.hint})" if message.hint else "")
        for message in found
        if message.level >= checks.WARNING and not message.is_silenced()
    ]
