"""Read and validate the guidance data files; every problem names the file and the entry.

The bundled files are read once per process (:func:`load_content` without a directory); a
directory argument reads a copy fresh, which is how tests check broken files.
"""

from __future__ import annotations

import functools
import string
import tomllib
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, cast

from crawlcoach.guidance.content import (
    Activity,
    CdcItem,
    Content,
    ReasonTemplate,
    Source,
    Texts,
    TummyTime,
    Window,
)
from crawlcoach.guidance.errors import GuidanceContentError
from crawlcoach.guidance.vocabulary import (
    LEVELS,
    OBSERVATIONS,
    PLACEHOLDERS,
    REQUIRED_CDC_ITEMS,
    REQUIRED_EXPLANATIONS,
    REQUIRED_REASONS,
    REQUIRED_RED_FLAGS,
    REQUIRED_WINDOWS,
    SITUATIONS,
    Level,
)

DATA_DIR = Path(__file__).parent / "data"
FILES = ("sources.toml", "norms.toml", "red_flags.toml", "activities.toml", "texts.toml")
MAX_MONTHS = 72.0


def load_content(directory: str | Path | None = None) -> Content:
    """The guidance content: the bundled files (cached), or those in ``directory``."""
    if directory is None:
        return _load_bundled()
    return _load(Path(directory))


@functools.cache
def _load_bundled() -> Content:
    return _load(DATA_DIR)


class _Entry:
    """One table of a data file, read field by field; unknown fields are an error (typos)."""

    def __init__(self, path: Path, where: str, table: Any) -> None:
        self.path, self.where = path, where
        if not isinstance(table, dict):
            self.fail("expected a table of fields")
        self.table: dict[str, Any] = table
        self.seen: set[str] = set()

    def fail(self, problem: str) -> None:
        raise GuidanceContentError(f"{self.path}: {self.where}: {problem}")

    def _get(self, key: str, optional: bool) -> Any:
        self.seen.add(key)
        if key not in self.table:
            if optional:
                return None
            self.fail(f"missing field '{key}'")
        return self.table[key]

    def text(self, key: str, optional: bool = False) -> str:
        value = self._get(key, optional)
        if value is None and optional:
            return ""
        if not isinstance(value, str) or not value.strip():
            self.fail(f"field '{key}' must be a non-empty string")
        _check_placeholders(self, key, value)
        return cast(str, value).strip()

    def number(self, key: str, optional: bool = False) -> float | None:
        value = self._get(key, optional)
        if value is None and optional:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.fail(f"field '{key}' must be a number")
        return float(value)

    def months(self, key: str, optional: bool = False) -> float | None:
        value = self.number(key, optional)
        if value is not None and not 0.0 <= value <= MAX_MONTHS:
            self.fail(f"field '{key}' = {value} is not an age between 0 and {MAX_MONTHS:g} months")
        return value

    def flag(self, key: str, default: bool) -> bool:
        value = self._get(key, optional=True)
        if value is None:
            return default
        if not isinstance(value, bool):
            self.fail(f"field '{key}' must be true or false")
        return cast(bool, value)

    def texts(self, key: str) -> tuple[str, ...]:
        value = self._get(key, optional=False)
        if not isinstance(value, list) or not value:
            self.fail(f"field '{key}' must be a non-empty list of strings")
        for item in value:
            if not isinstance(item, str) or not item.strip():
                self.fail(f"field '{key}' must hold only non-empty strings")
            _check_placeholders(self, key, item)
        return tuple(item.strip() for item in value)

    def choice(self, key: str, allowed: Iterable[str]) -> str:
        value = self.text(key)
        if value not in allowed:
            self.fail(f"field '{key}' = '{value}' is not one of: {', '.join(allowed)}")
        return value

    def sources(self, known: Mapping[str, Source]) -> tuple[str, ...]:
        ids = self.texts("sources")
        for source_id in ids:
            if source_id not in known:
                self.fail(
                    f"unknown source id '{source_id}' (add it to sources.toml, or use one of: "
                    f"{', '.join(sorted(known))})"
                )
        return ids

    def done(self) -> None:
        unknown = sorted(set(self.table) - self.seen)
        if unknown:
            self.fail(f"unknown field(s) {', '.join(unknown)}")


