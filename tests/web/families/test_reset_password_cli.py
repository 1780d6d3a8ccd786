"""``crawlcoach reset-password USER`` as a real process beside a real ``crawlcoach serve``: the
printed link is on CRAWLCOACH_SITE_URL, sets a new password once, and signs the account's other
sessions out."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from http_client import Visitor
from live_server import running_server
from web_helpers import PASSWORD

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

NEW_PASSWORD = "quiet-heron-83-meadow"


def reset_password(data: Path, username: str, site_url: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "CRAWLCOACH_DATA_DIR": str(data), "CRAWLCOACH_SITE_URL": site_url}
    env.pop("DATABASE_URL", None)
    command = [sys.executable, "-c", "from crawlcoach.cli import main; main()",
               "reset-password", username]  # fmt: skip
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)


def log_in(base: str, password: str) -> int:
    visitor = Visitor(base)
    visitor.get("/login/")
    return visitor.post("/login/", {"username": "sam", "password": password}).status


def test_the_printed_link_sets_a_new_password_once(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with running_server(data) as base:
        owner = Visitor(base)
        owner.sign_up("sam")
        assert owner.get("/family/").status == 200

        done = reset_password(data, "Sam", base + "/")
        assert done.returncode == 0, done.stderr
        link = done.stdout.strip()
        assert re.fullmatch(re.escape(base) + r"/reset/[\w-]+/[\w-]+/", link), link
        assert "works once" in done.stderr and "CRAWLCOACH_SITE_URL" in done.stderr

        visitor = Visitor(base)
        opened = visitor.get(urlsplit(link).path)
        assert opened.status == 302
        form = opened.location
        assert "Choose a new password" in visitor.get(form).text
        saved = visitor.post(form, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
        assert saved.status == 302 and saved.location.endswith("/login/"), saved.text[:500]

        assert owner.get("/family/").status == 302  # the other session has ended
        assert log_in(base, PASSWORD) == 200 and log_in(base, NEW_PASSWORD) == 302
        assert "no longer works" in Visitor(base).get(urlsplit(link).path).text


def test_an_unknown_user_is_a_clear_message(tmp_path: Path) -> None:
    done = reset_password(tmp_path, "nobody", "http://localhost:8000/")
    assert done.returncode == 1 and "There is no account 'nobody'" in done.stderr
    assert "Traceback" not in done.stderr
