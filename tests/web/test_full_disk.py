"""A full or read-only data folder gives a clear answer (507, saying what happened and what to
do), never a server error: on the real ``crawlcoach serve`` with its data folder on a small
tmpfs (needs root to mount; skipped otherwise), and in-process for the API and the journal."""

from __future__ import annotations

import errno
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.db import OperationalError
from django.test import Client
from django.urls import reverse
from live_server import ServerProcess
from site_client import Site

from crawlcoach.web.children.models import Child
from crawlcoach.web.videos import storage

SAYS_SO = "disk is full or cannot be written to"


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    mount = tmp_path / "disk"
    mount.mkdir()
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=48m", "tmpfs", str(mount)],
                          capture_output=True)  # fmt: skip
    if made.returncode != 0:
        pytest.skip("cannot mount a small tmpfs here (needs root): " + made.stderr.decode())
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def _fill(folder: Path, leave_bytes: int) -> None:
    stats = os.statvfs(folder)
    free = stats.f_bavail * stats.f_frsize
    with (folder / "filler").open("wb") as handle:
        handle.truncate(0)
        remaining = max(0, free - leave_bytes)
        block = b"\0" * (1 << 20)
        while remaining > 0:
            written = handle.write(block[: min(len(block), remaining)])
            remaining -= written


def _read_only(folder: Path) -> None:
    folder.mkdir(exist_ok=True)
    subprocess.run(["mount", "--bind", str(folder), str(folder)], check=True)
    subprocess.run(["mount", "-o", "remount,bind,ro", str(folder)], check=True)


@pytest.mark.slow
def test_a_full_then_read_only_data_folder_on_the_real_server(small_disk: Path, make_video) -> None:
    data = small_disk / "data"
    server = ServerProcess(data, "--no-worker")
    try:
        site = Site(server.start())
        site.sign_up("sam")
        child = site.add_child()
        video = make_video("clip.mp4", seconds=8, size=(320, 240))

        _fill(small_disk, leave_bytes=32 * 1024)
        full = site.upload(child, video)
        assert full.status == 507 and SAYS_SO in full.json()["error"]

        (small_disk / "filler").unlink()
        # The videos' folder, then the folder uploads arrive in, made read-only under the
        # running server (its database stays open, so it cannot be remounted as a whole).
        for folder in ("media", "uploads"):
            _read_only(data / folder)
            read_only = site.upload(child, video)
            assert read_only.status == 507 and SAYS_SO in read_only.json()["error"], folder
    finally:
        for folder in ("uploads", "media"):
            subprocess.run(["umount", str(data / folder)], capture_output=True, check=False)
        server.stop()
    assert "Internal Server Error" not in server.log(), server.log()


@pytest.mark.django_db
def test_an_api_upload_onto_a_full_disk_is_a_clear_json_error(
    parent: Any, child: Child, make_video, monkeypatch: pytest.MonkeyPatch, fake_analysis
) -> None:
    from crawlcoach.web.api.tokens import create_token

    _, key = create_token(parent.caregiver, "tests")
    api = Client(HTTP_AUTHORIZATION=f"Token {key}")

    def no_room(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(storage.shutil, "move", no_room)
    with make_video().open("rb") as handle:
        answer = api.post("/api/videos/", {"child": child.pk, "video": handle})
    assert answer.status_code == 507
    assert answer.json()["error"]["kind"] == "disk_problem"
    assert SAYS_SO in answer.json()["error"]["message"]


@pytest.mark.django_db
def test_a_read_only_database_is_a_clear_page(
    parent_client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    def read_only(*args: object, **kwargs: object) -> None:
        raise OperationalError("attempt to write a readonly database")

    monkeypatch.setattr(Child, "save", read_only)
    page = parent_client.post(reverse("child_add"), {"name": "Ben", "born": "2026-05-01"})
    assert page.status_code == 507 and SAYS_SO in page.content.decode()
    as_json = parent_client.post(
        reverse("child_add"), {"name": "Ben", "born": "2026-05-01"}, HTTP_ACCEPT="application/json"
    )
    assert as_json.status_code == 507 and as_json.json()["error"]["kind"] == "disk_problem"
