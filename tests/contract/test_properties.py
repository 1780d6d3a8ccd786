"""Properties of the contract's one reader over generated analyses and arbitrary JSON."""

from __future__ import annotations

import json
from typing import Any

from contract_strategies import analyses, json_values
from hypothesis import given
from hypothesis import strategies as st

from crawlcoach import contract
from crawlcoach.contract import Analysis, ContractError


@given(analyses)
def test_a_record_reads_back_as_itself(analysis: Analysis) -> None:
    assert Analysis.from_dict(analysis.to_dict()) == analysis


@given(analyses)
def test_a_record_survives_json_text(analysis: Analysis) -> None:
    text = json.dumps(analysis.to_dict())
    assert Analysis.from_dict(json.loads(text)) == analysis
    assert json.dumps(Analysis.from_dict(json.loads(text)).to_dict()) == text


@given(analyses)
def test_generated_analyses_pass_the_check(analysis: Analysis) -> None:
    assert contract.check(analysis.to_dict()) == []


@given(json_values)
def test_any_json_value_is_an_analysis_or_one_clear_error(value: Any) -> None:
    try:
        Analysis.from_dict(value)
    except ContractError as exc:
        assert exc.problems and all(isinstance(p, str) and p for p in exc.problems)


def _places(value: Any, at: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place inside a JSON value, as a path of keys and indices."""
    found = [at] if at else []
    if isinstance(value, dict):
        for key, inner in value.items():
            found += _places(inner, (*at, key))
    elif isinstance(value, list):
        for i, inner in enumerate(value):
            found += _places(inner, (*at, i))
    return found


@given(analyses, st.data())
def test_a_broken_field_is_a_clear_error_naming_it(analysis: Analysis, data: st.DataObject) -> None:
    obj = analysis.to_dict()
    place = data.draw(st.sampled_from(_places(obj)))
    junk = data.draw(json_values | st.just(object()))
    parent = obj
    for step in place[:-1]:
        parent = parent[step]
    parent[place[-1]] = junk
    try:
        Analysis.from_dict(obj)
    except ContractError as exc:
        assert exc.problems
        assert contract.check(obj) == list(exc.problems)
    else:
        assert contract.check(obj) == []
