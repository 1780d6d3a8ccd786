"""The journal end to end in headless Chromium at phone size, against the real server: the
practice timer survives a reload, a milestone is logged, the report PDF downloads and reads
right. Screenshots go to tmp/artifacts/web/journal/ for a person to look at."""

from __future__ import annotations

import shutil
import subprocess
import time
from pathlib import Path

import pytest
from live_server import ARTIFACTS, PHONE, add_child, chromium, fresh_dir, running_server, sign_up

pytestmark = [pytest.mark.e2e, pytest.mark.slow]


def wait_for_elapsed(page, at_least_s: int, timeout_s: float = 15) -> int:  # type: ignore[no-untyped-def]
    """Seconds the timer shows (practice-timer.js writes m:ss), once it reaches ``at_least_s``."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        shown = page.inner_text("#timer-elapsed")
        if ":" in shown:
            minutes, seconds = shown.rsplit(":", 1)
            total = int(minutes.split(":")[-1]) * 60 + int(seconds)
            if total >= at_least_s:
                return total
        time.sleep(0.25)
    raise AssertionError(f"the timer showed {shown!r}, not {at_least_s} s or more")


def test_timer_milestone_and_report_on_a_phone(tmp_path: Path) -> None:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed (apt-get install poppler-utils); `make test` does")
    shots = fresh_dir(ARTIFACTS / "journal")
    with running_server(tmp_path / "data") as base, chromium() as browser:
        context = browser.new_context(
            viewport=PHONE, is_mobile=True, has_touch=True, accept_downloads=True
        )
        page = context.new_page()
        blocked: list[str] = []
        page.on(
            "console",
            lambda m: blocked.append(m.text) if "Content Security Policy" in m.text else None,
        )
        sign_up(page, base)
        add_child(page, name="Ada", months=8)

        # The timer: started here, still running after a reload, stopped into an entry.
        page.click("main >> text=Practice")
        page.wait_for_url("**/practice/")
        page.click("#timer-start")
        page.wait_for_selector("#timer-elapsed")
        first = wait_for_elapsed(page, at_least_s=1)
        page.screenshot(path=str(shots / "01-timer-running-phone.png"), full_page=True)
        page.reload()
        # The start came from the server: the count goes on from where it was, not from 0.
        assert wait_for_elapsed(page, at_least_s=first + 1) > first
        page.click("#timer-stop")
        page.wait_for_selector("#timer-start")
        assert page.inner_text("#today-minutes") == "1"
        page.screenshot(path=str(shots / "02-practice-phone.png"), full_page=True)

        # A milestone.
        page.click("main >> text=Milestones")
        page.wait_for_url("**/milestones/")
        crawling = page.locator("#m-crawls_backward")
        crawling.locator("summary").click()
        crawling.locator("textarea").fill("Backward under the sofa")
        crawling.locator("button[type=submit]").click()
        page.wait_for_url("**/milestones/")
        assert "First seen" in page.inner_text("#m-crawls_backward")
        assert "There is time" in page.inner_text("#m-hands_and_knees_crawling")
        page.screenshot(path=str(shots / "03-milestones-phone.png"), full_page=True)

        # The report.
        page.click("main >> text=Report for the doctor")
        page.wait_for_url("**/report/")
        page.screenshot(path=str(shots / "04-report-page-phone.png"), full_page=True)
        with page.expect_download() as download:
            page.click("#report-download")
        pdf = tmp_path / "report.pdf"
        download.value.save_as(pdf)
        shutil.copy(pdf, shots / "report.pdf")
        text = subprocess.run(
            ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        for part in ("Movement report: Ada", "Milestones", "Crawls backward", "Backward under",
                     "Practice minutes per week", "not a diagnosis"):  # fmt: skip
            assert part in text, part
        assert blocked == [], f"the page broke its own Content-Security-Policy: {blocked}"
        context.close()
