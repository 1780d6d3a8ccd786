"""Still frames for the doctor's report: the clearest bout's middle, with the skeleton."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import numpy as np
import pytest

from crawlcoach.pose.keypoints import COUNT
from crawlcoach.pose.track import PoseTrack
from crawlcoach.report import pdf, stills
from crawlcoach.report.overlay import LEFT_COLOUR


def _result(*bouts: tuple[float, float, str, float]) -> dict:
    return {
        "locomotion": {
            "bouts": [
                {"start_s": a, "end_s": b, "direction": d, "style": "belly", "confidence": c}
                for a, b, d, c in bouts
            ]
        }
    }


def test_the_surest_bout_of_travel_is_chosen() -> None:
    moment = stills.clearest_moment(
        _result((0, 2, "stationary", 1.0), (2, 6, "forward", 0.6), (7, 9, "backward", 0.9))
    )
    assert moment == stills.Moment(4.0, "forward")  # 0.6 x 4 s beats 0.9 x 2 s
    assert stills.caption(moment) == "Forward, 4 s into the video"


def test_a_baby_who_stayed_put_still_gets_a_still() -> None:
    assert stills.clearest_moment(_result((1, 3, "stationary", 0.8))) == stills.Moment(
        2.0, "stationary"
    )


def test_no_bouts_no_moment() -> None:
    assert stills.clearest_moment({"locomotion": {"bouts": []}}) is None
    assert stills.clearest_moment({}) is None
    assert stills.clearest_moment(_result((3, 1, "forward", 1.0))) is None  # nonsense times


def _track(frame_size: tuple[int, int] = (160, 120)) -> PoseTrack:
    rows = 40
    points = np.column_stack([np.linspace(30, 130, COUNT), np.linspace(30, 90, COUNT)])
    return PoseTrack(
        timestamps_s=np.arange(rows) / 15.0,
        keypoints_px=np.repeat(points[None], rows, axis=0),
        confidence=np.full((rows, COUNT), 0.9),
        frame_size=frame_size,
        source="test",
    )


def test_a_still_from_the_source_has_the_skeleton_drawn(make_video) -> None:
    source = make_video("clip.mp4", seconds=2.0, fps=15)
    image = stills.still_frame(1.0, source=source, track=_track())
    assert image is not None and image.shape == (120, 160, 3)
    orange = np.all(np.abs(image.astype(int) - LEFT_COLOUR) < 40, axis=2)
    assert orange.sum() > 20, "the baby's left side is drawn in orange"


def test_a_still_from_the_overlay_needs_no_track(make_video) -> None:
    overlay = make_video("annotated.mp4", seconds=2.0, fps=15)
    assert stills.still_frame(1.0, overlay=overlay) is not None


def test_files_that_are_gone_or_damaged_give_no_still(tmp_path: Path, make_video) -> None:
    broken = tmp_path / "annotated.mp4"
    broken.write_bytes(b"not a video")
    assert stills.still_frame(1.0, overlay=tmp_path / "gone.mp4") is None
    assert stills.still_frame(1.0, overlay=broken, source=broken, track=_track()) is None
    # A source without its track has no skeleton to draw: no still rather than a bare frame.
    assert stills.still_frame(1.0, source=make_video()) is None


def test_the_pdf_shows_the_stills_with_their_captions(make_video, tmp_path: Path) -> None:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed (apt-get install poppler-utils); `make test` does")
    image = stills.still_frame(1.0, source=make_video(), track=_track())
    assert image is not None
    still = pdf.Still(date(2026, 5, 20), "Living room", "Forward, 1 s into the video",
                      stills.jpeg(image))  # fmt: skip
    report = pdf.Report(child_name="Ada", born=date(2025, 9, 1), made_on=date(2026, 6, 1),
                        age_text="9 months", stills=[still, still, still])  # fmt: skip
    out = tmp_path / "r.pdf"
    pdf.write_pdf(report, out)
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    assert "Still frames" in text and text.count("Forward, 1 s into the video") == 3
    assert "20 May 2026 · Living room" in text
    listing = subprocess.run(["pdfimages", "-list", str(out)], capture_output=True, text=True)
    assert len(listing.stdout.strip().splitlines()) - 2 == 3  # a header of two lines
