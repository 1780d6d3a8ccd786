import csv
import io
from pathlib import Path

from batch_samples import analysis

from crawlcoach.batch.boris import COLUMNS, boris_events


def test_each_bout_is_a_state_event_with_start_and_stop(tmp_path: Path) -> None:
    text = boris_events(
        "a-1234", Path("/v/a.mp4"), analysis(), subject="P1", recorded_on="2026-01-05"
    )
    reader = csv.DictReader(io.StringIO(text))
    rows = list(reader)
    assert tuple(reader.fieldnames) == COLUMNS
    assert [(r["Time"], r["Behavior"], r["Behavior type"]) for r in rows] == [
        ("0.000", "backward", "START"),
        ("0.800", "backward", "STOP"),  # a STOP goes before the START at the same time
        ("0.800", "forward", "START"),
        ("3.280", "forward", "STOP"),
    ]
    assert {r["Subject"] for r in rows} == {"P1"}
    assert [r["Modifier #1"] for r in rows[:3:2]] == ["belly", "hands_and_knees"]
    assert rows[2]["Comment"] == "confidence 0.55"
    assert rows[0]["Observation id"] == "a-1234" and rows[0]["Media file name"] == "/v/a.mp4"
    assert rows[0]["Observation date"] == "2026-01-05" and rows[0]["FPS"] == "25.000"


def test_without_a_participant_the_subject_is_the_baby() -> None:
    rows = list(csv.DictReader(io.StringIO(boris_events("x", Path("x.mp4"), analysis()))))
    assert {r["Subject"] for r in rows} == {"baby"}
