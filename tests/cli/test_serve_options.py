"""``serve`` and ``worker`` refuse impossible numbers before starting anything."""

from __future__ import annotations

import click
import pytest

from crawlcoach.cli import cli


@pytest.mark.parametrize(
    ("args", "option"),
    [
        (["serve", "--port", "99999"], "--port"),
        (["serve", "--port", "0"], "--port"),
        (["serve", "--threads", "0"], "--threads"),
        (["serve", "--workers", "0"], "--workers"),
        (["worker", "--workers", "-1"], "--workers"),
    ],
)
def test_impossible_numbers_are_usage_errors(args: list[str], option: str) -> None:
    # Parsing only (make_context): were the value accepted, invoking would start a server.
    name, *rest = args
    command = cli.commands[name]
    with pytest.raises(click.BadParameter) as refused:
        command.make_context(name, rest)
    assert refused.value.exit_code == 2
    assert f"'{option}'" in refused.value.format_message()
