from pathlib import Path

import pyarrow.csv as pa_csv
import pyarrow.parquet as pq
from batch_samples import BORN, failed, outcome

from crawlcoach.batch.tables import write_tables

VIDEO_COLUMNS_START = ["video_key", "path", "participant", "born", "due", "recorded_on"]


def test_three_tables_with_a_row_per_video_bout_and_limb(tmp_path: Path) -> None:
    outcomes = [
        outcome("a.mp4", "a" * 24, participant="P1", born=BORN, columns={"site": "Lyon"}),
        failed("bad.mp4"),
        outcome("b.mp4", "b" * 24, participant="P2", columns={"site": "Oslo", "crawling": "yes"}),
    ]
    counts = write_tables(outcomes, tmp_path)
    assert counts == {"videos": 3, "bouts": 4, "limbs": 8}

    videos = pq.read_table(tmp_path / "videos.parquet").to_pylist()
    assert list(videos[0])[:6] == VIDEO_COLUMNS_START
    # Extra manifest columns are carried; one named like a column of ours gets a prefix.
    assert [v["site"] for v in videos] == ["Lyon", None, "Oslo"]
    assert videos[2]["manifest_crawling"] == "yes" and videos[2]["crawling"] is True
    a, bad, _ = videos
    assert a["born"] == BORN and a["participant"] == "P1"
    assert a["dominant_direction"] == "forward" and a["direction_certainty"] == "high"
    assert a["forward_s"] == 2.48 and a["bouts"] == 2
    assert (a["left_arm_used"], a["left_leg_used"], a["right_leg_used"]) == (True, False, None)
    assert a["limbs_used"] == 2 and a["asymmetry_flag"] is True
    assert a["assessment_verdict"] == "watch" and a["error_kind"] is None
    # A failed video has its error and no measures (null, not "not crawling").
    assert bad["error_kind"] == "not_a_video" and "not a video" in bad["error_message"]
    assert bad["crawling"] is None and bad["dominant_direction"] is None and bad["bouts"] is None

    bouts = pq.read_table(tmp_path / "bouts.parquet").to_pylist()
    assert [(b["video_key"][0], b["bout"], b["direction"]) for b in bouts] == [
        ("a", 0, "backward"),
        ("a", 1, "forward"),
        ("b", 0, "backward"),
        ("b", 1, "forward"),
    ]
    assert bouts[1]["duration_s"] == 2.48 and bouts[1]["style"] == "hands_and_knees"

    limbs = pq.read_table(tmp_path / "limbs.parquet").to_pylist()
    assert [(r["limb"], r["side"], r["kind"]) for r in limbs[:2]] == [
        ("left_arm", "left", "arm"),
        ("right_arm", "right", "arm"),
    ]

    # The CSVs hold the same rows and columns for software that does not read Parquet.
    for name, rows in (("videos", 3), ("bouts", 4), ("limbs", 8)):
        csv_table = pa_csv.read_csv(tmp_path / f"{name}.csv")
        parquet = pq.read_table(tmp_path / f"{name}.parquet")
        assert csv_table.num_rows == rows and csv_table.column_names == parquet.column_names


def test_an_empty_collection_writes_empty_tables_with_their_columns(tmp_path: Path) -> None:
    assert write_tables([], tmp_path) == {"videos": 0, "bouts": 0, "limbs": 0}
    assert "dominant_direction" in pq.read_table(tmp_path / "videos.parquet").column_names
