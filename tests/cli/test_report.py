"""``crawlcoach report``: the report for the doctor from saved analyses, checked as text."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from crawlcoach.cli import cli

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "web"))
from web_helpers import contract


def pdf_text(path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed (apt-get install poppler-utils); `make test` does")
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_report_from_saved_analyses(tmp_path: Path) -> None:
    analyses = tmp_path / "results.jsonl"
    failed = {**contract(), "error": {"kind": "no_baby_found", "message": "no baby"}}
    lines = [{**contract(), "recorded_on": "2026-05-20"}, failed]
    analyses.write_text("\n".join(json.dumps(a) for a in lines))
    out = tmp_path / "report.pdf"
    result = CliRunner().invoke(
        cli,
        ["report", "--born", "2025-09-01", "--name", "Ada", "--today", "2026-06-01",
         str(analyses), "-o", str(out)],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    text = pdf_text(out)
    for part in ("Movement report: Ada", "Ages", "Analysed videos", "20 May", "clip.mp4",
                 "What the guidance says", "not a diagnosis", "1 video(s) could not be analysed",
                 "Source:"):  # fmt: skip
        assert part in text, part


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["-o", "{tmp}/report.txt"], "name it .pdf"),
        (["-o", "{tmp}/missing/report.pdf"], "does not exist"),
        (["--born", "2099-01-01", "-o", "{tmp}/r.pdf"], "is after"),
    ],
)
def test_bad_arguments_get_one_clear_line(tmp_path: Path, args: list[str], says: str) -> None:
    args = [a.format(tmp=tmp_path) for a in args]
    if "--born" not in args:
        args = ["--born", "2025-09-01", *args]
    result = CliRunner().invoke(cli, ["report", *args])
    assert result.exit_code == 2 and says in result.output, result.output
    assert "Traceback" not in result.output


def test_a_file_that_is_not_an_analysis_is_refused(tmp_path: Path) -> None:
    other = tmp_path / "other.json"
    other.write_text('{"hello": 1}')
    result = CliRunner().invoke(
        cli, ["report", "--born", "2025-09-01", str(other), "-o", str(tmp_path / "r.pdf")]
    )
    assert result.exit_code == 2 and "other.json" in result.output
    assert not (tmp_path / "r.pdf").exists()


def test_stills_come_from_the_videos_and_their_tracks(make_video, tmp_path: Path) -> None:
    from crawlcoach.pose.keypoints import COUNT
    from crawlcoach.pose.track import PoseTrack

    video = make_video("clip.mp4", seconds=6.0, fps=5)
    tracks = tmp_path / "tracks"
    tracks.mkdir()
    rows = 30
    PoseTrack(
        timestamps_s=np.arange(rows) / 5.0,
        keypoints_px=np.full((rows, COUNT, 2), 60.0),
        confidence=np.full((rows, COUNT), 0.9),
        frame_size=(160, 120),
        source=str(video),
    ).save(tracks / "clip.npz")
    analysis = {**contract(), "recorded_on": "2026-05-20"}
    analysis["video"]["path"] = str(video)
    analyses = tmp_path / "results.jsonl"
    analyses.write_text(json.dumps(analysis))
    base = ["report", "--born", "2025-09-01", "--today", "2026-06-01", str(analyses)]
    with_tracks = CliRunner().invoke(
        cli, [*base, "--tracks", str(tracks), "-o", str(tmp_path / "a.pdf")]
    )
    assert with_tracks.exit_code == 0, with_tracks.output
    assert "Forward, 5 s into the video" in pdf_text(tmp_path / "a.pdf")
    without = CliRunner().invoke(cli, [*base, "-o", str(tmp_path / "b.pdf")])
    assert without.exit_code == 0, without.output
    assert "pass --tracks" in pdf_text(tmp_path / "b.pdf")
