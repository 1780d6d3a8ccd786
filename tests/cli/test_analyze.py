import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from crawlcoach.cli import cli

CLIP = "ucf101-dev/v_BabyCrawling_g04_c02.avi"


def run(*args: str):
    return CliRunner().invoke(cli, ["analyze", *args])


def test_jsonl_has_one_line_per_video_even_when_all_fail(tmp_path: Path) -> None:
    bad = tmp_path / "bad.mov"
    bad.write_bytes(b"\x00" * 100)
    result = run(str(tmp_path / "missing.mp4"), str(bad), "--format", "jsonl")
    assert result.exit_code == 1
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [Path(line["video"]["path"]).name for line in lines] == ["missing.mp4", "bad.mov"]
    assert [line["error"]["kind"] for line in lines] == ["file_not_found", "not_a_video"]


def test_text_names_the_file_and_the_problem(tmp_path: Path) -> None:
    result = run(str(tmp_path / "missing.mp4"))
    assert result.exit_code == 1
    assert "missing.mp4" in result.stdout
    assert "could not analyse" in result.stdout


def test_a_wrong_date_is_refused_before_any_work(tmp_path: Path) -> None:
    result = run(str(tmp_path / "x.mp4"), "--born", "14/03/2026")
    assert result.exit_code == 2
    assert "YEAR-MONTH-DAY" in result.output


def test_due_without_born_is_refused(tmp_path: Path) -> None:
    result = run(str(tmp_path / "x.mp4"), "--due", "2026-03-14")
    assert result.exit_code == 2
    assert "--born" in result.output


@pytest.mark.clips
def test_json_for_one_real_clip_is_one_object(clips_dir: Path) -> None:
    result = run(str(clips_dir / CLIP), "--format", "json")
    assert result.exit_code == 0, result.output
    analysis = json.loads(result.stdout)
    assert analysis["schema"] == "crawlcoach.analysis/1"
    assert analysis["error"] is None
