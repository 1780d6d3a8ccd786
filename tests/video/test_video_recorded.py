"""The recording date read from a video's metadata, as phones write it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from crawlcoach.video.recorded import parse_moment, recorded_at, recorded_at_from_tags


def test_mp4_creation_time_is_read(make_video) -> None:
    path = make_video("phone.mp4", metadata={"creation_time": "2025-03-04T18:30:00.000000Z"})
    assert recorded_at(path) == datetime(2025, 3, 4, 18, 30, tzinfo=UTC)


def test_quicktime_creationdate_keeps_its_offset_and_wins(make_video) -> None:
    path = make_video(
        "iphone.mov",
        metadata={
            "com.apple.quicktime.creationdate": "2025-03-04T19:30:00+0100",
            "creation_time": "2025-03-09T10:00:00.000000Z",  # rewritten when trimmed
        },
        options={"movflags": "use_metadata_tags"},
    )
    moment = recorded_at(path)
    assert moment == datetime(2025, 3, 4, 19, 30, tzinfo=timezone(timedelta(hours=1)))
    assert moment is not None and moment.utcoffset() == timedelta(hours=1)


def test_a_video_without_a_date_gives_none(make_video) -> None:
    assert recorded_at(make_video("plain.mp4")) is None


def test_a_file_that_is_no_video_gives_none(tmp_path: Path) -> None:
    path = tmp_path / "notes.mp4"
    path.write_text("not a video")
    assert recorded_at(path) is None
    assert recorded_at(tmp_path / "missing.mp4") is None


def test_stream_tags_count_when_the_container_has_none() -> None:
    tags = [{}, {"creation_time": "2024-12-01T08:00:00Z"}]
    assert recorded_at_from_tags(tags) == datetime(2024, 12, 1, 8, tzinfo=UTC)


@pytest.mark.parametrize(
    "text", ["", "yesterday", "1904-01-01T00:00:00.000000Z", "1970-01-01T00:00:00Z", "2025-13-01"]
)
def test_unset_or_garbled_dates_are_ignored(text: str) -> None:
    assert parse_moment(text) is None


def test_a_naive_date_is_read_as_utc() -> None:
    assert parse_moment("2025-01-02 03:04:05") == datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC)
