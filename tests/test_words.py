"""The one word list: complete for the vocabulary, nothing else in it, the same words everywhere."""

from __future__ import annotations

from pathlib import Path

import pytest

from crawlcoach import words
from crawlcoach.vocabulary import Certainty, Direction, Limb, Pattern, Style


def test_every_value_has_its_words() -> None:
    for value in (*Direction, *Style, *Pattern):
        assert words.label(value) and words.sentence(value)
    assert [words.limb(limb) for limb in Limb] == ["Left arm", "Right arm", "Left leg", "Right leg"]
    for level in Certainty:
        assert words.certainty(level)
        for about in ("direction", "stillness", "mixed"):
            assert words.certainty_sentence(level, about)  # type: ignore[arg-type]


def test_an_unsure_direction_is_said_without_a_way() -> None:
    # the guidance's headline for a forward or backward reading it was unsure of
    assert words.unsure_direction_sentence() == "moved"


def test_the_levels_are_explained_with_the_figures_of_each_level() -> None:
    # the doctor's report says the scale once; each level's own sentence agrees with it
    scale = words.certainty_scale_sentence()
    assert "9 times in 10" in scale and "7 times in 10" in scale
    assert "9 times in 10" in words.certainty_sentence(Certainty.MEDIUM, "direction")
    assert "7 times in 10" in words.certainty_sentence(Certainty.LOW, "direction")


def test_limb_use_reads_the_same_for_every_surface() -> None:
    assert words.limb_use(True) == "Takes part"
    assert words.limb_use(False) == "Hardly used"  # seen, and barely moving: not "not seen"
    assert words.limb_use(None) == "Could not tell"


def _copy(tmp_path: Path, old: str, new: str) -> Path:
    text = words.WORDS_FILE.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "words.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("[directions.mixed]", "[directions.sideways]", r"\[directions\] lacks mixed"),
        ('not_judged = "Could not tell"\n', 'not_judged = "Could not tell"\nmaybe = "x"\n',
         r"\[limb_use\] has maybe, which the vocabulary does not know"),
        ('label = "Rolling"\n', "", r"\[styles.rolling\] lacks label"),
        ('left_leg = "Left leg"', 'left_leg = ""', r"\[limbs\] left_leg should be a non-empty"),
        ("[certainty.low]", "[certainty.low", "cannot be read"),
        ('[unsure_direction]\nsentence = "moved"', "", r"the file lacks unsure_direction"),
    ],
)  # fmt: skip
def test_a_broken_word_list_is_refused_naming_the_entry(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    with pytest.raises(words.WordsError, match=message):
        words.load(_copy(tmp_path, old, new))
