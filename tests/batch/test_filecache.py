import os
from pathlib import Path

from crawlcoach.batch.filecache import FileCache


def test_facts_are_reused_until_the_file_changes(tmp_path: Path, make_video) -> None:
    video = make_video("clip.mp4", seconds=0.5)
    store = tmp_path / "state" / "files.jsonl"
    first = FileCache(store)
    digest, probed = first.sha256(video), first.probe(video)
    assert probed.video_error is None and probed.duration_s > 0

    # A new run reads the facts back; with the bytes swapped behind its back (same size and
    # time), it trusts them: that is what makes a rerun over terabytes quick.
    st = video.stat()
    video.write_bytes(b"x" * st.st_size)
    os.utime(video, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert FileCache(store).sha256(video) == digest
    assert FileCache(store).probe(video) == probed

    # A changed modification time is a changed file.
    os.utime(video, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))
    again = FileCache(store)
    assert again.sha256(video) != digest
    assert again.probe(video).video_error == "not_a_video"


def test_a_line_cut_short_by_a_kill_is_ignored(tmp_path: Path, make_video) -> None:
    video = make_video("clip.mp4", seconds=0.5)
    store = tmp_path / "files.jsonl"
    digest = FileCache(store).sha256(video)
    with store.open("a") as handle:
        handle.write('{"file": "/x", "sha2')
    assert FileCache(store).sha256(video) == digest
