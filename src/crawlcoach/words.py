"""The words people see for the analysis's values (``words.toml``), checked against the vocabulary.

The web pages use them as they are, the terminal summary in lower case, the guidance's
explanation their ``sentence`` forms. The bundled file is read and checked once, at import: a
value without its words, or words for a value the vocabulary does not know, stops the program
with a message naming the entry.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any, Literal, TypeVar

from crawlcoach.vocabulary import Certainty, Direction, Limb, LimbUseLevel, Pattern, Style

E = TypeVar("E", bound=StrEnum)

WORDS_FILE = Path(__file__).with_name("words.toml")

CertaintyAbout = Literal["direction", "stillness", "mixed"]
_VALUE_FIELDS = ("label", "sentence")
_CERTAINTY_FIELDS = ("label", "direction", "stillness", "mixed")


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


def load(path: Path = WORDS_FILE) -> WordList:
    """Read and check a word list (the bundled one by default)."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise WordsError(f"{path}: cannot be read ({exc})") from None
    tables = (
        "directions", "styles", "patterns", "limbs", "limb_use", "certainty", "unsure_direction"
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
    )


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


def _entry(value: Direction | Style | Pattern) -> Mapping[str, str]:
    if isinstance(value, Direction):
        return WORDS.directions[value]
    if isinstance(value, Style):
        return WORDS.styles[value]
    return WORDS.patterns[value]
