"""Properties of the guidance rules over generated babies, reports and analyses: ``assess`` only
ever refuses with a GuidanceInputError, its verdict is one of the levels (the most serious of
its reasons, the same every time), every reason cites a source, a reported loss of skills or a
stiff or floppy baby always means talking to the doctor, and a baby seen travelling across the
floor is never told "not crawling"."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crawlcoach.guidance import assess, load_content
from crawlcoach.guidance.age import DAYS_PER_MONTH
from crawlcoach.guidance.errors import GuidanceInputError
from crawlcoach.guidance.vocabulary import LEVELS, OBSERVATIONS
from crawlcoach.vocabulary import BOUT_DIRECTIONS, LIMBS, Direction, Pattern, Style

DIRECTIONS = tuple(str(d) for d in Direction)
STYLES = tuple(str(s) for s in Style)
PATTERNS = tuple(str(p) for p in Pattern)
SECONDS_KEYS = tuple(str(d) for d in BOUT_DIRECTIONS)
LIMB_NAMES = tuple(str(limb) for limb in LIMBS)
MakeAnalysis = Callable[..., dict[str, Any]]

FAST = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
TODAY = date(2026, 6, 1)
CONTENT = load_content()
TRAVELLING = ("forward", "backward", "mixed")  # directions that cross the floor


def maybe(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(st.none(), strategy)


# What ``crawlcoach analyze`` writes, and the same with one value damaged (a foreign or broken
# file): a damaged one may be refused, but only in words.
ODD = st.one_of(st.text(max_size=8), st.integers(), st.floats(allow_nan=True), st.lists(st.none()))
SECONDS = st.floats(min_value=0, max_value=600, allow_nan=False)
well_formed = st.fixed_dictionaries(
    {
        "schema": st.just("crawlcoach.analysis/1"),
        "video": st.fixed_dictionaries({"path": st.just("clip.mp4"), "duration_s": SECONDS}),
        "quality": st.fixed_dictionaries(
            {"usable": st.booleans(), "problems": st.lists(st.text(max_size=10), max_size=2)}
        ),
        "locomotion": st.one_of(
            st.fixed_dictionaries(
                {
                    "crawling": st.booleans(),
                    "dominant_direction": st.sampled_from(DIRECTIONS),
                    "dominant_style": st.sampled_from(STYLES),
                    "direction_confidence": maybe(st.floats(0, 1)),
                    "seconds": maybe(st.fixed_dictionaries({k: SECONDS for k in SECONDS_KEYS})),
                }
            ),
            st.just({}),
        ),
        "limbs": st.fixed_dictionaries(
            {
                **{
                    name: st.fixed_dictionaries({"used": maybe(st.booleans())})
                    for name in LIMB_NAMES
                },
                "symmetry_index": maybe(st.floats(0, 1)),
                "asymmetry_flag": maybe(st.booleans()),
            }
        ),
        "coordination": st.fixed_dictionaries({"pattern": st.sampled_from(PATTERNS)}),
        "error": st.one_of(
            st.none(), st.none(), st.just({"kind": "no_baby_found", "message": "no baby"})
        ),
    }
)
PLACES = [
    ("quality",), ("quality", "usable"), ("locomotion",), ("locomotion", "dominant_direction"),
    ("locomotion", "dominant_style"), ("locomotion", "direction_confidence"),
    ("locomotion", "seconds"), ("limbs",), ("limbs", "left_leg"), ("limbs", "asymmetry_flag"),
    ("coordination",), ("coordination", "pattern"), ("video",), ("recorded_on",), ("error",),
]  # fmt: skip


def damaged(given: dict[str, Any], place: tuple[str, ...], value: Any) -> dict[str, Any]:
    section = given
    for key in place[:-1]:
        if not isinstance(section.get(key), dict):
            return given
        section = section[key]
    section[place[-1]] = value
    return given


analysis = st.one_of(
    well_formed,
    st.builds(damaged, well_formed, st.sampled_from(PLACES), ODD),
)
ages = st.floats(min_value=0, max_value=72, allow_nan=False)
observations = st.lists(st.sampled_from(OBSERVATIONS), unique=True, max_size=5)


def born_at(months: float) -> date:
    return TODAY - timedelta(days=int(months * DAYS_PER_MONTH))


def judged(months: float, seen: list[str], analyses: list[dict[str, Any]]) -> Any:
    try:
        return assess(
            born_at(months), today=TODAY, analyses=analyses, observations=seen, content=CONTENT
        )
    except GuidanceInputError:
        return None  # refused in plain words: allowed


def travels(analysis: dict[str, Any]) -> bool:
    """The baby got across the floor in a video the guidance can use (as findings.py reads it:
    no error, a locomotion section, not marked unusable)."""
    quality, locomotion = analysis["quality"], analysis["locomotion"]
    if not isinstance(locomotion, dict):
        return False
    usable = (
        not analysis["error"]
        and bool(locomotion)
        and not (isinstance(quality, dict) and quality.get("usable") is False)
    )
    return usable and (
        locomotion.get("dominant_direction") in TRAVELLING
        or locomotion.get("dominant_style") == "walking"
    )


@FAST
@given(ages, observations, st.lists(analysis, max_size=3))
def test_assess_refuses_only_in_words_and_always_cites(
    months: float, seen: list[str], analyses: list[dict[str, Any]]
) -> None:
    result = judged(months, seen, analyses)
    if result is None:
        return
    assert result.verdict in LEVELS
    assert result.verdict_text
    for reason in result.reasons:
        assert reason.level in LEVELS
        assert reason.sources, f"reason {reason.id} cites no source"


def travelling(given: dict[str, Any], direction: str) -> dict[str, Any]:
    """The same video, usable, with the baby getting across the floor."""
    locomotion = {"crawling": True, "dominant_style": "unknown", **given["locomotion"]}
    given.update(error=None, locomotion={**locomotion, "dominant_direction": direction})
    given["quality"]["usable"] = True
    return given


travelling_video = st.builds(travelling, well_formed, st.sampled_from(TRAVELLING))


@FAST
@given(ages, observations, travelling_video, st.lists(analysis, max_size=2), st.randoms())
def test_a_baby_seen_travelling_is_never_told_not_crawling(
    months: float, seen: list[str], video: dict[str, Any], others: list[dict[str, Any]], rnd: Any
) -> None:
    analyses = [video, *others]
    rnd.shuffle(analyses)
    assert travels(video)
    result = judged(months, seen, analyses)
    if result is None:
        return
    assert "not_crawling_within_window" not in {r.id for r in result.reasons}


def test_the_reason_exists_for_a_baby_that_does_not_travel(make_analysis: MakeAnalysis) -> None:
    """The property above is not empty: the same rules say it of a still baby in the window."""
    still = make_analysis("stationary", "none")
    result = assess(born_at(11), today=TODAY, analyses=[still], content=CONTENT)
    assert "not_crawling_within_window" in {r.id for r in result.reasons}
    moving = make_analysis("forward", "none")
    result = assess(born_at(11), today=TODAY, analyses=[moving], content=CONTENT)
    assert "not_crawling_within_window" not in {r.id for r in result.reasons}


@FAST
@given(ages, observations)
def test_valid_ages_and_reports_are_always_judged(months: float, seen: list[str]) -> None:
    assert judged(months, seen, []) is not None


CONCERNS = ("lost_skills", "stiff", "floppy")  # reports that are always worth a doctor's look


@FAST
@given(ages, observations, st.sampled_from(CONCERNS), st.lists(analysis, max_size=2))
def test_a_reported_concern_always_means_talk_to_the_doctor(
    months: float, seen: list[str], concern: str, analyses: list[dict[str, Any]]
) -> None:
    result = judged(months, sorted({*seen, concern}), analyses)
    assert result is None or result.verdict == "talk_to_doctor"


@FAST
@given(ages, observations, st.lists(analysis, max_size=2))
def test_the_verdict_is_the_most_serious_reason_and_the_same_every_time(
    months: float, seen: list[str], analyses: list[dict[str, Any]]
) -> None:
    first = judged(months, seen, analyses)
    if first is None:
        return
    again = judged(months, seen, analyses)
    assert again.verdict == first.verdict and again.as_contract() == first.as_contract()
    levels = [LEVELS.index(r.level) for r in first.reasons]
    assert LEVELS.index(first.verdict) == max(levels, default=0)
