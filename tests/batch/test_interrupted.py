"""Ctrl-C at the worst moment: just after a result is stored, before its video is recorded.
The tables written on the way out still show every stored result (the CLI's Ctrl-C test hit
this window once: one result stored, an empty analyses.jsonl)."""

from __future__ import annotations

import json
import os
import signal
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from crawlcoach import contract
from crawlcoach.batch import BatchSettings, run_batch
from crawlcoach.batch import run as batch_run
from crawlcoach.batch.item import Job, JobDone
from crawlcoach.batch.store import ResultStore


class OneAtATime:
    """Stands in for a worker pool: answers each job at once (nobody in these videos)."""

    name = "scripted"
    workers = 1

    def __enter__(self) -> OneAtATime:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def run(self, jobs: Sequence[Job]) -> Iterator[JobDone]:
        for job in jobs:
            failed = contract.failed_analysis(job.path, "no_baby_found", "nobody there", 0.1)
            yield JobDone(job, failed, "host:1")


@pytest.fixture
def ctrl_c_interrupts() -> Iterator[None]:
    """Ctrl-C raises KeyboardInterrupt, as in a terminal: something earlier in a full test run
    leaves this process ignoring SIGINT (tests/cli/test_batch.py meets the same), and the batch
    then rightly runs on."""
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


@pytest.mark.usefixtures("ctrl_c_interrupts")
def test_ctrl_c_after_a_result_is_stored_keeps_it_in_the_tables(
    make_video, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    videos = tmp_path / "videos"
    videos.mkdir()
    for i in range(3):
        make_video(f"videos/v{i}.mp4", seconds=0.5 + 0.2 * i)  # three different videos
    monkeypatch.setattr(batch_run, "open_engine", lambda *a, **k: OneAtATime())
    put = ResultStore.put
    stored_keys = []

    def put_then_ctrl_c(store, key, record) -> None:  # type: ignore[no-untyped-def]
        put(store, key, record)
        stored_keys.append(key)
        if len(stored_keys) == 1:
            os.kill(os.getpid(), signal.SIGINT)  # pressed right after the first result is stored

    monkeypatch.setattr(ResultStore, "put", put_then_ctrl_c)
    out = tmp_path / "out"
    with pytest.raises(KeyboardInterrupt):
        run_batch([videos], out, BatchSettings(exports=False))
    stored = list((out / "results").glob("*.json"))
    rows = (out / "analyses.jsonl").read_text().splitlines()
    assert len(stored) == len(rows) == 1
    assert json.loads(rows[0])["error"]["kind"] == "no_baby_found"
    summary = json.loads((out / "summary.json").read_text())
    assert summary["done"] + summary["failed"] == 1
