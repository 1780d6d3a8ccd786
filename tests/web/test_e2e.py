"""End to end in headless Chromium against the real server, worker and analysis: sign up, add a
child, upload a real clip, wait for the analysis, read the result. Screenshots go to
tmp/artifacts/web/ for a person to look at."""

from __future__ import annotations

from pathlib import Path

import pytest
from live_server import (
    ARTIFACTS,
    DESKTOP,
    PHONE,
    add_child,
    chromium,
    fresh_dir,
    running_server,
    sign_up,
    upload,
    wait_until_finished,
)

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

CLIP = "ucf101-dev/v_BabyCrawling_g07_c01.avi"  # side view, about 8 s of forward crawling


@pytest.mark.clips
def test_parent_journey_on_a_real_clip(clips_dir: Path, tmp_path: Path) -> None:
    clip = clips_dir / CLIP
    shots = fresh_dir(ARTIFACTS)
    with running_server(tmp_path / "data") as base, chromium() as browser:
        outside: list[str] = []
        context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
        page = context.new_page()
        page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(base) else None)
        blocked: list[str] = []  # anything the Content-Security-Policy refused
        page.on(
            "console",
            lambda m: blocked.append(m.text) if "Content Security Policy" in m.text else None,
        )

        sign_up(page, base)
        page.screenshot(path=str(shots / "01-add-child-phone.png"), full_page=True)
        add_child(page)
        page.screenshot(path=str(shots / "02-dashboard-empty-phone.png"), full_page=True)
        upload(page, clip)
        page.screenshot(path=str(shots / "03-analysing-phone.png"), full_page=True)

        assert wait_until_finished(page, timeout_s=180) == "done", page.inner_text("main")
        body = page.inner_text("main").lower()
        for heading in (
            "When Ada moved",
            "Movement",
            "Arms and legs",
            "Balance and rhythm",
            "How sure we are",
            "What this means",
        ):
            assert heading.lower() in body, heading
        page.screenshot(path=str(shots / "04-result-phone.png"), full_page=True)

        toggle = page.query_selector("#skeleton-toggle")
        assert toggle is not None, "the analysis wrote no skeleton overlay video"
        toggle.check()
        page.wait_for_function("document.getElementById('player').src.endsWith('/annotated')")
        playable = page.evaluate(
            "new Promise(r => { const v = document.getElementById('player');"
            " if (v.readyState >= 1) r(v.duration); v.onloadedmetadata = () => r(v.duration);"
            " v.onerror = () => r(-1); })"
        )
        assert playable > 0, "the browser cannot play the skeleton video"

        page.set_viewport_size(DESKTOP)
        page.screenshot(path=str(shots / "05-result-desktop.png"), full_page=True)
        page.click("text=← Ada")
        page.wait_for_url("**/children/*/")
        assert "Ready" in page.inner_text("main")
        page.screenshot(path=str(shots / "06-dashboard-desktop.png"), full_page=True)
        page.set_viewport_size(PHONE)
        page.screenshot(path=str(shots / "07-dashboard-phone.png"), full_page=True)
        assert outside == [], f"requests left the machine: {outside}"
        assert blocked == [], f"the page broke its own Content-Security-Policy: {blocked}"
        # the timeline was placed by result.js, not by inline styles
        page.go_back()
        page.wait_for_selector(".seg")
        assert page.eval_on_selector(".seg", "el => el.style.width").endswith("%")
        context.close()


def test_not_a_baby_video_fails_with_a_clear_reason(make_video, tmp_path: Path) -> None:
    """No footage needed: a generated video with nobody in it goes through the real queue."""
    with running_server(tmp_path / "data") as base, chromium() as browser:
        page = browser.new_page(viewport=PHONE)
        sign_up(page, base)
        add_child(page)
        upload(page, make_video("empty.mp4", seconds=2))
        assert wait_until_finished(page, timeout_s=120) == "failed"
        assert "We could not analyse this video" in page.inner_text("main")
        page.screenshot(path=str(ARTIFACTS / "08-failed-phone.png"), full_page=True)

        # A file that is no video is refused at upload, before it reaches the queue.
        text = tmp_path / "notes.mp4"
        text.write_text("not a video")
        page.goto(page.url.split("/videos/")[0] + "/")
        page.click("text=Ada")
        page.click("text=Add a video")
        page.set_input_files("#id_video", str(text))
        page.click("main button[type=submit]")
        page.wait_for_selector("[data-upload-error]:not([hidden])")
        assert "not a video we can read" in page.inner_text("[data-upload-error]")
