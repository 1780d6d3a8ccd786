"""The words people see for the analysis's values (``words.toml``), checked against the vocabulary.

The web pages use them as they are, the terminal summary in lower case, the guidance's
explanation their ``sentence`` forms. The bundled file is read and checked once, at import: a
value without its words, or words for a value the vocabulary does not know, stops the program
with a message naming the entry.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any, Literal, TypeVar

from crawlcoach.vocabulary import (
    Certainty,
    Direction,
    Limb,
    LimbUseLevel,
    NoteCode,
    Pattern,
    Style,
)

E = TypeVar("E", bound=StrEnum)

WORDS_FILE = Path(__file__).with_name("words.toml")

CertaintyAbout = Literal["direction", "stillness", "mixed"]
_VALUE_FIELDS = ("label", "sentence")
_CERTAINTY_FIELDS = ("label", "direction", "stillness", "mixed")
SideBalance = Literal["even", "uneven", "unknown"]
_SIDES: tuple[SideBalance, ...] = ("even", "uneven", "unknown")
# What a note's sentence may leave to be filled in; anything else in braces is refused at load.
NOTE_PLACEHOLDERS = frozenset({"limbs", "minutes", "total"})


class WordsError(ValueError):
    """The word list is incomplete or names something the vocabulary does not know."""


@dataclass(frozen=True)
class WordList:
    directions: Mapping[Direction, Mapping[str, str]]
    styles: Mapping[Style, Mapping[str, str]]
    patterns: Mapping[Pattern, Mapping[str, str]]
    limbs: Mapping[Limb, str]
    limb_use: Mapping[LimbUseLevel, str]
    certainty: Mapping[Certainty, Mapping[str, str]]
    unsure_direction: str
    certainty_scale: str
    notes: Mapping[NoteCode, str]
    sides: Mapping[SideBalance, Mapping[str, str]]


def load(path: Path = WORDS_FILE) -> WordList:
    """Read and check a word list (the bundled one by default)."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise WordsError(f"{path}: cannot be read ({exc})") from None
    tables = (
        "directions", "styles", "patterns", "limbs", "limb_use", "certainty", "unsure_direction",
        "certainty_scale", "notes", "sides",
    )  # fmt: skip
    _exactly(path, "", data, tables)
    return WordList(
        directions=_entries(path, data, "directions", Direction, _VALUE_FIELDS),
        styles=_entries(path, data, "styles", Style, _VALUE_FIELDS),
        patterns=_entries(path, data, "patterns", Pattern, _VALUE_FIELDS),
        limbs=_texts(path, data, "limbs", Limb),
        limb_use=_texts(path, data, "limb_use", LimbUseLevel),
        certainty=_entries(path, data, "certainty", Certainty, _CERTAINTY_FIELDS),
        unsure_direction=_sentence(path, data, "unsure_direction"),
        certainty_scale=_sentence(path, data, "certainty_scale"),
        notes=_notes(path, data),
        sides=_sides(path, data),
    )


def _notes(path: Path, data: dict[str, Any]) -> dict[NoteCode, str]:
    notes = _texts(path, data, "notes", NoteCode)
    for code, text in notes.items():
        unknown = set(re.findall(r"{(\w*)}", text)) - NOTE_PLACEHOLDERS
        if unknown:
            raise WordsError(
                f"{path}: [notes] {code} uses {{{', '.join(sorted(unknown))}}}; a note may use "
                f"only {', '.join(sorted(NOTE_PLACEHOLDERS))}"
            )
    return notes


def _sides(path: Path, data: dict[str, Any]) -> dict[SideBalance, dict[str, str]]:
    table = data["sides"]
    _exactly(path, "sides", table, _SIDES)
    out: dict[SideBalance, dict[str, str]] = {}
    for key in _SIDES:
        _exactly(path, f"sides.{key}", table[key], ("label", "detail"))
        for field, text in table[key].items():
            if not isinstance(text, str) or not text.strip():
                raise WordsError(f"{path}: [sides.{key}] {field} should be a non-empty string")
        out[key] = dict(table[key])
    return out


def _exactly(path: Path, where: str, table: Any, keys: tuple[str, ...]) -> None:
    place = f"[{where}]" if where else "the file"
    if not isinstance(table, dict):
        raise WordsError(f"{path}: {place} should be a table")
    missing = [k for k in keys if k not in table]
    unknown = [k for k in table if k not in keys]
    if missing:
        raise WordsError(f"{path}: {place} lacks {', '.join(missing)}")
    if unknown:
        raise WordsError(
            f"{path}: {place} has {', '.join(unknown)}, which the vocabulary does not know; "
            f"expected only {', '.join(keys)}"
        )


