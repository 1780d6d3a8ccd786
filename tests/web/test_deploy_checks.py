"""With CRAWLCOACH_HTTPS on, `crawlcoach serve` refuses settings the deployment checks call
dangerous; on the default (a home network, no TLS) it starts as before."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from django.test import override_settings

from crawlcoach.web.deploy_checks import dangerous_settings

SAFE = dict(
    CRAWLCOACH_HTTPS=True,
    ALLOWED_HOSTS=["baby.example"],
    SITE_URL="https://baby.example/",
    SESSION_COOKIE_SECURE=True,
    CSRF_COOKIE_SECURE=True,
    SECURE_SSL_REDIRECT=True,
    SECURE_HSTS_SECONDS=86400,
    SILENCED_SYSTEM_CHECKS=["security.W005", "security.W021"],
    DEBUG=False,
)


def ids(problems: list[str]) -> set[str]:
    return {p.split(":")[0] for p in problems}


def test_nothing_is_dangerous_without_https() -> None:
    with override_settings(CRAWLCOACH_HTTPS=False, DEBUG=True, ALLOWED_HOSTS=["*"]):
        assert dangerous_settings() == []


def test_a_well_set_https_site_passes() -> None:
    with override_settings(**SAFE):
        assert dangerous_settings() == []


def test_any_host_debug_and_plain_http_links_are_refused() -> None:
    unsafe = {**SAFE, "ALLOWED_HOSTS": ["*"], "SITE_URL": "http://baby.example/", "DEBUG": True,
              "SESSION_COOKIE_SECURE": False}  # fmt: skip
    with override_settings(**unsafe):
        found = ids(dangerous_settings())
    assert {"crawlcoach.W001", "crawlcoach.W002", "security.W018", "security.W012"} <= found


def test_serve_refuses_to_start_with_https_and_the_defaults(tmp_path: Path) -> None:
    env = {**os.environ, "CRAWLCOACH_DATA_DIR": str(tmp_path), "CRAWLCOACH_HTTPS": "1"}
    env.pop("CRAWLCOACH_ALLOWED_HOSTS", None)
    env.pop("CRAWLCOACH_SITE_URL", None)
    done = subprocess.run(
        [str(Path(sys.executable).parent / "crawlcoach"), "serve", "--port", "8799"],
        env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 1
    assert "CRAWLCOACH_HTTPS is on" in done.stderr and "crawlcoach.W001" in done.stderr
    assert "Traceback" not in done.stderr
