"""Accessibility at phone size in headless Chromium, against the real server: text in the
accent colour reads at 4.5:1 or more where it sits (WCAG 2.1 AA), the small links and checkboxes
a thumb must hit are at least 24 x 24 px (WCAG 2.2 target size), and the sources behind the
guidance can be read by tapping, with no hover. Screenshots go to
tmp/artifacts/web/accessibility/."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from live_server import ARTIFACTS, PHONE, add_child, chromium, fresh_dir, running_server, sign_up

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

HERE = Path(__file__).resolve().parent
MIN_CONTRAST = 4.5
MIN_TARGET_PX = 24

# The colour an element's text is drawn in, and the first opaque background behind it.
COLOURS_JS = """el => {
  const rgb = s => (s.match(/[\\d.]+/g) || []).map(Number);
  let back = el, bg = [0, 0, 0, 0];
  while (back) {
    bg = rgb(getComputedStyle(back).backgroundColor);
    if (bg.length === 3 || bg[3] > 0) break;
    back = back.parentElement;
  }
  return {fg: rgb(getComputedStyle(el).color), bg: back ? bg : [255, 255, 255]};
}"""


def luminance(rgb: list[float]) -> float:
    def channel(value: float) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(page, selector: str) -> float:  # type: ignore[no-untyped-def]
    colours = page.locator(selector).first.evaluate(COLOURS_JS)
    light, dark = sorted((luminance(colours["fg"]), luminance(colours["bg"])), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def target_size(page, selector: str) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    box = page.locator(selector).first.bounding_box()
    assert box is not None, f"{selector} is not shown"
    return box["width"], box["height"]


def assert_tappable(page, selector: str) -> None:  # type: ignore[no-untyped-def]
    width, height = target_size(page, selector)
    assert width >= MIN_TARGET_PX and height >= MIN_TARGET_PX, (selector, width, height)


def seed_analysed_video(data_dir: Path, child_id: str) -> str:
    done = subprocess.run(
        [sys.executable, str(HERE / "seed_analysed_video.py"), child_id],
        env={**os.environ, "CRAWLCOACH_DATA_DIR": str(data_dir)},
        capture_output=True, text=True, check=True, timeout=60,
    )  # fmt: skip
    return done.stdout.strip().splitlines()[-1]


def test_contrast_tap_targets_and_sources_on_a_phone(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shots = fresh_dir(ARTIFACTS / "accessibility")
    with running_server(data) as base, chromium() as browser:
        context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
        page = context.new_page()
        sign_up(page, base)
        add_child(page, name="Ada", months=9)
        child_id = page.url.rstrip("/").rsplit("/", 1)[-1]
        video_id = seed_analysed_video(data, child_id)

        page.reload()
        assert contrast(page, ".status-done .badge") >= MIN_CONTRAST  # "Ready"
        assert_tappable(page, "main a:text-is('Edit')")
        page.keyboard.press("Tab")  # the skip link shows when it has the focus
        assert page.locator(".skip").evaluate("el => el === document.activeElement")
        assert contrast(page, ".skip") >= MIN_CONTRAST
        page.screenshot(path=str(shots / "dashboard-skip-link-phone.png"))

        page.goto(f"{base}/videos/{video_id}/")
        assert contrast(page, ".crumbs a") >= MIN_CONTRAST  # "← Ada"
        assert_tappable(page, ".crumbs a")
        assert_tappable(page, "text=Delete this video")
        assert_tappable(page, "#skeleton-toggle")

        # Each reason's sources: their names in view, the full citation one tap away.
        sources = page.locator(".reasons details.sources").first
        summary = sources.locator("summary")
        assert summary.is_visible() and "Sources:" in summary.inner_text()
        assert_tappable(page, ".reasons details.sources summary")
        citation = sources.locator("cite").first
        assert not citation.is_visible()
        summary.tap()
        assert citation.is_visible() and len(citation.inner_text()) > 40
        page.screenshot(path=str(shots / "video-sources-open-phone.png"), full_page=True)
        assert page.locator("cite[title]").count() == 0  # nothing left that only hover shows

        page.goto(f"{base}/children/{child_id}/edit/")
        page.locator("details.choices summary").tap()
        assert_tappable(page, "input[type=checkbox]")
