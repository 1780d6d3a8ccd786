from __future__ import annotations

import pytest

from crawlcoach.synth import SynthClip, generate
from crawlcoach.synth.scenarios import named


@pytest.fixture(scope="session")
def suite_clips() -> dict[str, SynthClip]:
    """Every catalogue scenario of seed 0, generated once."""
    return {name: generate(s) for name, s in named(0).items()}
