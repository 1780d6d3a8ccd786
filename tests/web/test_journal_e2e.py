"""The journal end to end in headless Chromium, at phone and at desktop size, against the real
server and worker: the practice timer survives a reload, a milestone is logged, a video's date
comes from its metadata, two videos filmed on one day stand apart on the chart, a private copy
is made and downloaded, and the report PDF downloads and reads right. Screenshots, and the PDF's
pages rendered with pdftoppm, go to tmp/artifacts/web/journal/ for a person to look at."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from live_server import (
    ARTIFACTS,
    DESKTOP,
    PHONE,
    add_child,
    chromium,
    running_server,
    sign_up,
    upload,
)

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

HERE = Path(__file__).resolve().parent
SIZES = {"phone": PHONE, "desktop": DESKTOP}


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


def seed_analysed_video(data_dir: Path, child_id: str, filmed_at: datetime, title: str) -> str:
    done = subprocess.run(
        [sys.executable, str(HERE / "seed_analysed_video.py"), child_id, filmed_at.isoformat(),
         title],
        env={**os.environ, "CRAWLCOACH_DATA_DIR": str(data_dir)},
        capture_output=True, text=True, check=True, timeout=60,
    )  # fmt: skip
    return done.stdout.strip().splitlines()[-1]


def fits_the_width(page) -> bool:  # type: ignore[no-untyped-def]
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def needs_poppler() -> None:
    for tool in ("pdftotext", "pdftoppm"):
        if not shutil.which(tool):
            pytest.skip(
                f"{tool} is not installed (apt-get install poppler-utils): `make test` does"
            )


@pytest.mark.parametrize("size", SIZES)
def test_the_journal_at_phone_and_desktop_size(size: str, make_video, tmp_path: Path) -> None:
    needs_poppler()
    shots = ARTIFACTS / "journal" / size
    shutil.rmtree(shots, ignore_errors=True)
    shots.mkdir(parents=True)
    data = tmp_path / "data"

    def shot(name: str) -> None:
        page.screenshot(path=str(shots / f"{name}-{size}.png"), full_page=True)

    with running_server(data) as base, chromium() as browser:
        context = browser.new_context(
            viewport=SIZES[size], is_mobile=size == "phone", has_touch=size == "phone",
            accept_downloads=True,
        )  # fmt: skip
        page = context.new_page()
        blocked: list[str] = []
        page.on(
            "console",
            lambda m: blocked.append(m.text) if "Content Security Policy" in m.text else None,
        )
        sign_up(page, base)
        add_child(page, name="Ada", months=8)
        child_url = page.url
        child_id = child_url.rstrip("/").rsplit("/", 1)[-1]

        # The timer: started here, still running after a reload, stopped into an entry.
        page.click("main >> text=Practice")
        page.wait_for_url("**/practice/")
        page.click("#timer-start")
        page.wait_for_selector("#timer-elapsed")
        first = wait_for_elapsed(page, at_least_s=1)
        shot("01-timer-running")
        page.reload()
        # The start came from the server: the count goes on from where it was, not from 0.
        assert wait_for_elapsed(page, at_least_s=first + 1) > first
        page.click("#timer-stop")
        page.wait_for_selector("#timer-start")
        assert page.inner_text("#today-minutes") == "1"
        assert fits_the_width(page)
        shot("02-practice")

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
        assert fits_the_width(page)
        shot("03-milestones")

        # A video dated by its own metadata (the phone's creation time), not by the upload.
        filmed = (datetime.now(UTC) - timedelta(days=10)).replace(hour=12, minute=0, second=0)
        clip = make_video(
            "phone-clip.mp4", metadata={"creation_time": filmed.strftime("%Y-%m-%dT%H:%M:%SZ")}
        )
        page.goto(child_url)
        upload(page, clip)
        title, facts = page.inner_text("main h1"), page.inner_text("main .panel .muted")
        assert title == f"Ada, {filmed.day} {filmed:%B %Y}", title
        assert "dated by when it was added" not in facts
        shot("04-video-dated-from-metadata")

        # Two videos filmed on one day: two points side by side on the chart, not one line.
        day = (datetime.now(UTC) - timedelta(days=3)).replace(minute=0, second=0, microsecond=0)
        morning = seed_analysed_video(data, child_id, day.replace(hour=9), "Morning on the rug")
        seed_analysed_video(data, child_id, day.replace(hour=18), "Evening in the hall")
        page.goto(child_url)
        chart = page.locator("main svg").first
        chart.wait_for()
        xs = [float(x) for x in re.findall(r'class="dot-forward" cx="([\d.]+)"', page.content())]
        assert len(xs) == 2 and abs(xs[0] - xs[1]) > 10, xs
        box = chart.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= SIZES[size]["width"]
        assert fits_the_width(page)
        shot("05-chart-two-videos-one-day")

        # A private copy: made by the worker, downloaded from the video's page.
        page.goto(f"{base}/videos/{morning}/")
        page.locator("[data-share=skeleton_only] [data-share-make]").click()
        page.wait_for_selector("[data-share=skeleton_only] [data-share-download]", timeout=120_000)
        page.locator("#share").scroll_into_view_if_needed()
        shot("06-share-ready")
        with page.expect_download() as download:
            page.click("[data-share=skeleton_only] [data-share-download]")
        copy = tmp_path / "copy.mp4"
        download.value.save_as(copy)
        assert copy.read_bytes()[4:8] == b"ftyp", "an MP4"
        assert "Ada" not in download.value.suggested_filename

        # The report.
        page.goto(child_url)
        page.click("main >> text=Report for the doctor")
        page.wait_for_url("**/report/")
        assert fits_the_width(page)
        shot("07-report-page")
        with page.expect_download() as download:
            page.click("#report-download")
        pdf = shots / "report.pdf"
        download.value.save_as(pdf)
        text = subprocess.run(
            ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        for part in ("Movement report: Ada", "Ages", "Milestones", "Crawls backward",
                     "Backward under", "Analysed videos", "Morning on the rug", "Still frames",
                     "Forward, 5 s into the video", "What the guidance says",
                     "Practice minutes per week", "Parents' notes", "not a diagnosis"):  # fmt: skip
            assert part in text, part
        subprocess.run(["pdftoppm", "-r", "70", "-png", str(pdf), str(shots / "08-report-page")],
                       check=True)  # fmt: skip
        assert list(shots.glob("08-report-page*.png"))
        assert blocked == [], f"the page broke its own Content-Security-Policy: {blocked}"
        context.close()
