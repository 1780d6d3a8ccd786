"""HTTP-level rules, through Django's test client: private caching for signed-in pages, links
that ignore the Host header, the app's own 413, the site address setting, a private data folder.
(What needs a real connection, HEAD on keep-alive and parallel requests, is in
test_live_http.py.)"""

from __future__ import annotations

import logging
import stat
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

from crawlcoach.web import config, privacy
from crawlcoach.web.children.models import Child
from crawlcoach.web.videos.models import Video

pytestmark = pytest.mark.django_db


def test_every_signed_in_answer_is_private_and_not_stored(
    parent_client: Client, child: Child, done_video: Video
) -> None:
    for url in (
        "/",
        reverse("child", args=[child.pk]),
        reverse("video", args=[done_video.pk]),
        reverse("video_status", args=[done_video.pk]),
        reverse("video_file", args=[done_video.pk, "original"]),
        reverse("family"),
        reverse("video", args=["00000000-0000-0000-0000-000000000000"]),  # a 404 too
    ):
        cache = parent_client.get(url).headers.get("Cache-Control", "")
        assert "private" in cache and "no-store" in cache, url


def test_invitation_links_ignore_the_host_header(parent_client: Client, settings) -> None:
    settings.SITE_URL = "http://192.168.1.20:8000/"
    parent_client.post(reverse("invite"))
    page = parent_client.get(reverse("family"), HTTP_HOST="evil.example:666").content.decode()
    assert "evil.example" not in page
    assert "http://192.168.1.20:8000/join/" in page


def test_invitation_links_keep_a_path_prefix(parent_client: Client, settings) -> None:
    settings.SITE_URL = "https://home.example.org/crawl/"
    parent_client.post(reverse("invite"))
    assert b"https://home.example.org/crawl/join/" in parent_client.get(reverse("family")).content


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("", config.DEFAULT_SITE_URL),
        ("https://crawl.example.org", "https://crawl.example.org/"),
        ("http://192.168.1.20:8000/", "http://192.168.1.20:8000/"),
    ],
)
def test_site_url_setting(monkeypatch: pytest.MonkeyPatch, raw: str, expected: str) -> None:
    monkeypatch.setenv("CRAWLCOACH_SITE_URL", raw)
    assert config.site_url() == expected


@pytest.mark.parametrize(
    "raw", ["crawl.example.org", "ftp://x.example/", "http://h:port/", "http://h/?a=1"]
)
def test_a_wrong_site_url_says_what_to_write(monkeypatch: pytest.MonkeyPatch, raw: str) -> None:
    monkeypatch.setenv("CRAWLCOACH_SITE_URL", raw)
    with pytest.raises(config.ConfigError, match="give the address families open"):
        config.site_url()


def test_an_oversized_post_anywhere_gets_the_apps_page(client: Client, parent, settings) -> None:
    too_big = str(settings.MAX_UPLOAD_BYTES * 2)
    page = client.post(reverse("login"), {"username": "x"}, CONTENT_LENGTH=too_big)
    assert page.status_code == 413
    assert b"That video is too large" in page.content and b"Trim it" in page.content
    as_json = client.post(
        reverse("login"), {}, CONTENT_LENGTH=too_big, HTTP_ACCEPT="application/json"
    )
    assert as_json.status_code == 413 and "Trim it" in as_json.json()["error"]


def test_an_existing_open_data_folder_is_made_private(
    settings, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    data = tmp_path / "var"
    media = data / "media" / "family-1" / "child-1" / "v1"
    media.mkdir(parents=True)
    (data / "static").mkdir(mode=0o700)
    for path in (data, data / "media", media.parent.parent, media.parent, media):
        path.chmod(0o755)
    for name in ("crawlcoach.sqlite3", "crawlcoach.sqlite3-wal", "secret_key", "notes.txt"):
        (data / name).write_text("x")
        (data / name).chmod(0o644)
    (media / "annotated.mp4").write_bytes(b"overlay")
    (media / "annotated.mp4").chmod(0o644)
    settings.DATA_DIR, settings.MEDIA_ROOT = data, data / "media"
    settings.UPLOAD_TMP_DIR, settings.STATIC_ROOT = data / "uploads", data / "static"

    with caplog.at_level(logging.WARNING, logger="crawlcoach.web.privacy"):
        assert privacy.secure_data_dir() == 9

    assert "was readable by other users" in caplog.text
    for path in (data, media, media / "annotated.mp4", data / "crawlcoach.sqlite3-wal"):
        assert stat.S_IMODE(path.stat().st_mode) & 0o077 == 0, path
    # Only what the app itself keeps there: a stranger's file in the folder is left alone.
    assert stat.S_IMODE((data / "notes.txt").stat().st_mode) == 0o644
    assert privacy.secure_data_dir() == 0  # nothing left to fix, nothing logged again
