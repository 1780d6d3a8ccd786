"""Notes on what limited an analysis: made with a code and its figures, said in plain words.

Every note the analysis writes (``quality.notes``) has a stable code (``vocabulary.NoteCode``),
its sentence from the word list (``words.toml``, ``[notes]``) and the measured figures in
``details``; the figures never go into the sentence. Whatever shows notes to a parent (the web
page, the terminal summary, the guidance) takes them from ``for_parent``.
"""

from __future__ import annotations

from typing import Any

from crawlcoach import words
from crawlcoach.contract import Note, Quality
from crawlcoach.vocabulary import NoteCode


def note(code: NoteCode, **details: Any) -> Note:
    """A note with its plain sentence; ``details``: JSON values (numbers, strings, lists)."""
    return Note(code=code.value, text=words.note(code, details), details=details)


def sentence(n: Note) -> str:
    """The note's sentence in today's word list (a code this version does not know: its own)."""
    if n.code in NoteCode._value2member_map_:
        return words.note(NoteCode(n.code), n.details)
    return n.text


def for_parent(quality: Quality) -> tuple[str, ...]:
    """What limited the analysis, one plain sentence each, without repeats. An analysis stored
    before notes had codes has only its ``problems``, shown as they were written."""
    if quality.notes is None:
        return tuple(dict.fromkeys(quality.problems))
    return tuple(dict.fromkeys(sentence(n) for n in quality.notes))
