"""The bundled guidance content: complete, sourced, in our voice; broken copies fail clearly."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from crawlcoach import words
from crawlcoach.guidance import GuidanceContentError, load_content
from crawlcoach.guidance.loading import DATA_DIR, FILES
from crawlcoach.guidance.vocabulary import (
    OBSERVATIONS,
    REQUIRED_REASONS,
    REQUIRED_RED_FLAGS,
    SITUATIONS,
)

# Words that diagnose or alarm; the guidance describes and suggests, a doctor diagnoses.
DIAGNOSTIC = re.compile(
    r"diagnos|disorder|abnormal|delay|palsy|autis|disease|syndrome|impair|deficit|patholog|"
    r"symptom|dysfunction|retard|condition|worrying sign|red flag",
    re.IGNORECASE,
)


def user_facing_texts() -> list[str]:
    content = load_content()
    texts = [
        content.texts.disclaimer,
        content.texts.film_tips,
        content.texts.film_again,
        content.texts.coming_up,
    ]
    for table in (
        content.texts.verdicts,
        content.texts.situations,
        content.texts.observations,
        content.texts.explanation,
    ):
        texts += table.values()
    # The words for the analysis's values, which the explanation uses too.
    for entries in (
        words.WORDS.directions,
        words.WORDS.styles,
        words.WORDS.patterns,
        words.WORDS.certainty,
    ):
        texts += [text for entry in entries.values() for text in entry.values()]
    texts += [*words.WORDS.limbs.values(), *words.WORDS.limb_use.values()]
    texts += [line for lines in content.texts.watch_for.values() for line in lines]
    texts += [r.text for r in content.reasons.values()]
    texts += [r.watch_for for r in content.red_flags.values() if r.watch_for]
    texts += [i.text for i in content.cdc_items]
    for a in content.activities:
        texts += [a.title, a.why, *a.steps, *a.safety]
    return texts


def test_bundled_content_loads_once() -> None:
    assert load_content() is load_content()
    content = load_content()
    assert set(REQUIRED_REASONS) | set(REQUIRED_RED_FLAGS) <= set(content.reasons)
    assert set(content.texts.observations) == set(OBSERVATIONS)


def test_norms_carry_the_who_and_cdc_facts() -> None:
    content = load_content()
    crawl = content.windows["hands_and_knees_crawling"]
    assert (crawl.p1_months, crawl.p99_months) == (5.2, 13.5)
    sit = content.windows["sitting_without_support"]
    assert (sit.p1_months, sit.p99_months) == (3.8, 9.2)
    assert content.never_crawled_percent == 4.3
    assert content.tummy_time.minutes_per_day == 30
    assert {i.months for i in content.cdc_items} == {6, 9, 12, 15, 18}
    assert "backward" in crawl.milestone  # the WHO criterion counts backward crawling
    assert "who_mds_2006" in content.reasons["backward_meets_who"].sources


def test_every_reason_and_activity_cites_known_sources() -> None:
    content = load_content()
    for reason in content.reasons.values():
        assert reason.sources and all(s in content.sources for s in reason.sources), reason.id
    for activity in content.activities:
        assert activity.sources and all(s in content.sources for s in activity.sources)
    for reason in content.reasons.values():
        if reason.level == "talk_to_doctor":
            assert not all(content.sources[s].secondary for s in reason.sources), reason.id


def test_the_article_ideas_are_all_in_the_catalogue() -> None:
    ids = {a.id for a in load_content().activities}
    assert {
        "show_how",
        "toy_just_out_of_reach",
        "hand_behind_to_push_off",
        "tummy_support_balance",
        "guide_limbs_forward",
        "chase_and_overtake",
        "food_lure",
        "tummy_time_mat",
        "crawling_playmate",
        "celebrate_forward",
        "tummy_time_daily",
    } <= ids


def test_tummy_time_activity_matches_the_who_norm() -> None:
    content = load_content()
    activity = content.activity("tummy_time_daily")
    assert f"{content.tummy_time.minutes_per_day} minutes" in activity.why


def test_every_situation_has_an_activity() -> None:
    targeted = {s for a in load_content().activities for s in a.situations}
    assert targeted == set(SITUATIONS)


def test_texts_avoid_diagnostic_language() -> None:
    offending = [t for t in user_facing_texts() if DIAGNOSTIC.search(t)]
    assert offending == []


def test_doctor_who_knows_the_child_is_always_named() -> None:
    content = load_content()
    assert "knows your child" in content.texts.disclaimer
    for reason in content.reasons.values():
        if reason.level != "typical":
            assert "doctor" in reason.text, reason.id
        if reason.level == "talk_to_doctor":
            assert re.search(r"knows? your baby", reason.text), reason.id


# --- broken copies ---------------------------------------------------------------------------

Edit = Callable[[str], str]


def broken_copy(tmp_path: Path, name: str, edit: Edit) -> Path:
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    path = data / name
    before = path.read_text(encoding="utf-8")
    after = edit(before)
    assert after != before, "the edit did not change the file"
    path.write_text(after, encoding="utf-8")
    return data


def replace_once(old: str, new: str) -> Edit:
    def edit(text: str) -> str:
        assert old in text, old
        return text.replace(old, new, 1)

    return edit


def test_an_unchanged_copy_loads_from_a_directory(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    content = load_content(data)
    assert content is not load_content()
    assert [a.id for a in content.activities] == [a.id for a in load_content().activities]


HAND_BEHIND = "activity 'hand_behind_to_push_off'"
NEXT_FLAG = '\n\n[[red_flag]]\nid = "one_side_persistent"'
BROKEN = [
    (
        "activities.toml",
        replace_once(
            'sources = ["aap_caring_2019", "crawling_article"]',
            'sources = ["aap_caring_2019", "no_such_source"]',
        ),
        rf"activities\.toml: {HAND_BEHIND}: unknown source id 'no_such_source'",
    ),
    (
        "activities.toml",
        replace_once('title = "Something to push against"\n', ""),
        rf"{HAND_BEHIND}: missing field 'title'",
    ),
    (
        "activities.toml",
        replace_once("min_months = 5\nmax_months = 18", "min_months = 19\nmax_months = 18"),
        rf"{HAND_BEHIND}: bad age range",
    ),
    (
        "activities.toml",
        replace_once("min_months = 5\n", "min_months = -1\n"),
        rf"{HAND_BEHIND}: field 'min_months' = -1.0 is not an age",
    ),
    (
        "activities.toml",
        replace_once(
            'situations = ["backward_only", "mixed_direction", "belly_only"]',
            'situations = ["backward_only", "moonwalking"]',
        ),
        rf"{HAND_BEHIND}: targets unknown situation 'moonwalking'",
    ),
    (
        "activities.toml",
        replace_once('id = "toy_just_out_of_reach"', 'id = "hand_behind_to_push_off"'),
        rf"{HAND_BEHIND}: duplicate id",
    ),
    (
        "activities.toml",
        replace_once('title = "Something to push against"', 'titel = "x"\ntitle = "y"'),
        r"unknown field\(s\) titel",
    ),
    (
        "activities.toml",
        lambda text: text.replace('"one_side_less"', '"walking"'),
        r"activities\.toml: no activity targets situation\(s\) one_side_less",
    ),
    (
        "activities.toml",
        replace_once("steps = [", "steps = [ 42, "),
        r"field 'steps' must hold only non-empty strings",
    ),
    (
        "sources.toml",
        replace_once('id = "who_mds_2006"', 'id = "who_2006"'),
        r"norms\.toml: window 'sitting_without_support': unknown source id 'who_mds_2006'",
    ),
    (
        "sources.toml",
        replace_once('url = "https://doi.org/10.1542/peds.2021-052138"', 'url = "doi:10"'),
        r"source 'cdc_2022': field 'url' = 'doi:10' must start with https://",
    ),
    (
        "norms.toml",
        replace_once("p1_months = 5.2", "p1_months = 14.0"),
        r"norms\.toml: window 'hands_and_knees_crawling': bad age range",
    ),
    (
        "norms.toml",
        replace_once('id = "hands_and_knees_crawling"', 'id = "crawling"'),
        r"norms\.toml: missing window\(s\) the rules need: hands_and_knees_crawling",
    ),
    (
        "norms.toml",
        replace_once("p99_months = 13.5", 'p99_months = "13.5"'),
        r"field 'p99_months' must be a number",
    ),
    (
        "red_flags.toml",
        replace_once(
            f'sources = ["aap_caring_2019"]{NEXT_FLAG}',
            f'sources = ["aap_crawling_styles"]{NEXT_FLAG}',
        ),
        r"red_flag 'stiff_or_floppy': a talk_to_doctor reason needs at least one primary source",
    ),
    (
        "red_flags.toml",
        replace_once('level = "watch"', 'level = "panic"'),
        r"red_flag 'not_bearing_weight': field 'level' = 'panic' is not one of",
    ),
    (
        "red_flags.toml",
        replace_once('id = "lost_skills"', 'id = "lost_skill"'),
        r"missing red flag\(s\) the rules need: lost_skills",
    ),
    (
        "texts.toml",
        replace_once("{window_start} months. Tummy", "{window_begin} months. Tummy"),
        r"reason 'before_crawling_window': field 'text' uses unknown placeholder\(s\) "
        r"window_begin",
    ),
    (
        "texts.toml",
        replace_once("{days} days", "{days days"),
        r"\[general\]: field 'film_again' has a broken \{placeholder\}",
    ),
    (
        "texts.toml",
        replace_once("[reasons.tummy_time]", "[reasons.tummy_time_x]"),
        r"texts\.toml: missing reason\(s\) the rules need: tummy_time",
    ),
    (
        "texts.toml",
        replace_once('walks = "walks, with or without holding on"\n', ""),
        r"\[observations\]: missing field 'walks'",
    ),
    (
        "texts.toml",
        replace_once("bottom_scooting = [", "bum_shuffling = ["),
        r"\[watch_for\]: unknown situation 'bum_shuffling'",
    ),
    ("texts.toml", replace_once("[verdicts]", "[verdicts\n"), r"texts\.toml: not valid TOML"),
]


@pytest.mark.parametrize(("name", "edit", "expected"), BROKEN)
def test_broken_files_fail_naming_file_and_entry(
    tmp_path: Path, name: str, edit: Edit, expected: str
) -> None:
    data = broken_copy(tmp_path, name, edit)
    with pytest.raises(GuidanceContentError, match=expected) as caught:
        load_content(data)
    assert str(data) in str(caught.value)


@pytest.mark.parametrize("name", FILES)
def test_a_missing_file_is_named(tmp_path: Path, name: str) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    (data / name).unlink()
    with pytest.raises(GuidanceContentError, match=rf"{name}: guidance data file not found"):
        load_content(data)
