import shutil
from pathlib import Path

from crawlcoach.batch.filecache import FileCache
from crawlcoach.batch.inputs import collect


def test_folders_are_searched_recursively_and_files_recognised_by_content(
    tmp_path: Path, make_video
) -> None:
    videos = tmp_path / "videos"
    (videos / "b").mkdir(parents=True)
    shutil.move(make_video("one.mp4", seconds=0.5), videos / "b" / "one.MOV")
    shutil.move(make_video("two.mp4", seconds=0.5), videos / "no_extension")
    (videos / "notes.mp4").write_text("not a video\n")
    (videos / "empty.avi").write_bytes(b"")
    (videos / ".DS_Store").write_bytes(b"\x00\x01")
    cache = FileCache(tmp_path / "out" / "files.jsonl")

    found = collect([videos], cache)

    assert [i.path for i in found.items] == [videos / "b" / "one.MOV", videos / "no_extension"]
    assert all(i.duration_s > 0 for i in found.items)
    assert sorted(p.name for p in found.not_videos) == ["empty.avi", "notes.mp4"]


def test_files_named_directly_are_kept_even_when_not_videos_and_listed_once(
    tmp_path: Path, make_video
) -> None:
    video = make_video("clip.mp4", seconds=0.5)
    text = tmp_path / "notes.mp4"
    text.write_text("hello")
    manifest = tmp_path / "m.csv"
    manifest.write_text("path,participant\nclip.mp4,P1\nmissing.mp4,P2\n")

    found = collect([manifest, video, text, tmp_path / "gone.mp4"], FileCache(tmp_path / "c"))

    assert [i.path.name for i in found.items] == [
        "clip.mp4",
        "missing.mp4",
        "notes.mp4",
        "gone.mp4",
    ]
    assert found.items[0].participant == "P1"  # the manifest came first: its row wins
    assert found.not_videos == []


def test_the_output_folder_inside_an_input_is_not_searched(tmp_path: Path, make_video) -> None:
    make_video("clip.mp4", seconds=0.5)
    out = tmp_path / "results"
    (out / "tracks").mkdir(parents=True)
    shutil.copy(tmp_path / "clip.mp4", out / "tracks" / "copy.mp4")

    found = collect([tmp_path], FileCache(tmp_path / "c.jsonl"), exclude=[out])

    assert [i.path.name for i in found.items] == ["clip.mp4"]
