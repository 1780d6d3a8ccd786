"""A real batch on the local process pool: real clips, files that are not videos, a manifest,
then a rerun. One run serves several tests (starting workers and the pose model takes seconds)."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from crawlcoach import contract
from crawlcoach.batch import BatchSettings, run_batch
from crawlcoach.batch.summary import Summary

pytestmark = [pytest.mark.clips, pytest.mark.slow]

SETTINGS = BatchSettings(workers=2, today=date(2026, 3, 1))


@pytest.fixture(scope="module")
def inputs(collection: Path, tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The collection folder, then a manifest with two copies of its first clip: one with a
    birth date (a new analysis, with an assessment), one without (the same analysis as a.avi)."""
    lab = tmp_path_factory.mktemp("lab")
    (lab / "copies").mkdir()
    for name in ("a_assessed.avi", "a_again.avi"):
        shutil.copy(collection / "a.avi", lab / "copies" / name)
    manifest = lab / "study.csv"
    manifest.write_text(
        "path,participant,born,recorded_on,site\n"
        "copies/a_assessed.avi,P01,2025-03-01,2026-01-10,Lyon\n"
        "copies/a_again.avi,P01,,,Lyon\n"
    )
    return [collection, manifest]


@pytest.fixture(scope="module")
def first(inputs: list[Path], tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Summary]:
    out = tmp_path_factory.mktemp("out")
    return out, run_batch(inputs, out, SETTINGS)


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines()]


def test_every_video_gets_a_result_and_bad_files_do_not_stop_the_batch(first) -> None:
    out, summary = first
    assert (summary.videos, summary.done, summary.failed, summary.skipped) == (6, 5, 1, 0)
    assert summary.not_a_video == 2  # the empty file and the text file in junk/
    assert [(Path(f.path).name, f.kind) for f in summary.failures] == [
        ("cut_off.avi", "video_damaged")
    ]
    # Video time tried counts each analysis once: a_again.avi shares a.avi's.
    analyses = read_jsonl(out / "analyses.jsonl")
    once = {a["batch"]["key"]: a["video"]["duration_s"] for a in analyses}
    assert summary.video_seconds == pytest.approx(sum(once.values())) and summary.throughput > 0
    written = json.loads((out / "summary.json").read_text())
    assert written["done"] == 5 and written["failures"][0]["kind"] == "video_damaged"
    assert written["throughput_video_s_per_s"] > 0 and written["workers"] == 2
    # Copies of one video with the same inputs share one analysis (one result file).
    assert len(list((out / "results").glob("*.json"))) == 5


def test_analyses_are_contract_objects_in_input_order(first, collection: Path) -> None:
    out, _ = first
    analyses = read_jsonl(out / "analyses.jsonl")
    assert [Path(a["video"]["path"]).name for a in analyses] == [
        "a.avi",
        "cut_off.avi",
        "b.avi",
        "c_no_extension",
        "a_assessed.avi",
        "a_again.avi",
    ]
    assert all(contract.check(a) == [] for a in analyses)
    a, damaged, *_, assessed, again = analyses
    assert damaged["error"]["kind"] == "video_damaged"
    assert a["error"] is None and a["locomotion"]["bouts"]
    assert again["locomotion"] == a["locomotion"] and again["batch"]["key"] == a["batch"]["key"]
    assert assessed["assessment"]["verdict"] in ("typical", "watch", "talk_to_doctor")
    assert assessed["recorded_on"] == "2026-01-10"  # for `crawlcoach assess --analysis`
    assert assessed["batch"]["participant"] == "P01"
    assert a["assessment"] is None


def test_the_tables_have_their_columns_and_a_row_per_video_bout_and_limb(first) -> None:
    out, summary = first
    analyses = read_jsonl(out / "analyses.jsonl")
    videos = pq.read_table(out / "videos.parquet")
    bouts = pq.read_table(out / "bouts.parquet")
    limbs = pq.read_table(out / "limbs.parquet")
    assert videos.num_rows == 6
    assert bouts.num_rows == sum(len(a["locomotion"]["bouts"]) for a in analyses) > 0
    assert limbs.num_rows == 4 * 5  # every analysed video, four limbs; none for the damaged one
    assert summary.tables == {"videos": 6, "bouts": bouts.num_rows, "limbs": 20}
    expected = {
        "video_key", "participant", "site", "content_sha256", "pose_coverage", "usable",
        "dominant_direction", "direction_certainty", "dominant_style", "forward_s", "limbs_used",
        "symmetry_index", "asymmetry_flag", "coordination_pattern", "assessment_verdict",
        "error_kind", "error_message",
    }  # fmt: skip
    assert expected <= set(videos.column_names)
    rows = videos.to_pylist()
    assert rows[4]["participant"] == "P01" and rows[4]["site"] == "Lyon"
    assert rows[4]["born"] == date(2025, 3, 1) and rows[4]["assessment_verdict"] is not None
    assert rows[1]["error_kind"] == "video_damaged" and rows[1]["dominant_direction"] is None
    assert set(bouts.column_names) >= {"video_key", "start_s", "end_s", "direction", "style",
                                       "confidence"}  # fmt: skip
    for name in ("videos", "bouts", "limbs"):
        assert (out / f"{name}.csv").stat().st_size > 0


def test_coders_get_an_elan_and_a_boris_file_per_analysed_video(first) -> None:
    out, _ = first
    assert len(list((out / "elan").glob("*.eaf"))) == 5
    assert len(list((out / "boris").glob("*.csv"))) == 5
    assert any(p.name.startswith("a_assessed-") for p in (out / "elan").iterdir())


def test_a_rerun_skips_everything_and_rebuilds_the_same_outputs(first, inputs) -> None:
    out, _ = first
    before = (out / "analyses.jsonl").read_text()
    again = run_batch(inputs, out, SETTINGS)
    assert (again.done, again.failed, again.skipped) == (0, 0, 6)
    assert again.workers == 0  # no engine was started
    assert [f.this_run for f in again.failures] == [False]
    assert (out / "analyses.jsonl").read_text() == before
    assert pq.read_table(out / "videos.parquet").num_rows == 6
