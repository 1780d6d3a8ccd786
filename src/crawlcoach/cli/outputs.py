"""Checks on where a command will write, made before any work: minutes of tracking must not end
in a traceback because the folder is missing or read-only, or overwrite the video being read."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import click


def check_output_file(out: Path, *, source: Path, suffix: str, what: str, option: str) -> None:
    """Refuse an output that would overwrite ``source``, is not named ``*suffix``, or cannot be
    written; ``what`` says what is written (for the messages)."""
    if out.suffix.lower() != suffix:
        raise click.BadParameter(
            f"{out}: the {what} is written as {suffix[1:].upper()}; name it {suffix} "
            f"(for example {out.with_suffix(suffix).name}).",
            param_hint=f"'{option}'",
        )
    if _same_file(out, source):
        raise click.BadParameter(
            f"{out} is the input video itself; writing there would destroy the original. "
            "Choose another file name.",
            param_hint=f"'{option}'",
        )
    folder = out.parent
    if not folder.is_dir():
        problem = "is a file, not a folder" if folder.exists() else "does not exist"
        raise click.BadParameter(
            f"cannot write {out}: {folder} {problem}. Create the folder or choose another "
            "output path.",
            param_hint=f"'{option}'",
        )
    _check_writable(folder, out, option)


def prepare_folder(folder: Path, option: str) -> None:
    """Create ``folder`` if needed and make sure files can be written in it."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise click.BadParameter(
            f"cannot create the folder {folder} ({exc.strerror}). Choose another folder.",
            param_hint=f"'{option}'",
        ) from None
    _check_writable(folder, folder, option)


def _same_file(out: Path, source: Path) -> bool:
    try:
        return os.path.samefile(out, source)  # hard links and symbolic links too
    except OSError:  # one of them does not exist (yet)
        return out.resolve() == source.resolve()


def _check_writable(folder: Path, target: Path, option: str) -> None:
    # Actually creating a file is the only test that holds for every user (root included), every
    # file system (read-only mounts) and every access-control scheme.
    try:
        with tempfile.TemporaryFile(dir=folder, prefix=".crawlcoach-write-test-"):
            pass
    except OSError as exc:
        raise click.BadParameter(
            f"cannot write {target}: the folder {folder} is not writable ({exc.strerror}). "
            "Choose a folder you can write to.",
            param_hint=f"'{option}'",
        ) from None
