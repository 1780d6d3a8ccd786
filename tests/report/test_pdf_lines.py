"""The report's table says left and right in the word list's words, never the bare index."""

from __future__ import annotations

import pytest

from crawlcoach import words
from crawlcoach.contract import Analysis
from crawlcoach.report.pdf import video_line


def _analysis(index: float | None, flag: bool) -> dict[str, object]:
    result = Analysis.failed("a.mp4", "x", "y", 0.0).to_dict()
    result["error"] = None
    result["limbs"]["symmetry_index"] = index  # type: ignore[index]
    result["limbs"]["asymmetry_flag"] = flag  # type: ignore[index]
    return result


@pytest.mark.parametrize(
    ("index", "flag", "balance"),
    [(0.87, False, "even"), (0.41, True, "uneven"), (None, False, "unknown")],
)
def test_left_and_right_in_words(index: float | None, flag: bool, balance: str) -> None:
    line = video_line(_analysis(index, flag), None, "a")
    assert line.symmetry == words.sides(balance)["label"]  # type: ignore[arg-type]
    assert "0." not in line.symmetry