def _check_placeholders(entry: _Entry, key: str, text: str) -> None:
    try:
        names = {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    except ValueError as err:
        entry.fail(f"field '{key}' has a broken {{placeholder}} ({err}); write {{{{ for a brace")
    unknown = names - PLACEHOLDERS
    if unknown:
        entry.fail(
            f"field '{key}' uses unknown placeholder(s) {', '.join(sorted(unknown))}; "
            f"allowed: {', '.join(sorted(PLACEHOLDERS))}"
        )


def _read(directory: Path, name: str) -> tuple[Path, dict[str, Any]]:
    path = directory / name
    if not path.is_file():
        raise GuidanceContentError(f"{path}: guidance data file not found")
    try:
        return path, tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
        raise GuidanceContentError(f"{path}: not valid TOML: {err}") from err


def _entries(path: Path, data: dict[str, Any], key: str) -> list[_Entry]:
    """The ``[[key]]`` array of tables, each named by its id (or position) for errors."""
    tables = data.get(key)
    if not isinstance(tables, list) or not tables:
        raise GuidanceContentError(f"{path}: expected one or more [[{key}]] tables")
    entries: list[_Entry] = []
    ids: set[str] = set()
    for number, table in enumerate(tables, start=1):
        entry_id = table.get("id") if isinstance(table, dict) else None
        name = f"{key} '{entry_id}'" if isinstance(entry_id, str) else f"{key} #{number}"
        entry = _Entry(path, name, table)
        entry_id = entry.text("id")
        if entry_id in ids:
            entry.fail("duplicate id")
        ids.add(entry_id)
        entries.append(entry)
    return entries


def _table(path: Path, data: dict[str, Any], key: str) -> _Entry:
    if key not in data:
        raise GuidanceContentError(f"{path}: missing table [{key}]")
    return _Entry(path, f"[{key}]", data[key])


def _check_top_level(path: Path, data: dict[str, Any], allowed: set[str]) -> None:
    unknown = sorted(set(data) - allowed)
    if unknown:
        raise GuidanceContentError(f"{path}: unknown top-level key(s) {', '.join(unknown)}")


def _require(path: Path, what: str, have: Iterable[str], needed: Iterable[str]) -> None:
    missing = sorted(set(needed) - set(have))
    if missing:
        raise GuidanceContentError(f"{path}: missing {what} the rules need: {', '.join(missing)}")


def _load(directory: Path) -> Content:
    sources = _load_sources(*_read(directory, "sources.toml"))
    windows, never_crawled, crawling_sources, cdc, tummy = _load_norms(
        *_read(directory, "norms.toml"), sources
    )
    red_flags = _load_red_flags(*_read(directory, "red_flags.toml"), sources)
    activities = _load_activities(*_read(directory, "activities.toml"), sources)
    texts, reasons = _load_texts(*_read(directory, "texts.toml"), sources)
    overlap = sorted(set(reasons) & set(red_flags))
    if overlap:
        raise GuidanceContentError(
            f"{directory / 'texts.toml'}: reason id(s) {', '.join(overlap)} also defined in "
            "red_flags.toml; give each reason one home"
        )
    return Content(
        sources=sources,
        windows=windows,
        never_crawled_percent=never_crawled,
        crawling_sources=crawling_sources,
        cdc_items=cdc,
        tummy_time=tummy,
        red_flags=red_flags,
        reasons={**reasons, **red_flags},
        activities=activities,
        texts=texts,
    )


def _load_sources(path: Path, data: dict[str, Any]) -> dict[str, Source]:
    _check_top_level(path, data, {"source"})
    sources: dict[str, Source] = {}
    for entry in _entries(path, data, "source"):
        url = entry.text("url", optional=True) or None
        if url is not None and not url.startswith("https://"):
            entry.fail(f"field 'url' = '{url}' must start with https://")
        source = Source(
            id=entry.text("id"),
            citation=entry.text("citation"),
            short=entry.text("short"),
            url=url,
            secondary=entry.flag("secondary", default=False),
        )
        entry.text("note", optional=True)  # for maintainers: what the source supports
        entry.done()
        sources[source.id] = source
    return sources


def _load_norms(
    path: Path, data: dict[str, Any], sources: Mapping[str, Source]
) -> tuple[dict[str, Window], float, tuple[str, ...], tuple[CdcItem, ...], TummyTime]:
    _check_top_level(path, data, {"window", "crawling", "cdc_item", "tummy_time"})
    windows: dict[str, Window] = {}
    for entry in _entries(path, data, "window"):
        window = Window(
            id=entry.text("id"),
            milestone=entry.text("milestone"),
            p1_months=cast(float, entry.months("p1_months")),
            p99_months=cast(float, entry.months("p99_months")),
            sources=entry.sources(sources),
        )
        if window.p1_months >= window.p99_months:
            entry.fail(
                f"bad age range: p1_months ({window.p1_months:g}) must be below "
                f"p99_months ({window.p99_months:g})"
            )
        entry.done()
        windows[window.id] = window
    _require(path, "window(s)", windows, REQUIRED_WINDOWS)

    crawling = _table(path, data, "crawling")
    never_crawled = cast(float, crawling.number("never_crawled_percent"))
    if not 0.0 <= never_crawled <= 100.0:
        crawling.fail("field 'never_crawled_percent' must be a percentage (0-100)")
    crawling_sources = crawling.sources(sources)
    crawling.done()

    cdc: list[CdcItem] = []
    for entry in _entries(path, data, "cdc_item"):
        cdc.append(
            CdcItem(
                id=entry.text("id"),
                months=cast(float, entry.months("months")),
                text=entry.text("text"),
                sources=entry.sources(sources),
            )
        )
        entry.done()
    _require(path, "cdc_item(s)", (item.id for item in cdc), REQUIRED_CDC_ITEMS)

    tummy_entry = _table(path, data, "tummy_time")
    tummy = TummyTime(
        minutes_per_day=int(cast(float, tummy_entry.number("minutes_per_day"))),
        max_restrained_minutes=int(cast(float, tummy_entry.number("max_restrained_minutes"))),
        sources=tummy_entry.sources(sources),
    )
    tummy_entry.done()
    cdc_by_age = tuple(sorted(cdc, key=lambda item: item.months))
    return windows, never_crawled, crawling_sources, cdc_by_age, tummy


def _reason(
    entry: _Entry, sources: Mapping[str, Source], *, reason_id: str | None = None
) -> ReasonTemplate:
    """A reason from texts.toml (``reason_id`` given) or a red flag (its own ``id`` field)."""
    red_flag = reason_id is None
    reason = ReasonTemplate(
        id=entry.text("id") if reason_id is None else reason_id,
        level=cast(Level, entry.choice("level", LEVELS)),
        text=entry.text("text"),
        sources=entry.sources(sources),
        by_months=entry.months("by_months", optional=True) if red_flag else None,
        watch_for=(entry.text("watch_for", optional=True) or None) if red_flag else None,
    )
    if reason.level == "talk_to_doctor" and all(sources[s].secondary for s in reason.sources):
        entry.fail(
            "a talk_to_doctor reason needs at least one primary source (all cited sources are "
            "marked secondary); lower its level to watch or cite a primary source"
        )
    entry.done()
    return reason


def _load_red_flags(
    path: Path, data: dict[str, Any], sources: Mapping[str, Source]
) -> dict[str, ReasonTemplate]:
    _check_top_level(path, data, {"red_flag"})
    flags = {}
    for entry in _entries(path, data, "red_flag"):
        flag = _reason(entry, sources)
        flags[flag.id] = flag
    _require(path, "red flag(s)", flags, REQUIRED_RED_FLAGS)
    return flags


def _load_activities(
    path: Path, data: dict[str, Any], sources: Mapping[str, Source]
) -> tuple[Activity, ...]:
    _check_top_level(path, data, {"activity"})
    activities: list[Activity] = []
    for entry in _entries(path, data, "activity"):
        activity = Activity(
            id=entry.text("id"),
            title=entry.text("title"),
            why=entry.text("why"),
            steps=entry.texts("steps"),
            min_months=cast(float, entry.months("min_months")),
            max_months=cast(float, entry.months("max_months")),
            situations=entry.texts("situations"),
            safety=entry.texts("safety"),
            sources=entry.sources(sources),
        )
        if activity.min_months >= activity.max_months:
            entry.fail(
                f"bad age range: min_months ({activity.min_months:g}) must be below "
                f"max_months ({activity.max_months:g})"
            )
        for situation in activity.situations:
            if situation not in SITUATIONS:
                entry.fail(
                    f"targets unknown situation '{situation}'; known situations: "
                    f"{', '.join(SITUATIONS)}"
                )
        entry.done()
        activities.append(activity)
    targeted = {s for a in activities for s in a.situations}
    untargeted = [s for s in SITUATIONS if s not in targeted]
    if untargeted:
        raise GuidanceContentError(
            f"{path}: no activity targets situation(s) {', '.join(untargeted)}; every situation "
            "needs at least one activity"
        )
    return tuple(activities)


def _keyed_texts(path: Path, data: dict[str, Any], key: str, keys: Iterable[str]) -> dict[str, str]:
    """A table of strings that must hold exactly ``keys``."""
    entry = _table(path, data, key)
    wanted = list(keys)
    values = {name: entry.text(name) for name in wanted}
    entry.done()
    return values


def _load_texts(
    path: Path, data: dict[str, Any], sources: Mapping[str, Source]
) -> tuple[Texts, dict[str, ReasonTemplate]]:
    _check_top_level(
        path,
        data,
        {
            "general",
            "verdicts",
            "situations",
            "observations",
            "explanation",
            "watch_for",
            "reasons",
        },
    )
    general = _table(path, data, "general")
    disclaimer = general.text("disclaimer")
    film_tips = general.text("film_tips")
    film_again = general.text("film_again")
    coming_up = general.text("coming_up")
    general.done()

    watch_entry = _table(path, data, "watch_for")
    allowed = ("always", *SITUATIONS)
    for name in watch_entry.table:
        if name not in allowed:
            watch_entry.fail(
                f"unknown situation '{name}'; use 'always' or one of: {', '.join(SITUATIONS)}"
            )
    watch_for = {name: watch_entry.texts(name) for name in list(watch_entry.table)}
    if "always" not in watch_for:
        watch_entry.fail("missing field 'always'")

    reasons_table = data.get("reasons")
    if not isinstance(reasons_table, dict):
        raise GuidanceContentError(f"{path}: missing table [reasons]")
    reasons = {}
    for reason_id, table in reasons_table.items():
        entry = _Entry(path, f"reason '{reason_id}'", table)
        reason = _reason(entry, sources, reason_id=reason_id)
        reasons[reason_id] = reason
    _require(path, "reason(s)", reasons, REQUIRED_REASONS)

    texts = Texts(
        disclaimer=disclaimer,
        film_tips=film_tips,
        film_again=film_again,
        coming_up=coming_up,
        verdicts=_keyed_texts(path, data, "verdicts", LEVELS),
        situations=_keyed_texts(path, data, "situations", SITUATIONS),
        observations=_keyed_texts(path, data, "observations", OBSERVATIONS),
        explanation=_keyed_texts(path, data, "explanation", REQUIRED_EXPLANATIONS),
        watch_for=watch_for,
    )
    return texts, reasons