def _sentence(path: Path, data: dict[str, Any], name: str) -> str:
    table = data[name]
    _exactly(path, name, table, ("sentence",))
    if not isinstance(table["sentence"], str) or not table["sentence"].strip():
        raise WordsError(f"{path}: [{name}] sentence should be a non-empty string")
    return table["sentence"]


def _texts(path: Path, data: dict[str, Any], name: str, words: type[E]) -> dict[E, str]:
    table = data[name]
    _exactly(path, name, table, tuple(w.value for w in words))
    for key, text in table.items():
        if not isinstance(text, str) or not text.strip():
            raise WordsError(f"{path}: [{name}] {key} should be a non-empty string")
    return {w: table[w.value] for w in words}


def _entries(
    path: Path, data: dict[str, Any], name: str, words: type[E], fields: tuple[str, ...]
) -> dict[E, dict[str, str]]:
    table = data[name]
    _exactly(path, name, table, tuple(w.value for w in words))
    out = {}
    for w in words:
        entry = table[w.value]
        _exactly(path, f"{name}.{w.value}", entry, fields)
        for key, text in entry.items():
            if not isinstance(text, str) or not text.strip():
                raise WordsError(f"{path}: [{name}.{w.value}] {key} should be a non-empty string")
        out[w] = dict(entry)
    return out


WORDS: WordList = load()


def label(value: Direction | Style | Pattern) -> str:
    """The value on a card, a timeline or a legend: "Forward", "On hands and knees"."""
    return _entry(value)["label"]


def sentence(value: Direction | Style | Pattern) -> str:
    """The value as the guidance's explanation says it: "moved forward", "on hands and knees"."""
    return _entry(value)["sentence"]


def unsure_direction_sentence() -> str:
    """How the explanation says a forward or backward reading it was unsure of: "moved" (the way
    it may have gone follows in a sentence of its own)."""
    return WORDS.unsure_direction


def limb(which: Limb) -> str:
    """ "Left arm" (the baby's own left)."""
    return WORDS.limbs[which]


def limb_use(used: bool | None) -> str:
    """ "Takes part", "Hardly used" (seen, and barely moving) or "Could not tell"."""
    return WORDS.limb_use[LimbUseLevel.of(used)]


def certainty(level: Certainty) -> str:
    """ "High", "Medium" or "Low"."""
    return WORDS.certainty[level]["label"]


def certainty_sentence(level: Certainty, about: CertaintyAbout) -> str:
    """What a reading this sure means, for a direction, a stillness or a both-ways clip."""
    return WORDS.certainty[level][about]


def certainty_scale_sentence() -> str:
    """The three levels and how often each was right, said once where many readings are listed
    (the doctor's report)."""
    return WORDS.certainty_scale


def note(code: NoteCode, details: Mapping[str, Any] | None = None) -> str:
    """A note's plain sentence, its placeholders filled from ``details``: ``limbs`` (limb names,
    said as "left arm and right leg"), ``minutes`` and ``total`` (from ``analysed_s`` and
    ``full_duration_s``, said as "20 minutes")."""
    details = details or {}
    fill: dict[str, str] = {}
    listed = details.get("limbs")
    listed = listed if isinstance(listed, list | tuple) else ()
    named = [n for n in listed if isinstance(n, str) and n in Limb._value2member_map_]
    limbs = [WORDS.limbs[Limb(n)].lower() for n in named]
    fill["limbs"] = _and(limbs) if limbs else "arms and legs"
    for key, seconds in (("minutes", "analysed_s"), ("total", "full_duration_s")):
        fill[key] = spoken_length(details.get(seconds))
    return WORDS.notes[code].format_map(fill)


def side_balance(symmetry_index: float | None, asymmetry_flag: bool) -> SideBalance:
    """Left and right compared in one word: the flag decides, not the index (a number beside
    "even" read as a contradiction when the flag said otherwise)."""
    if symmetry_index is None:
        return "unknown"
    return "uneven" if asymmetry_flag else "even"


def sides(balance: SideBalance) -> Mapping[str, str]:
    """Left and right compared, as a ``label`` and a ``detail``."""
    return WORDS.sides[balance]


def spoken_length(seconds: Any) -> str:
    """A length as a parent would say it ("40 seconds", "34 minutes"); "part" when unknown."""
    if not isinstance(seconds, int | float) or isinstance(seconds, bool):
        return "part"
    if not 0 <= seconds < float("inf"):
        return "part"
    if seconds < 90:
        count = max(1, round(seconds))
        return f"{count} second{'s' if count != 1 else ''}"
    return f"{round(seconds / 60)} minutes"


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _entry(value: Direction | Style | Pattern) -> Mapping[str, str]:
    if isinstance(value, Direction):
        return WORDS.directions[value]
    if isinstance(value, Style):
        return WORDS.styles[value]
    return WORDS.patterns[value]
