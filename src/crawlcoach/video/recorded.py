"""When a video was filmed, from its container's metadata (not the file's dates, which change on
every copy).

Phones write it in two tags: ``creation_time`` (MP4/MOV, UTC, on the container or its streams)
and QuickTime's ``com.apple.quicktime.creationdate`` (iPhones, with the local offset). The Apple
tag is preferred: ``creation_time`` is rewritten by some editors when a clip is trimmed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from pathlib import Path

from crawlcoach.video.errors import VideoError
from crawlcoach.video.opening import open_video

TAGS = ("com.apple.quicktime.creationdate", "creation_time")
# Containers store "no date" as zero seconds since their epoch (1904 for QuickTime, 1970 for
# others); no phone video was filmed before this.
EARLIEST_PLAUSIBLE = datetime(1990, 1, 1, tzinfo=UTC)


def recorded_at(path: Path) -> datetime | None:
    """The moment ``path`` was filmed (timezone-aware), or None when its metadata does not say
    or the file cannot be read."""
    try:
        container, _ = open_video(path)
    except VideoError:
        return None
    try:
        tag_sets = [container.metadata, *(s.metadata for s in container.streams)]
    finally:
        container.close()
    return recorded_at_from_tags(tag_sets)


def recorded_at_from_tags(tag_sets: Iterable[Mapping[str, str]]) -> datetime | None:
    """The first plausible recording moment among the tags, the Apple tag first."""
    tag_sets = list(tag_sets)
    for tag in TAGS:
        for tags in tag_sets:
            moment = parse_moment(tags.get(tag, ""))
            if moment is not None:
                return moment
    return None


def parse_moment(text: str) -> datetime | None:
    """An ISO 8601 timestamp as phones write it ("2025-03-04T18:30:00.000000Z",
    "2025-03-04T19:30:00+0100"); naive ones are read as UTC. None when not a plausible date."""
    text = text.strip()
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    if moment < EARLIEST_PLAUSIBLE:
        return None
    return moment
