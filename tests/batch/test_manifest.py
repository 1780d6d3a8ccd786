from datetime import date
from pathlib import Path

import pytest

from crawlcoach.batch.manifest import ManifestError, looks_like_manifest, read_manifest


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_rows_carry_known_and_extra_columns_with_paths_from_the_manifest_folder(
    tmp_path: Path,
) -> None:
    manifest = write(
        tmp_path / "study.csv",
        "path,Participant,born,due,recorded_on,observations,site,visit\n"
        "clips/a.mp4,P01,2025-06-01,2025-07-01,2026-02-10,one_side_less;moves_backward,Lyon,2\n"
        "/abs/b.mov,P02,,,,,Oslo,1\n"
        "\n",
    )
    rows = read_manifest(manifest)
    assert [r.path for r in rows] == [tmp_path / "clips" / "a.mp4", Path("/abs/b.mov")]
    first, second = rows
    assert first.participant == "P01"
    assert (first.born, first.due, first.recorded_on) == (
        date(2025, 6, 1),
        date(2025, 7, 1),
        date(2026, 2, 10),
    )
    assert first.observations == ("one_side_less", "moves_backward")
    assert first.columns["site"] == "Lyon" and first.columns["visit"] == "2"
    assert "path" not in first.columns
    assert second.born is None and second.observations == ()


def test_semicolon_separated_manifests_from_european_spreadsheets_work(tmp_path: Path) -> None:
    manifest = write(tmp_path / "m.csv", "path;participant\nx.mp4;P9\n")
    assert read_manifest(manifest)[0].participant == "P9"


@pytest.mark.parametrize(
    ("row", "says"),
    [
        ("a.mp4,14/03/2025,,", "row 2, column 'born': '14/03/2025' is not a date"),
        ("a.mp4,,2025-01-01,", "a due date needs the birth date"),
        ("a.mp4,2025-01-01,,flies", "column 'observations': 'flies' is not an observation"),
        (",2025-01-01,,", "the 'path' column is empty"),
    ],
)
def test_a_bad_row_is_refused_naming_the_row_and_column(tmp_path: Path, row: str, says: str):
    manifest = write(tmp_path / "m.csv", f"path,born,due,observations\n{row}\n")
    with pytest.raises(ManifestError, match=says.replace("(", r"\(")) as caught:
        read_manifest(manifest)
    assert str(manifest) in caught.value.message


def test_a_birth_after_the_recording_is_refused(tmp_path: Path) -> None:
    manifest = write(tmp_path / "m.csv", "path,born,recorded_on\na.mp4,2026-05-01,2026-01-01\n")
    with pytest.raises(ManifestError, match="row 2: The birth date 2026-05-01 is after"):
        read_manifest(manifest)


def test_without_a_path_column_it_says_which_columns_it_found(tmp_path: Path) -> None:
    manifest = write(tmp_path / "m.csv", "file,born\na.mp4,2025-01-01\n")
    assert not looks_like_manifest(manifest)
    with pytest.raises(ManifestError, match=r"no 'path' column \(its columns: file, born\)"):
        read_manifest(manifest)


def test_a_manifest_is_recognised_by_content_not_by_name(tmp_path: Path, make_video) -> None:
    assert looks_like_manifest(write(tmp_path / "videos.txt", "\ufeffPath,participant\na.mp4,P1\n"))
    video = make_video("clip.mp4", seconds=0.5).rename(tmp_path / "clip.csv")
    assert not looks_like_manifest(video)
    assert not looks_like_manifest(write(tmp_path / "plain.csv", "a,b\n1,2\n"))
