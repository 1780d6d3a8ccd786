"""``crawlcoach batch`` as a user runs it: usage errors, and a run killed midway then restarted
(a real subprocess, SIGKILLed with its workers, as a cluster scheduler or a power cut would)."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from crawlcoach.cli import cli

CRAWLCOACH = Path(sys.executable).parent / "crawlcoach"
CLIPS = (
    "v_BabyCrawling_g02_c05.avi",
    "v_BabyCrawling_g02_c04.avi",
    "v_BabyCrawling_g02_c01.avi",
)


def run(*args: str):
    return CliRunner().invoke(cli, ["batch", *args])


def test_a_bad_manifest_is_refused_before_any_work(tmp_path: Path) -> None:
    manifest = tmp_path / "study.csv"
    manifest.write_text("path,born\na.mp4,14/03/2025\n")
    result = run(str(manifest), "--out", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert "row 2, column 'born'" in result.output and "YEAR-MONTH-DAY" in result.output
    assert not (tmp_path / "out" / "results").exists() or not any(
        (tmp_path / "out" / "results").iterdir()
    )


def test_address_needs_the_ray_engine(tmp_path: Path) -> None:
    result = run(str(tmp_path), "--out", str(tmp_path / "out"), "--address", "auto")
    assert result.exit_code == 2 and "--engine ray" in result.output


def test_a_collection_without_readable_videos_reports_each_and_exits_1(tmp_path: Path) -> None:
    text = tmp_path / "notes.mp4"
    text.write_text("not a video")
    result = run(str(text), str(tmp_path / "missing.mp4"), "--out", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert "2 video(s): 0 analysed, 2 failed" in result.stdout
    assert "missing.mp4: no such file" in result.stdout
    assert "notes.mp4 is not a video file" in result.stdout
    summary = json.loads((tmp_path / "out" / "summary.json").read_text())
    assert [f["kind"] for f in summary["failures"]] == ["not_a_video", "file_not_found"]


def _default_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def start_and_stop_after_first_result(
    command: list[str], out: Path, how: signal.Signals
) -> subprocess.Popen:
    """Start ``command`` in its own process group; send ``how`` to the group (driver and
    workers, as a terminal's Ctrl-C or a scheduler would) once a result is stored."""
    process = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
        # As under a terminal: an ignored SIGINT is inherited across exec, and something earlier
        # in a full test run leaves this process ignoring it (the batch then ran on to exit 0).
        preexec_fn=_default_sigint,
    )
    results = out / "results"
    deadline = time.monotonic() + 240
    try:
        while not (results.is_dir() and any(results.glob("*.json"))):
            assert process.poll() is None, process.communicate()
            assert time.monotonic() < deadline, "no result appeared"
            time.sleep(0.05)
        os.killpg(process.pid, how)
        process.wait(60)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(30)
    return process


def copy_clips(clips_dir: Path, folder: Path) -> Path:
    folder.mkdir()
    for name in CLIPS:
        shutil.copy(clips_dir / "ucf101-dev" / name, folder / name)
    return folder


@pytest.mark.clips
@pytest.mark.slow
def test_ctrl_c_stops_and_leaves_tables_of_what_was_finished(
    clips_dir: Path, tmp_path: Path
) -> None:
    videos = copy_clips(clips_dir, tmp_path / "videos")
    out = tmp_path / "out"
    command = [str(CRAWLCOACH), "batch", str(videos), "--out", str(out), "--workers", "1"]
    stopped = start_and_stop_after_first_result(command, out, signal.SIGINT)
    assert stopped.returncode == 130, stopped.stderr.read()
    assert "run the same command again" in stopped.stderr.read()
    stored = len(list((out / "results").glob("*.json")))
    assert len((out / "analyses.jsonl").read_text().splitlines()) == stored < len(CLIPS)
    assert json.loads((out / "summary.json").read_text())["done"] == stored


@pytest.mark.clips
@pytest.mark.slow
def test_a_run_killed_midway_resumes_without_duplicates(clips_dir: Path, tmp_path: Path) -> None:
    videos = copy_clips(clips_dir, tmp_path / "videos")
    out = tmp_path / "out"
    command = [str(CRAWLCOACH), "batch", str(videos), "--out", str(out), "--workers", "1"]

    # One worker, three clips: kill the whole process group once the first result is stored.
    start_and_stop_after_first_result(command, out, signal.SIGKILL)
    results = out / "results"
    kept = {p.name for p in results.glob("*.json")}
    assert 1 <= len(kept) < len(CLIPS), "the kill came too late to test a resume"

    second = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert second.returncode == 0, second.stdout + second.stderr
    summary = json.loads((out / "summary.json").read_text())
    assert summary["skipped"] == len(kept)
    assert summary["done"] == len(CLIPS) - len(kept) and summary["failed"] == 0
    assert kept <= {p.name for p in results.glob("*.json")}
    assert len(list(results.glob("*.json"))) == len(CLIPS)
    assert not list(results.glob(".*.tmp"))
    lines = [json.loads(line) for line in (out / "analyses.jsonl").read_text().splitlines()]
    assert sorted(Path(a["video"]["path"]).name for a in lines) == sorted(CLIPS)
    assert len({a["batch"]["key"] for a in lines}) == len(CLIPS)
