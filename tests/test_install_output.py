"""The set-up stays calm (issue 17): pip runs quietly, each step says what it does, and mediapipe,
installed without the declared extras it never uses, goes in last, so no later pip run prints its
red "ERROR: ... dependency conflicts" about them."""

from __future__ import annotations

import re
from pathlib import Path

MAKEFILE = Path(__file__).resolve().parents[1] / "Makefile"


def _recipe(target: str) -> list[str]:
    lines = MAKEFILE.read_text().splitlines()
    start = next(i for i, line in enumerate(lines) if re.match(rf"^{re.escape(target)}\s*:", line))
    recipe = []
    for line in lines[start + 1 :]:
        if not line.startswith("\t"):
            break
        recipe.append(line.strip())
    return recipe


def test_the_environment_is_installed_quietly_with_the_pose_model_last() -> None:
    recipe = _recipe("$(STAMP)")
    pip = [line for line in recipe if "pip install" in line]
    assert pip and all(" -qq " in line for line in pip), pip
    assert "--no-deps" in pip[-1] and "requirements/pose.txt" in pip[-1]
    assert all("--no-deps" not in line for line in pip[:-1])
    assert all(line.startswith("@") for line in recipe), "a command would be echoed"
    says = [line for line in recipe if line.startswith("@echo")]
    assert len(says) >= len(pip) + 1 and "environment ready" in says[-1]
