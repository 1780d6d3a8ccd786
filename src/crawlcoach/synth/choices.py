"""The random decisions a scenario's seed makes about the clip beyond its stated fields.

``generate`` and ``truth_for`` both read them, so they always agree.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from crawlcoach.synth.scenario import Scenario

STREAMS = ("body", "choices", "gait", "path", "animate", "camera", "background", "observe")


def streams(scenario: Scenario) -> dict[str, np.random.Generator]:
    """Independent random streams per concern: more noise does not change the kinematics."""
    children = np.random.SeedSequence(scenario.seed).spawn(len(STREAMS))
    return {name: np.random.default_rng(c) for name, c in zip(STREAMS, children, strict=True)}


@dataclass(frozen=True)
class Choices:
    sideways_deg: float  # travel direction off the body axis (crab: 10-40, rolling: +-90, else 0)
    pivot_sign: float  # +1 turns to the baby's left (counter-clockwise from above), -1 right
    variant: int  # none: 0 prone on forearms, 1 sitting; walking: 0 high guard, 1 arms low


def choices_for(scenario: Scenario) -> Choices:
    rng = streams(scenario)["choices"]
    side = float(rng.choice([-1.0, 1.0]))
    sideways = 0.0
    if scenario.style == "crab":
        sideways = side * rng.uniform(10.0, 40.0)
    elif scenario.style == "rolling":
        sideways = side * 90.0
    pivot_sign = float(rng.choice([-1.0, 1.0]))
    variant = int(rng.integers(0, 2))
    if scenario.style == "none" and any(s.direction == "pivoting" for s in scenario.segments):
        variant = 0  # only the prone baby pivots
    return Choices(sideways_deg=sideways, pivot_sign=pivot_sign, variant=variant)
