"""Every note an analysis can write has a code and a plain sentence from the word list, and the
figures behind it stay in the JSON's details, never in what a parent reads."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crawlcoach import notes, synth, words
from crawlcoach.contract import Analysis, Note, Quality
from crawlcoach.motion import analyze_motion
from crawlcoach.report.text import summarize
from crawlcoach.vocabulary import Limb, NoteCode

# Engineer's words that read as jargon to a parent.
BANNED = (
    "index", "pattern", "judged", "judge", "threshold", "coverage", "consistency", "phase",
    "pose", "model", "frames", "cycles", "coordination", "symmetry", "signal", "metric",
)  # fmt: skip
SAMPLE_DETAILS = {"limbs": ["left_arm", "right_leg"], "analysed_s": 1200, "full_duration_s": 2700}


def _plain(sentence: str) -> list[str]:
    """What is wrong with a parent-facing sentence (nothing: an empty list)."""
    wrong = [f"uses {word!r}" for word in BANNED if re.search(rf"\b{word}\b", sentence, re.I)]
    if re.search(r"\d", sentence):
        wrong.append("has a figure")
    if "%" in sentence or "_" in sentence:
        wrong.append("has a % or an identifier")
    if not sentence[:1].isupper() or not sentence.endswith("."):
        wrong.append("is not a sentence")
    return wrong


@pytest.mark.parametrize("code", list(NoteCode))
def test_every_note_code_has_a_plain_sentence(code: NoteCode) -> None:
    template = words.WORDS.notes[code]
    assert _plain(template) == [], template
    said = words.note(code, SAMPLE_DETAILS)
    assert "{" not in said and said.strip() == said
    assert _plain(re.sub(r"\d+ minutes", "some minutes", said)) == [], said


def test_the_plain_check_catches_engineer_language() -> None:
    old = "the timing between the limbs fits no crawling pattern clearly: coordination not judged"
    assert _plain(old)
    assert _plain("Symmetry 0.87 (1 is even).")


def test_a_note_keeps_its_figures_in_the_details() -> None:
    made = notes.note(NoteCode.BABY_PARTLY_IN_VIEW, pose_coverage=0.32, needed_coverage=0.6)
    assert made.code == "baby_partly_in_view"
    assert made.details == {"pose_coverage": 0.32, "needed_coverage": 0.6}
    assert "32" not in made.text and made.text == words.WORDS.notes[NoteCode.BABY_PARTLY_IN_VIEW]


def test_limbs_and_minutes_are_said_in_words() -> None:
    hidden = words.note(NoteCode.LIMBS_NOT_SEEN, {"limbs": ["left_leg"]})
    assert "the left leg well enough" in hidden
    first = words.note(NoteCode.FIRST_PART_ONLY, {"analysed_s": 1200, "full_duration_s": 2700})
    assert first.startswith("This video is 45 minutes long; we looked at its first 20 minutes")


def test_a_broken_note_sentence_is_refused(tmp_path: Path) -> None:
    text = words.WORDS_FILE.read_text(encoding="utf-8")
    path = tmp_path / "words.toml"
    path.write_text(text.replace("to tell how much each joined", "{share} joined", 1))
    with pytest.raises(words.WordsError, match=r"\[notes\] limbs_not_seen uses \{share\}"):
        words.load(path)
    path.write_text(text.replace("no_steady_rhythm = ", "no_rhythm = ", 1))
    with pytest.raises(words.WordsError, match=r"\[notes\] lacks no_steady_rhythm"):
        words.load(path)


def test_what_the_analysis_writes_is_coded_and_plain() -> None:
    """A clip filmed head-on: the rhythm of arms and legs cannot be told, and says why plainly."""
    clip = synth.generate(synth.Scenario(view="front", heading_deg=-6.0, body_length_px=100.0,
                                         seed=4))  # fmt: skip
    result = analyze_motion(clip.track)
    assert result.problems, "expected a note on the rhythm"
    for made in result.problems:
        assert made.code in NoteCode._value2member_map_
        assert _plain(made.text) == [], made.text


def test_the_terminal_says_the_sentence_of_the_code() -> None:
    made = notes.note(NoteCode.TIMING_UNCLEAR, scores={"diagonal": 0.41})
    stale = Note(made.code, "the timing fits no crawling pattern: coordination not judged", {})
    analysis = Analysis.failed("a.mp4", "x", "y", 0.0)
    quality = Quality.of_notes(0.9, True, (stale,))
    text = summarize(analysis.to_dict() | {"error": None, "quality": quality.to_dict()})
    assert f"note: {made.text}" in text
    assert "judged" not in text


def test_older_analyses_show_their_problems_as_written() -> None:
    legacy = Quality(0.9, True, ("the baby was found in only 40% of the frames",))
    assert notes.for_parent(legacy) == ("the baby was found in only 40% of the frames",)
    unknown = Quality.of_notes(0.9, True, (Note("from_a_newer_version", "A plain note.", {}),))
    assert notes.for_parent(unknown) == ("A plain note.",)


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(list(NoteCode)),
    st.dictionaries(
        st.sampled_from(["limbs", "analysed_s", "full_duration_s", "reason", "scores"]),
        st.none() | st.booleans() | st.floats() | st.text(max_size=8)
        | st.lists(st.text(max_size=10) | st.sampled_from([limb.value for limb in Limb])),
    ),
)  # fmt: skip
def test_any_details_give_a_whole_sentence(code: NoteCode, details: dict[str, object]) -> None:
    """Details from a stored or foreign analysis never break the sentence."""
    said = words.note(code, details)
    assert said and "{" not in said and "}" not in said and said.endswith(".")
