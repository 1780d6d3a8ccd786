"""Fixtures for the batch tests: a few short real clips, files that are not videos, and one
real batch run over them that several tests read (each run starts worker processes: seconds)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

CLIPS = Path(__file__).resolve().parents[2].parent / "shared" / "clips"

# The three shortest development clips (3.4-4.4 s): enough for real bouts and limbs, quick.
SHORT_CLIPS = (
    "v_BabyCrawling_g02_c05.avi",
    "v_BabyCrawling_g02_c04.avi",
    "v_BabyCrawling_g02_c01.avi",
)


@pytest.fixture(scope="session")
def short_clips(clips_dir: Path) -> list[Path]:
    return [clips_dir / "ucf101-dev" / name for name in SHORT_CLIPS]


def write_bad_files(folder: Path, clip: Path | None = None) -> dict[str, Path]:
    """An empty file, a text file named like a video, and (given a real clip) a cut-off copy."""
    folder.mkdir(parents=True, exist_ok=True)
    bad = {"empty": folder / "empty.mp4", "text": folder / "notes.mp4"}
    bad["empty"].write_bytes(b"")
    bad["text"].write_text("nappies, wipes, a new bib\n")
    if clip is not None:
        bad["truncated"] = folder / "cut_off.avi"
        bad["truncated"].write_bytes(clip.read_bytes()[:4096])
    return bad


@pytest.fixture(scope="session")
def collection(tmp_path_factory: pytest.TempPathFactory, short_clips: list[Path]) -> Path:
    """A folder as a lab would have it: two clips (one in a subfolder), a clip without an
    extension, and files that are not videos."""
    root = tmp_path_factory.mktemp("collection")
    shutil.copy(short_clips[0], root / "a.avi")
    (root / "site2").mkdir()
    shutil.copy(short_clips[1], root / "site2" / "b.avi")
    shutil.copy(short_clips[2], root / "site2" / "c_no_extension")
    write_bad_files(root / "junk", short_clips[0])
    (root / ".hidden.avi").write_bytes(short_clips[0].read_bytes())
    return root


@pytest.fixture
def engine_videos(make_video) -> tuple[list[Path], bool]:
    """Two short real clips when the footage is there, else two small generated videos (nobody
    in them: each comes back ``no_baby_found``, which still goes through the whole engine).
    Returns (videos, real)."""
    if (CLIPS / "ucf101-dev" / "labels.csv").exists():
        return [CLIPS / "ucf101-dev" / name for name in SHORT_CLIPS[:2]], True
    return [make_video(f"generated{i}.mp4", seconds=1.0) for i in range(2)], False
