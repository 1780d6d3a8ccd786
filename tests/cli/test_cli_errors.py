"""The last line of defence in the ``crawlcoach`` group: errors meant for a person, and file-system
errors, that a command lets through are one line, never a traceback."""

from __future__ import annotations

import click
from click.testing import CliRunner

from crawlcoach.cli import _Commands
from crawlcoach.video import VideoNotFound


def group_raising(error: BaseException) -> click.Group:
    @click.group(cls=_Commands)
    def group() -> None:
        pass

    @group.command()
    def fail() -> None:
        raise error

    return group


def test_a_crawlcoach_error_is_one_line() -> None:
    result = CliRunner().invoke(group_raising(VideoNotFound("a.mp4: no such file.")), ["fail"])
    assert result.exit_code == 1
    assert result.output == "Error: a.mp4: no such file.\n"


def test_a_file_system_error_names_the_file() -> None:
    error = PermissionError(13, "Permission denied", "/data/out.npz")
    result = CliRunner().invoke(group_raising(error), ["fail"])
    assert result.exit_code == 1
    assert result.output == "Error: /data/out.npz: Permission denied\n"


def test_running_out_of_memory_is_one_line_saying_what_to_do() -> None:
    result = CliRunner().invoke(group_raising(MemoryError()), ["fail"])
    assert result.exit_code == 1
    assert result.output.startswith("Error: crawlcoach ran out of memory.")
    assert "Traceback" not in result.output
