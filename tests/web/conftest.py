"""Web app fixtures: Django on a throwaway data folder, families, children and analysed videos.

Django is configured here (not in pyproject) so the rest of the suite does not pay for it.
"""

from __future__ import annotations

import atexit
import os
import pwd
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

_DATA_DIR = tempfile.mkdtemp(prefix="crawlcoach-web-tests-")
atexit.register(shutil.rmtree, _DATA_DIR, True)
os.environ["CRAWLCOACH_DATA_DIR"] = _DATA_DIR
os.environ["DJANGO_SETTINGS_MODULE"] = "crawlcoach.web.settings"
for _name in ("DATABASE_URL", "REDIS_URL", "CRAWLCOACH_OPEN_SIGNUP", "CRAWLCOACH_MAX_UPLOAD_MB"):
    os.environ.pop(_name, None)

import django  # noqa: E402

django.setup()

from django.contrib.auth.models import User  # noqa: E402
from django.test import Client  # noqa: E402
from huey.contrib.djhuey import HUEY  # noqa: E402

from crawlcoach.web.children.models import Child  # noqa: E402
from crawlcoach.web.families.models import Caregiver, Family  # noqa: E402
from crawlcoach.web.videos import storage  # noqa: E402
from crawlcoach.web.videos.child_runner import Outcome  # noqa: E402
from crawlcoach.web.videos.models import Status, Video  # noqa: E402

# Tasks run inline in these tests; the real queue is exercised by the end-to-end tests.
HUEY.immediate = True

from live_server import free_port  # noqa: E402
from web_helpers import PASSWORD, contract  # noqa: E402

POSTGRES_BIN = Path("/usr/lib/postgresql")


@pytest.fixture(autouse=True)
def media_root(settings: Any, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MEDIA_ROOT.mkdir()
    return settings.MEDIA_ROOT


@pytest.fixture
def make_family(db: None) -> Callable[..., User]:
    """A family with one caregiver, its admin (as sign-up makes it); returns the user."""
    counter = iter(range(1000))

    def make(name: str = "The Okafors", username: str | None = None) -> User:
        username = username or f"parent{next(counter)}"
        user = User.objects.create_user(username=username, password=PASSWORD, first_name="Sam")
        family = Family.objects.create(name=name)
        Caregiver.objects.create(user=user, family=family, is_admin=True)
        return user

    return make


@pytest.fixture
def parent(make_family: Callable[..., User]) -> User:
    return make_family()


@pytest.fixture
def client_of() -> Callable[[User], Client]:
    def make(user: User) -> Client:
        client = Client()
        client.force_login(user)
        return client

    return make


@pytest.fixture
def parent_client(parent: User, client_of: Callable[[User], Client]) -> Client:
    return client_of(parent)


@pytest.fixture
def make_child() -> Callable[..., Child]:
    def make(user: User, name: str = "Ada", months: int = 9, due: date | None = None) -> Child:
        born = date.today() - timedelta(days=int(months * 30.44))
        return Child.objects.create(family=user.caregiver.family, name=name, born=born, due=due)

    return make


@pytest.fixture
def child(parent: User, make_child: Callable[..., Child]) -> Child:
    return make_child(parent)


@pytest.fixture
def make_stored_video() -> Callable[..., Video]:
    """A video with its files on disk, analysed (done) unless told otherwise."""

    def make(
        child: Child,
        status: str = Status.DONE,
        result: dict[str, Any] | None = None,
        error_kind: str = "no_baby_found",
    ) -> Video:
        video = Video.objects.create(
            child=child, original_name="ada-crawls.mp4", original_file="", size_bytes=10,
            status=status, result=(result or contract()) if status == Status.DONE else None,
            progress=1.0 if status == Status.DONE else 0.0,
        )  # fmt: skip
        folder = storage.video_dir(video)
        folder.mkdir(parents=True)
        (folder / "original.mp4").write_bytes(b"original-bytes-0123456789")
        video.original_file = storage.relative(folder / "original.mp4")
        if status == Status.DONE:
            (folder / "annotated.mp4").write_bytes(b"annotated-bytes")
            video.annotated_file = storage.relative(folder / "annotated.mp4")
        if status == Status.FAILED:
            video.error_kind = error_kind
            video.error_message = {
                "no_baby_found": "we could not find a baby in this video.",
            }.get(error_kind, f"it failed ({error_kind}).")
        video.save()
        return video

    return make


@pytest.fixture
def done_video(child: Child, make_stored_video: Callable[..., Video]) -> Video:
    return make_stored_video(child)


@pytest.fixture
def fake_analysis(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Path]]:
    """Replace the analysis core with a quick stand-in that writes the overlay video too."""
    calls: list[Path] = []

    def analyse(
        source: Path, annotated: Path, progress: Callable[[float], None], **limits: Any
    ) -> Outcome:
        calls.append(source)
        progress(0.5)
        annotated.write_bytes(b"overlay")
        result = contract()
        result["video"]["path"] = str(source)
        return Outcome(result=result)

    monkeypatch.setattr("crawlcoach.web.videos.analysis._analyse", analyse)
    yield calls


# Real services for the tests that need them, each a throwaway server on a free loopback port.


@pytest.fixture
def redis_url(tmp_path: Path) -> Iterator[str]:
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.skip(
            "redis-server is not installed (apt-get install redis-server); `make test` does it"
        )
    port = free_port()
    process = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
         "--dir", str(tmp_path)],
        stdout=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        import redis

        client = redis.Redis(host="127.0.0.1", port=port)
        for _ in range(100):
            try:
                client.ping()
                break
            except redis.ConnectionError:
                time.sleep(0.05)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        process.terminate()
        process.wait(timeout=10)


def _postgres_tools() -> Path | None:
    versions = sorted(POSTGRES_BIN.glob("*/bin/initdb"))
    return versions[-1].parent if versions else None


@pytest.fixture(scope="module")
def database_url() -> Iterator[str]:
    """A throwaway PostgreSQL cluster (initdb in a temporary folder) on a free loopback port."""
    tools = _postgres_tools()
    if tools is None:
        pytest.skip("PostgreSQL is not installed (apt-get install postgresql); `make test` does it")
    # PostgreSQL refuses to run as root: as root, the cluster belongs to the 'postgres' user.
    as_user: list[str] = []
    folder = Path(tempfile.mkdtemp(prefix="crawlcoach-pg-"))
    if os.geteuid() == 0:
        try:
            owner = pwd.getpwnam("postgres")
        except KeyError:
            pytest.skip("running as root and there is no 'postgres' user to own the test cluster")
        os.chown(folder, owner.pw_uid, owner.pw_gid)
        as_user = ["runuser", "-u", "postgres", "--"]
    data, port = folder / "data", free_port()

    def run(*command: str) -> None:
        subprocess.run([*as_user, *command], check=True, capture_output=True, timeout=120)

    try:
        run(str(tools / "initdb"), "-D", str(data), "-A", "trust", "-U", "crawlcoach", "--no-sync")
        server_options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        run(str(tools / "pg_ctl"), "-D", str(data), "-w", "-l", str(folder / "log"),
            "-o", server_options, "start")  # fmt: skip
        run(str(tools / "createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", "crawlcoach",
            "crawlcoach")  # fmt: skip
        yield f"postgres://crawlcoach@127.0.0.1:{port}/crawlcoach"
    finally:
        if (data / "postmaster.pid").exists():
            subprocess.run([*as_user, str(tools / "pg_ctl"), "-D", str(data), "-m", "immediate",
                            "stop"], capture_output=True, timeout=60)  # fmt: skip
        shutil.rmtree(folder, ignore_errors=True)
