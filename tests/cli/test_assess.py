"""``crawlcoach assess`` end to end with click's runner."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from crawlcoach.cli import cli
from crawlcoach.guidance import OBSERVATIONS


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, ["assess", *args])


def analysis(direction: str, recorded_on: str, left_leg_used: bool = True) -> dict[str, Any]:
    used = {"left_arm": True, "right_arm": True, "left_leg": left_leg_used, "right_leg": True}
    return {
        "schema": "crawlcoach.analysis/1",
        "recorded_on": recorded_on,
        "video": {
            "path": f"{recorded_on}.mp4",
            "duration_s": 10.0,
            "fps": 30.0,
            "width": 640,
            "height": 360,
        },
        "quality": {"pose_coverage": 0.9, "usable": True, "problems": []},
        "locomotion": {
            "crawling": True,
            "dominant_direction": direction,
            "dominant_style": "hands_and_knees",
            "seconds": {"forward": 1.0, "backward": 5.0, "pivoting": 0.0, "stationary": 2.0},
            "bouts": [],
        },
        "limbs": {
            **{k: {"used": v} for k, v in used.items()},
            "symmetry_index": 0.1 if left_leg_used else 0.6,
            "asymmetry_flag": not left_leg_used,
        },
        "coordination": {"pattern": "diagonal"},
        "assessment": None,
        "error": None,
        "timing": {"analysis_s": 2.0},
    }


def write(path: Path, data: Any) -> str:
    path.write_text(json.dumps(data))
    return str(path)


def test_text_summary_from_the_age_alone() -> None:
    result = run("--born", "2024-01-01", "--today", "2024-10-01")
    assert result.exit_code == 0, result.output
    out = result.output
    assert out.startswith("Age: 9.0 months")
    assert "This looks like ordinary development" in out
    for heading in ("Why", "What we saw", "Play for this week", "What to watch for", "Sources"):
        assert f"\n{heading}" in out
    assert "WHO Motor Development Study" in out
    assert "knows your child" in out


def test_json_gives_the_contract_assessment() -> None:
    result = run(
        "--born",
        "2024-01-01",
        "--due",
        "2024-03-01",
        "--today",
        "2024-12-01",
        "--report",
        "moves_backward",
        "--report",
        "on_hands_and_knees",
        "--format",
        "json",
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["verdict"] == "typical"
    assert data["age_months"] == pytest.approx(11.0, abs=0.05)
    assert data["corrected_age_months"] == pytest.approx(9.0, abs=0.05)
    assert 3 <= len(data["activities"]) <= 5
    assert any("WHO crawling milestone" in r for r in data["reasons"])
    assert data["observations"] == ["moves_backward", "on_hands_and_knees"]


def test_reports_may_be_comma_separated() -> None:
    result = run(
        "--born",
        "2024-01-01",
        "--today",
        "2024-10-01",
        "--report",
        "lost_skills, stiff",
        "--format",
        "json",
    )
    data = json.loads(result.output)
    assert data["verdict"] == "talk_to_doctor"
    assert data["observations"] == ["lost_skills", "stiff"]


def test_analyses_over_time_from_files(tmp_path: Path) -> None:
    first = write(tmp_path / "a.json", analysis("backward", "2024-09-01", left_leg_used=False))
    lines = tmp_path / "b.jsonl"
    lines.write_text(json.dumps(analysis("backward", "2024-09-20", left_leg_used=False)) + "\n")
    result = run(
        "--born",
        "2024-01-01",
        "--today",
        "2024-09-21",
        "--analysis",
        first,
        "--analysis",
        str(lines),
        "--format",
        "json",
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["verdict"] == "talk_to_doctor"
    assert data["reason_details"][0]["id"] == "one_side_persistent"
    assert data["videos"] == {"given": 2, "used": 2}
    assert data["activities"][0] == "reach_both_sides"


def test_a_json_list_of_analyses(tmp_path: Path) -> None:
    both = write(
        tmp_path / "all.json", [analysis("backward", "2024-09-01"), analysis("mixed", "2024-09-20")]
    )
    result = run("--born", "2024-01-01", "--today", "2024-09-21", "--analysis", both)
    assert result.exit_code == 0, result.output
    assert "In the latest video (2024-09-20) your baby moved both forward and backward" in (
        result.output.replace("\n  ", " ")
    )


def test_an_unknown_observation_is_a_usage_error() -> None:
    result = run("--born", "2024-01-01", "--report", "sneezes")
    assert result.exit_code == 2
    assert "'sneezes' is not an observation" in result.output


def test_the_help_lists_the_observations() -> None:
    result = run("--help")
    assert result.exit_code == 0
    assert all(word in result.output for word in OBSERVATIONS)


FOREIGN = "is not a crawlcoach analysis"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        pytest.param("{not json", "line 1 is not JSON", id="not-json"),
        pytest.param("[1, 2]", "item 1 is a JSON number, not an analysis object", id="numbers"),
        pytest.param("[]", "it holds an empty list", id="empty-list"),
        pytest.param("", "it is empty", id="empty"),
        pytest.param(b"\x89PNG\r\n\x1a\n\x00\xff\xfe", "binary data", id="binary"),
        pytest.param(b'{"a": 1}\x00', "binary data", id="nul"),
        pytest.param("[" * 100_000 + "]" * 100_000, "nested more than", id="deep"),
        pytest.param(
            '{"schema": "crawlcoach.analysis/1", "n": ' + "7" * 5000 + "}",
            "a 5000-digit number",
            id="5000-digits",
        ),
        pytest.param(
            '{"schema": "crawlcoach.analysis/1", "locomotion": {"seconds": '
            '{"forward": 1' + "0" * 400 + "}}}",
            "a 401-digit number",
            id="10**400",
        ),
        pytest.param(
            '{"schema": "crawlcoach.analysis/1", "locomotion": {"seconds": {"forward": 1e400}}}',
            "1e400, too large",
            id="1e400",
        ),
        pytest.param('{"schema": "crawlcoach.analysis/1", "x": NaN}', "NaN", id="nan"),
        pytest.param('{"foo": 1}', "it has no 'schema' field", id="foreign-object"),
        pytest.param('{"schema": "other.tool/3"}', "has 'schema' \"other.tool/3\"", id="schema"),
        pytest.param(
            json.dumps(analysis("forward", "2024-09-01")) + "\n[1]\n",
            "item 2 is a JSON list",
            id="jsonl-with-a-list",
        ),
    ],
)
def test_files_that_are_not_analyses_are_refused_in_one_line(
    tmp_path: Path, content: str | bytes, message: str
) -> None:
    path = tmp_path / "odd.json"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content)
    result = run("--born", "2024-01-01", "--today", "2024-10-01", "--analysis", str(path))
    assert result.exit_code == 2, result.output
    error = result.output.splitlines()[-1]
    assert error.startswith("Error: Invalid value for '--analysis': ")
    assert f"odd.json {FOREIGN}" in error and message in error
    assert "Traceback" not in result.output


def test_a_value_outside_the_contract_names_it(tmp_path: Path) -> None:
    odd = analysis("forward", "2024-09-01")
    odd["locomotion"]["dominant_direction"] = "sideways"
    result = run(
        "--born",
        "2024-01-01",
        "--today",
        "2024-10-01",
        "--analysis",
        write(tmp_path / "odd.json", odd),
    )
    assert result.exit_code == 2
    assert "'sideways'" in result.output


def test_a_missing_analysis_file_is_refused(tmp_path: Path) -> None:
    result = run("--born", "2024-01-01", "--analysis", str(tmp_path / "nope.json"))
    assert result.exit_code == 2
    assert "nope.json" in result.output
