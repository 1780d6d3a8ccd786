"""``crawlcoach export-family`` / ``import-family`` as real processes: a family moved onto a
fresh server on SQLite and on a real PostgreSQL cluster, and back out again unchanged."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from backup_helpers import PHOTO, add_journal, comparable, data_of
from django.contrib.auth.models import User

from crawlcoach.web.families import backup

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


def crawlcoach(*args: str, data_dir: Path, database_url: str | None) -> subprocess.CompletedProcess:
    env = {**os.environ, "CRAWLCOACH_DATA_DIR": str(data_dir)}
    env.pop("DATABASE_URL", None)
    if database_url:
        env["DATABASE_URL"] = database_url
    command = [sys.executable, "-c", "from crawlcoach.cli import main; main()", *args]
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=180)


@pytest.fixture
def exported(parent: User, make_child, make_stored_video, tmp_path: Path) -> Path:
    ada = make_child(parent, name="Ada")
    add_journal(ada, make_stored_video(ada))
    make_stored_video(ada, status="failed")
    out = tmp_path / "family.zip"
    backup.export_family(parent.caregiver.family, out)
    return out


@pytest.mark.parametrize("engine", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def test_move_to_a_fresh_server_and_back(
    engine: str, exported: Path, parent: User, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    url = request.getfixturevalue("database_url") if engine == "postgres" else None
    server = tmp_path / "new-server"
    moved = crawlcoach("import-family", str(exported), data_dir=server, database_url=url)
    assert moved.returncode == 0, moved.stderr
    assert (
        "Imported the family “The Okafors”: 1 caregiver(s), 1 child(ren), 2 video(s)"
        in moved.stdout
    )
    assert ", 6 journal entries" in moved.stdout
    assert len(list((server / "media").rglob("original.mp4"))) == 2
    assert [p.read_bytes() for p in (server / "media").rglob("notes/*.png")] == [PHOTO]

    back = tmp_path / "back.zip"
    out = crawlcoach("export-family", "--user", parent.username, "-o", str(back),
                     data_dir=server, database_url=url)  # fmt: skip
    assert out.returncode == 0, out.stderr
    assert comparable(data_of(back)) == comparable(data_of(exported))

    twice = crawlcoach("import-family", str(exported), data_dir=server, database_url=url)
    assert twice.returncode == 1 and "already exist on this server" in twice.stderr
    assert "Traceback" not in twice.stderr
    if engine == "postgres":
        assert not (server / "crawlcoach.sqlite3").exists()
        import psycopg

        with psycopg.connect(url) as connection:
            assert connection.execute("select count(*) from families_family").fetchone() == (1,)


def test_export_needs_one_family(tmp_path: Path) -> None:
    neither = crawlcoach("export-family", "-o", str(tmp_path / "x.zip"), data_dir=tmp_path,
                         database_url=None)  # fmt: skip
    assert neither.returncode == 2 and "--family ID or --user USERNAME" in neither.stderr
    unknown = crawlcoach("export-family", "--user", "nobody", "-o", str(tmp_path / "x.zip"),
                         data_dir=tmp_path, database_url=None)  # fmt: skip
    assert unknown.returncode == 1 and "'nobody'" in unknown.stderr
