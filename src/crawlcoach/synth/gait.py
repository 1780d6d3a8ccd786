"""Limb timing: when each limb is planted (stance) and when it swings, for each pattern.

Each limb has a phase in cycles that advances at ``cycle_hz`` only while the baby travels. A limb
spends the first ``duty`` of every cycle planted and the rest swinging forward (lifted). How the
phases of the four limbs relate is the coordination pattern:

- diagonal: left arm with right leg, right arm with left leg (trot-like, the common infant pattern);
  each leg trails its partner arm a little;
- lateral: same-side pairs move together (pace-like);
- synchronous: the two arms together and the two legs together (usually half a cycle after the
  arms: "both arms pull, then both legs push"; sometimes all four at once);
- irregular: no stable relation, each limb's timing jumps from cycle to cycle.
"""

from __future__ import annotations

import numpy as np

from crawlcoach.synth.scenario import LIMB_NAMES, Pattern

LEG_LAG = 0.06  # cycles by which a leg trails the arm it pairs with


def smooth_noise(
    rng: np.random.Generator, t: np.ndarray, max_hz: float, count: int = 1, parts: int = 4
) -> np.ndarray:
    """(T, count) smooth random signals of unit standard deviation, no faster than ``max_hz``."""
    freqs = rng.uniform(0.1 * max_hz, max_hz, size=(parts, count))
    phases = rng.uniform(0.0, 2 * np.pi, size=(parts, count))
    waves = np.sin(2 * np.pi * freqs[None] * t[:, None, None] + phases[None])
    return waves.sum(axis=1) * np.sqrt(2.0 / parts)


def phase_offsets(pattern: Pattern | None, rng: np.random.Generator) -> np.ndarray:
    """(4,) starting phase of each limb in ``LIMB_NAMES`` order, in cycles."""
    if pattern == "diagonal":
        return np.array([0.0, 0.5, 0.5 + LEG_LAG, LEG_LAG])
    if pattern == "lateral":
        return np.array([0.0, 0.5, LEG_LAG, 0.5 + LEG_LAG])
    if pattern == "synchronous":
        legs = 0.5 if rng.random() < 0.7 else LEG_LAG
        return np.array([0.0, 0.0, legs, legs])
    return rng.uniform(0.0, 1.0, size=len(LIMB_NAMES))


def limb_phases(
    t: np.ndarray,
    activity: np.ndarray,
    cycle_hz: float,
    pattern: Pattern | None,
    rng: np.random.Generator,
) -> np.ndarray:
    """(T, 4) phase of each limb in cycles; it advances only where ``activity`` (0..1) is > 0."""
    dt = np.diff(t, prepend=t[0] - (t[1] - t[0] if len(t) > 1 else 1.0))
    tempo = 1.0 + 0.08 * smooth_noise(rng, t, 0.3)[:, 0]  # babies speed up and slow down
    cycles = np.cumsum(cycle_hz * activity * tempo * dt)
    phases = cycles[:, None] + phase_offsets(pattern, rng)[None, :]
    phases += 0.03 * smooth_noise(rng, t, 1.0, count=4)  # timing is never exact
    if pattern == "irregular":
        # each limb keeps its own tempo and its timing jumps at every cycle
        rates = rng.uniform(0.8, 1.25, size=4)
        phases += (rates - 1.0)[None, :] * cycles[:, None]
        knots = np.arange(int(cycles[-1]) + 3)
        jumps = rng.normal(0.0, 0.22, size=(len(knots), 4))
        for k in range(4):
            phases[:, k] += np.interp(cycles, knots, jumps[:, k])
    return phases


def stance_swing(phases: np.ndarray, duty: float) -> tuple[np.ndarray, np.ndarray]:
    """Where each limb is in its step, from its phase.

    Returns ``(reach, lift)``, both shaped like ``phases``. ``reach`` (cycles) runs from +duty/2
    down to -duty/2 through stance, so ``reach * velocity / cycle_hz`` keeps a planted hand still
    on the floor while the body moves over it, then eases back to +duty/2 through swing.
    ``lift`` (0..1) is the height of the swing arc.
    """
    frac = np.mod(phases, 1.0)
    stance = frac < duty
    progress = np.clip((frac - duty) / (1.0 - duty), 0.0, 1.0)
    reach = np.where(
        stance, duty / 2 - frac, -duty / 2 + duty * (1.0 - np.cos(np.pi * progress)) / 2
    )
    lift = np.where(stance, 0.0, np.sin(np.pi * progress))
    return reach, lift
