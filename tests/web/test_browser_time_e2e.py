"""Without TZ the server keeps UTC; pages then show each moment in the browser's own time zone
(``local-time.js``), and with TZ set in the server's, as written."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.test import Client
from django.urls import reverse
from live_server import ServerProcess, add_child, chromium, sign_up, upload

from crawlcoach.web.children.models import Child

KIRITIMATI = "Pacific/Kiritimati"  # UTC+14: the day and the hour both differ from UTC


@pytest.mark.django_db
def test_without_tz_moments_are_marked_for_the_browser(
    parent_client: Client, child: Child, make_stored_video, settings
) -> None:
    make_stored_video(child)
    settings.TIME_ZONE_FROM_TZ = False
    page = parent_client.get(reverse("child", args=[child.pk])).content.decode()
    assert 'data-browser-time="date-time"' in page and "<time datetime=" in page
    settings.TIME_ZONE_FROM_TZ = True
    page = parent_client.get(reverse("child", args=[child.pk])).content.decode()
    assert "data-browser-time" not in page


@pytest.mark.e2e
def test_a_phone_sees_the_moment_in_its_own_zone(tmp_path: Path, make_video) -> None:
    server = ServerProcess(tmp_path / "data")
    server.environment.pop("TZ", None)
    with chromium() as browser:
        base = server.start()
        try:
            context = browser.new_context(timezone_id=KIRITIMATI)
            page = context.new_page()
            sign_up(page, base)
            add_child(page)
            dashboard = page.url
            upload(page, make_video("clip.mp4"))
            page.goto(dashboard)
            shown = page.locator("ul.videos time[data-browser-time]").first
            shown.wait_for()
            moment = datetime.fromisoformat(shown.get_attribute("datetime") or "")
            local = moment.astimezone(ZoneInfo(KIRITIMATI))
            expected = f"{local.day} {local:%b %Y, %H:%M}"
            page.wait_for_function("e => e.title !== ''", arg=shown.element_handle(), timeout=5000)
            assert shown.inner_text() == expected
            assert shown.get_attribute("title") == "In this device's time zone"
        finally:
            server.stop()
