"""The WSGI entry point (``crawlcoach serve`` runs it under waitress)."""

from __future__ import annotations

import os

from crawlcoach.web import privacy

privacy.restrict_new_files()  # before Django opens the database or writes anything

from django.core.wsgi import get_wsgi_application  # noqa: E402

from crawlcoach.web.head_requests import bodiless_head  # noqa: E402

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "crawlcoach.web.settings")
application = bodiless_head(get_wsgi_application())
privacy.secure_data_dir()
