"""Reading ``crawlcoach analyze`` output back from a file given to ``assess --analysis``.

Anything the file may hold is refused with one line that says it is not an analysis: binary data,
JSON nested past any analysis, numbers no analysis holds, objects of another program.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

from crawlcoach import contract

# An analysis is a few levels deep and its numbers are seconds, pixels and counts: a number this
# long, or JSON nested this deep, cannot come from `crawlcoach analyze`. (Python's own limits,
# 4300 digits and ~1000 levels, surface as crashes, not as messages.)
MAX_NUMBER_CHARS = 40
MAX_DEPTH = 32
WRITTEN_BY = "Give a file written by 'crawlcoach analyze --format json' or '--format jsonl'."


class NotAnAnalysis(ValueError):
    """The file is not a crawlcoach analysis; the message says why, in one line."""


def read_analyses(path: Path) -> list[dict[str, Any]]:
    """Analyses from a file: one JSON object, a JSON list of them, or JSON lines."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise _refusal(path, f"it cannot be read ({exc.strerror})") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _refusal(path, "it is binary data, not JSON text") from None
    if "\x00" in text:
        raise _refusal(path, "it is binary data, not JSON text")
    if not text.strip():
        raise _refusal(path, "it is empty")
    try:
        data = _parse(text)
    except json.JSONDecodeError:
        data = [_parse_line(path, number, line) for number, line in _lines(text)]
    except _Unreadable as exc:
        raise _refusal(path, str(exc)) from None
    items = data if isinstance(data, list) else [data]
    if not items:
        raise _refusal(path, "it holds an empty list")
    for position, item in enumerate(items, start=1):
        where = f"item {position}" if len(items) > 1 else "it"
        _check_item(path, where, item)
    return items


class _Unreadable(ValueError):
    pass


def _lines(text: str) -> list[tuple[int, str]]:
    return [(n, line) for n, line in enumerate(text.splitlines(), start=1) if line.strip()]


def _parse_line(path: Path, number: int, line: str) -> Any:
    try:
        return _parse(line)
    except json.JSONDecodeError as err:
        raise _refusal(path, f"line {number} is not JSON ({err.msg})") from None
    except _Unreadable as exc:
        raise _refusal(path, f"line {number}: {exc}") from None


def _parse(text: str) -> Any:
    if _depth_exceeds(text, MAX_DEPTH):  # before json.loads, which recurses per level
        raise _Unreadable(f"its JSON is nested more than {MAX_DEPTH} levels deep")
    return json.loads(text, parse_int=_int, parse_float=_float, parse_constant=_constant)


def _depth_exceeds(text: str, limit: int) -> bool:
    """Whether brackets outside strings nest deeper than ``limit`` (a quick scan, no parse)."""
    depth, in_string, escaped = 0, False, False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > limit:
                return True
        elif char in "]}":
            depth -= 1
    return False


def _int(text: str) -> int:
    if len(text) > MAX_NUMBER_CHARS:
        raise _Unreadable(f"it holds a {len(text.lstrip('-'))}-digit number")
    return int(text)


def _float(text: str) -> float:
    value = float(text) if len(text) <= MAX_NUMBER_CHARS else math.inf
    if not math.isfinite(value):
        raise _Unreadable(f"it holds the number {text[:20]}, too large for any measurement")
    return value


def _constant(name: str) -> float:
    raise _Unreadable(f"it holds {name}, which is not a number an analysis can hold")


def _check_item(path: Path, where: str, item: Any) -> None:
    if not isinstance(item, dict):
        raise _refusal(path, f"{where} is a JSON {_json_kind(item)}, not an analysis object")
    schema = item.get("schema")
    if schema is None:
        raise _refusal(path, f"{where} has no 'schema' field (every analysis has one)")
    if schema != contract.SCHEMA:
        shown = json.dumps(schema)[:60]
        raise _refusal(path, f"{where} has 'schema' {shown}, not {contract.SCHEMA!r}")


def _json_kind(value: Any) -> str:
    names = {list: "list", str: "string", bool: "true/false", type(None): "null"}
    return names.get(type(value), "number")


def _refusal(path: Path, why: str) -> NotAnAnalysis:
    return NotAnAnalysis(f"{path} is not a crawlcoach analysis: {why}. {WRITTEN_BY}")
