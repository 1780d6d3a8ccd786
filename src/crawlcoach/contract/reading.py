"""Reading JSON values back into the contract's records: the checks every field goes through.

A ``Reader`` walks one object, notes each value that is missing or of the wrong kind (with its
place, e.g. ``locomotion.seconds.forward``) and hands back a harmless stand-in, so that one pass
names everything that is wrong; ``Reader.done`` then raises one ``ContractError`` listing it all.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from enum import StrEnum
from typing import Any, TypeVar

from crawlcoach.errors import CrawlcoachError

E = TypeVar("E", bound=StrEnum)


class ContractError(CrawlcoachError, ValueError):
    """A value that is not a ``crawlcoach analyze`` object, or a broken one.

    ``problems`` says each thing that is wrong, where it is, and what was expected.
    """

    kind = "not_an_analysis"

    def __init__(self, problems: list[str]) -> None:
        self.problems = tuple(problems)
        super().__init__("; ".join(self.problems))


def show(value: Any) -> str:
    """A value as a message quotes it, cut short when long."""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


class Reader:
    """One JSON object of an analysis, at ``path`` (``""``: the analysis itself)."""

    def __init__(
        self, value: Any, path: str = "", problems: list[str] | None = None, *, report: bool = True
    ) -> None:
        """``report=False``: a part already reported missing, read silently as nothing."""
        self.path = path
        self.problems: list[str] = [] if problems is None else problems
        self.ok = isinstance(value, Mapping)
        self.data: Mapping[str, Any] = value if isinstance(value, Mapping) else {}
        if not self.ok and report:
            where = path or "the analysis"
            self.problems.append(f"{where} is {show(value)}, expected a JSON object")

    def done(self) -> None:
        """Raise the one ``ContractError`` when anything read so far was wrong."""
        if self.problems:
            raise ContractError(self.problems)

    def where(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def wrong(self, key: str, value: Any, expected: str) -> None:
        self.problems.append(f"{self.where(key)} is {show(value)}, expected {expected}")

    def has(self, key: str) -> bool:
        """The key is there and not null (added fields are absent from older analyses)."""
        return self.data.get(key) is not None

    def _get(self, key: str, expected: str) -> tuple[bool, Any]:
        if not self.ok:
            return False, None  # the object itself was already reported
        if key not in self.data:
            self.problems.append(f"{self.where(key)} is missing, expected {expected}")
            return False, None
        return True, self.data[key]

    def object(self, key: str) -> Reader:
        found, value = self._get(key, "a JSON object")
        return Reader(value, self.where(key), self.problems, report=found)

    def number(self, key: str, low: float | None = None, high: float | None = None) -> float:
        expected = _range(low, high)
        found, value = self._get(key, expected)
        if not found:
            return 0.0
        if not is_number(value) or not _within(value, low, high):
            self.wrong(key, value, expected)
            return 0.0
        return value  # type: ignore[no-any-return]  # as given: an int stays an int in the JSON

    def number_or_null(
        self, key: str, low: float | None = None, high: float | None = None
    ) -> float | None:
        found, value = self._get(key, _range(low, high) + " or null")
        if not found or value is None:
            return None
        if not is_number(value) or not _within(value, low, high):
            self.wrong(key, value, _range(low, high) + " or null")
            return None
        return value  # type: ignore[no-any-return]

    def optional_number(
        self, key: str, low: float | None = None, high: float | None = None
    ) -> float | None:
        """A field added after the first analyses were stored: None when absent or null."""
        return self.number(key, low, high) if self.has(key) else None

    def integer(self, key: str) -> int:
        found, value = self._get(key, "a whole number")
        if not found:
            return 0
        if not isinstance(value, int) or isinstance(value, bool):
            self.wrong(key, value, "a whole number")
            return 0
        return value

    def optional_integer(self, key: str) -> int | None:
        return self.integer(key) if self.has(key) else None

    def flag(self, key: str) -> bool:
        found, value = self._get(key, "true or false")
        if not found:
            return False
        if not isinstance(value, bool):
            self.wrong(key, value, "true or false")
            return False
        return value

    def flag_or_null(self, key: str) -> bool | None:
        found, value = self._get(key, "true, false or null")
        if not found or value is None:
            return None
        if not isinstance(value, bool):
            self.wrong(key, value, "true, false or null")
            return None
        return value

    def text(self, key: str) -> str:
        found, value = self._get(key, "a string")
        if not found:
            return ""
        if not isinstance(value, str):
            self.wrong(key, value, "a string")
            return ""
        return value

    def choice(self, key: str, words: type[E]) -> E | None:
        expected = "one of: " + ", ".join(w.value for w in words)
        found, value = self._get(key, expected)
        if not found:
            return None
        if not isinstance(value, str) or value not in words._value2member_map_:
            self.wrong(key, value, expected)
            return None
        return words(value)

    def texts(self, key: str) -> tuple[str, ...]:
        found, value = self._get(key, "a list of strings")
        if not found:
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.wrong(key, value, "a list of strings")
            return ()
        return tuple(value)

    def objects(self, key: str) -> list[Reader]:
        found, value = self._get(key, "a list of JSON objects")
        if not found:
            return []
        if not isinstance(value, list):
            self.wrong(key, value, "a list of JSON objects")
            return []
        return [Reader(v, f"{self.where(key)}[{i}]", self.problems) for i, v in enumerate(value)]

    def numbers_by_name(self, key: str) -> dict[str, float] | None:
        """An optional object of numbers (e.g. ``coordination.phase_deg``)."""
        if not self.has(key):
            return None
        value = self.data[key]
        if not isinstance(value, Mapping) or not all(is_number(v) for v in value.values()):
            self.wrong(key, value, "a JSON object of numbers")
            return None
        return dict(value)

    def object_or_null(self, key: str) -> Mapping[str, Any] | None:
        """A JSON object kept as it is (``assessment``), or null."""
        found, value = self._get(key, "a JSON object or null")
        if not found or value is None:
            return None
        if not isinstance(value, Mapping):
            self.wrong(key, value, "a JSON object or null")
            return None
        return value

    def optional_date(self, key: str) -> date | None:
        if not self.has(key):
            return None
        value = self.data[key]
        try:
            return date.fromisoformat(value)
        except (TypeError, ValueError):
            self.wrong(key, value, "a date written YYYY-MM-DD")
            return None


def is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _within(value: float, low: float | None, high: float | None) -> bool:
    return (low is None or value >= low) and (high is None or value <= high)


def _range(low: float | None, high: float | None) -> str:
    if low is not None and high is not None:
        return f"a number from {low:g} to {high:g}"
    if low is not None:
        return f"a number of at least {low:g}"
    return "a number"
