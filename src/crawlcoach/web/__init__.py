"""The family web app: a thin Django shell over the analysis core and the guidance."""

from __future__ import annotations

import os

SETTINGS_MODULE = "crawlcoach.web.settings"


def setup_django() -> None:
    """Configure Django for code that runs outside ``manage.py`` (the CLI, the worker)."""
    import django

    from crawlcoach.web import privacy

    privacy.restrict_new_files()  # before the database or anything else is written
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", SETTINGS_MODULE)
    django.setup()
    privacy.secure_data_dir()
