import json
import multiprocessing
from pathlib import Path

import pytest

from crawlcoach.batch.store import ResultStore, hold_folder, write_atomically
from crawlcoach.errors import CrawlcoachError


def test_a_result_is_written_whole_and_read_back(tmp_path: Path) -> None:
    store = ResultStore(tmp_path)
    store.put("k1", {"analysis": {"schema": "x"}})
    assert store.get("k1")["analysis"] == {"schema": "x"}
    assert store.get("k1")["key"] == "k1"
    assert store.get("missing") is None
    assert [p.name for p in (tmp_path / "results").iterdir()] == ["k1.json"]


def test_a_damaged_result_file_counts_as_not_done(tmp_path: Path) -> None:
    store = ResultStore(tmp_path)
    (tmp_path / "results" / "k2.json").write_text('{"analysis": ')
    assert store.get("k2") is None


def test_leftover_temporary_files_are_swept(tmp_path: Path) -> None:
    store = ResultStore(tmp_path)
    leftover = tmp_path / "results" / ".k3.json.abc.tmp"
    leftover.write_text("{")
    store.sweep()
    assert not leftover.exists()


def test_an_atomic_write_replaces_the_old_content(tmp_path: Path) -> None:
    target = tmp_path / "t.json"
    write_atomically(target, json.dumps([1]))
    write_atomically(target, json.dumps([2]))
    assert json.loads(target.read_text()) == [2]
    assert [p.name for p in tmp_path.iterdir()] == ["t.json"]


def _hold_and_report(out: str, ready, release) -> None:  # runs in another process
    with hold_folder(Path(out)):
        ready.set()
        release.wait(30)


def test_two_runs_cannot_write_to_one_folder_at_once(tmp_path: Path) -> None:
    context = multiprocessing.get_context("spawn")
    ready, release = context.Event(), context.Event()
    other = context.Process(target=_hold_and_report, args=(str(tmp_path), ready, release))
    other.start()
    try:
        assert ready.wait(60)
        with (
            pytest.raises(CrawlcoachError, match="Another crawlcoach batch is writing"),
            hold_folder(tmp_path),
        ):
            pass
    finally:
        release.set()
        other.join(30)
    with hold_folder(tmp_path):  # free again once the other run ended
        pass
