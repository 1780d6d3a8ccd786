import hashlib
from dataclasses import replace
from datetime import date
from pathlib import Path

from crawlcoach import __version__
from crawlcoach.batch.item import WorkItem
from crawlcoach.batch.keys import analysis_fingerprint, analysis_settings, content_hash, item_key
from crawlcoach.parameters import AnalysisParams


def test_the_content_hash_is_the_sha256_of_the_bytes(tmp_path: Path) -> None:
    data = bytes(range(256)) * 9000  # over two read chunks
    path = tmp_path / "v.bin"
    path.write_bytes(data)
    assert content_hash(path) == hashlib.sha256(data).hexdigest()


def test_the_key_changes_with_every_setting_that_changes_results() -> None:
    settings = analysis_settings(15.0, 640, "blazepose")
    assert settings["crawlcoach"] == __version__
    plain = WorkItem(path=Path("a.mp4")).assessment_inputs()
    base = item_key("abc", settings, plain)
    assert item_key("abc", analysis_settings(15.0, 640, "blazepose"), plain) == base
    others = [
        item_key("abd", settings, plain),
        item_key("abc", analysis_settings(10.0, 640, "blazepose"), plain),
        item_key("abc", analysis_settings(15.0, 480, "blazepose"), plain),
        item_key("abc", {**settings, "crawlcoach": "9.9"}, plain),
        item_key("abc", settings, WorkItem(Path("a"), born=date(2025, 1, 1)).assessment_inputs()),
        item_key("abc", settings, WorkItem(Path("a"), observations=("x",)).assessment_inputs()),
    ]
    assert base not in others and len(set(others)) == len(others)
    # The path is not part of the key: a copy of the same video is the same analysis.
    assert item_key("abc", settings, WorkItem(path=Path("b.mp4")).assessment_inputs()) == base


def test_the_key_changes_with_the_analysis_itself() -> None:
    """A changed parameter or packaged model changes what the analysis says, though the package
    version stays: stored results must not be reused then."""
    settings = analysis_settings(15.0, 640, "blazepose")
    assert settings["analysis"] == analysis_fingerprint() == analysis_fingerprint(AnalysisParams())
    base = AnalysisParams()
    changed = replace(base, mixed=replace(base.mixed, depth_trend_decides=0.02))
    assert analysis_fingerprint(changed) != analysis_fingerprint()
    tracker = replace(base, tracker=replace(base.tracker, upright_check_s=0.0))
    assert analysis_fingerprint(tracker) not in (
        analysis_fingerprint(),
        analysis_fingerprint(changed),
    )
