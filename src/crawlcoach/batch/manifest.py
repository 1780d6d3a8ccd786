"""A CSV manifest: one row per video, column ``path`` plus what the lab knows about each video.

Known columns flow into the analysis and its assessment (``participant``, ``born``, ``due``,
``recorded_on``, ``observations``); every other column is carried into the tables as given."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from crawlcoach.errors import CrawlcoachError

PATH_COLUMN = "path"
DATE_COLUMNS = ("born", "due", "recorded_on")
KNOWN_COLUMNS = (PATH_COLUMN, "participant", *DATE_COLUMNS, "observations")
_SNIFF_BYTES = 64 * 1024
_OBSERVATION_SEPARATORS = (";", "|", ",")


class ManifestError(CrawlcoachError):
    kind = "bad_manifest"


@dataclass(frozen=True)
class ManifestRow:
    path: Path  # relative paths are taken from the manifest's folder
    row: int  # line number in the file (header is line 1), for messages
    participant: str | None
    born: date | None
    due: date | None
    recorded_on: date | None
    observations: tuple[str, ...]
    columns: dict[str, str]  # every column but ``path``, as written (names lower-cased)


def looks_like_manifest(path: Path) -> bool:
    """A text file whose first line is a CSV header with a ``path`` column (judged by content,
    so a manifest named ``videos.txt`` works and a video named ``x.csv`` is not taken for one)."""
    try:
        with path.open("rb") as handle:
            head = handle.read(_SNIFF_BYTES)
    except OSError:
        return False
    if not head or b"\x00" in head:
        return False
    try:
        text = head.decode("utf-8-sig")
    except UnicodeDecodeError:
        return False
    first_line = text.splitlines()[0] if text.splitlines() else ""
    return PATH_COLUMN in _header(first_line)


def read_manifest(path: Path) -> list[ManifestRow]:
    """Every row, checked: bad dates, unknown observations and empty paths are reported with the
    row and column before any video is touched."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ManifestError(f"{path}: the manifest cannot be read ({exc}).") from exc
    lines = text.splitlines()
    if not lines:
        raise ManifestError(
            f"{path}: the manifest is empty; it needs a header with a 'path' column."
        )
    dialect = _dialect(lines[0])
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    reader.fieldnames = [name.strip().lower() for name in reader.fieldnames or []]
    if PATH_COLUMN not in reader.fieldnames:
        raise ManifestError(
            f"{path}: the manifest has no 'path' column (its columns: "
            f"{', '.join(reader.fieldnames)}). Add a column 'path' with one video file per row."
        )
    duplicates = {n for n in reader.fieldnames if reader.fieldnames.count(n) > 1}
    if duplicates:
        raise ManifestError(f"{path}: the column(s) {', '.join(sorted(duplicates))} appear twice.")
    rows = []
    for number, raw in enumerate(reader, start=2):
        values = {k: (v or "").strip() for k, v in raw.items() if k is not None}
        if not any(values.values()):
            continue  # blank line
        rows.append(_row(path, number, values))
    return rows


def _row(manifest: Path, number: int, values: dict[str, str]) -> ManifestRow:
    where = f"{manifest}, row {number}"
    video = values.get(PATH_COLUMN, "")
    if not video:
        raise ManifestError(f"{where}: the 'path' column is empty; give the video file's path.")
    dates = {column: _date(values.get(column, ""), where, column) for column in DATE_COLUMNS}
    if dates["due"] is not None and dates["born"] is None:
        raise ManifestError(f"{where}: a due date needs the birth date too (column 'born').")
    observations = _observations(values.get("observations", ""), where)
    if observations and dates["born"] is None:
        raise ManifestError(f"{where}: observations need the birth date too (column 'born').")
    if dates["born"] is not None:
        _check_age(dates["born"], dates["due"], dates["recorded_on"], where)
    video_path = Path(video).expanduser()
    if not video_path.is_absolute():
        video_path = manifest.parent / video_path
    return ManifestRow(
        path=video_path,
        row=number,
        participant=values.get("participant") or None,
        born=dates["born"],
        due=dates["due"],
        recorded_on=dates["recorded_on"],
        observations=observations,
        columns={k: v for k, v in values.items() if k != PATH_COLUMN},
    )


def _date(value: str, where: str, column: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ManifestError(
            f"{where}, column '{column}': {value!r} is not a date; write it as YEAR-MONTH-DAY, "
            "for example 2026-03-14."
        ) from None


def _observations(value: str, where: str) -> tuple[str, ...]:
    from crawlcoach.guidance import parse_observations

    if not value:
        return ()
    for separator in _OBSERVATION_SEPARATORS:
        value = value.replace(separator, " ")
    try:
        return tuple(parse_observations(value.split()))
    except CrawlcoachError as exc:
        raise ManifestError(f"{where}, column 'observations': {exc.message}") from None


def _check_age(born: date, due: date | None, recorded_on: date | None, where: str) -> None:
    from crawlcoach.guidance import age_from_dates

    try:
        age_from_dates(born, due, today=recorded_on or date.today())
    except CrawlcoachError as exc:
        raise ManifestError(f"{where}: {exc.message}") from None


def _dialect(header_line: str) -> type[csv.Dialect] | csv.Dialect:
    try:
        return csv.Sniffer().sniff(header_line, delimiters=",;\t")
    except csv.Error:
        return csv.excel


def _header(line: str) -> list[str]:
    row = next(csv.reader([line], dialect=_dialect(line)), [])
    return [name.strip().lower() for name in row]
