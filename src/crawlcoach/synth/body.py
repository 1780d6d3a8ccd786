"""Proportions of the synthetic infant: a big head, a long trunk and short limbs.

Lengths are in metres for a baby of about 9 months (roughly 70 cm tall); the generator works in
metres and reports floor positions in body lengths (``BodyDims.body_length``: nose to hip centre).
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace

import numpy as np


@dataclass(frozen=True)
class BodyDims:
    head_radius: float = 0.065
    neck: float = 0.075  # shoulder centre to head centre
    trunk: float = 0.20  # shoulder centre to hip centre
    shoulder_half: float = 0.075
    hip_half: float = 0.055
    upper_arm: float = 0.10
    forearm: float = 0.09
    hand: float = 0.055
    thigh: float = 0.105
    shank: float = 0.095
    foot: float = 0.075
    trunk_half_thickness: float = 0.05

    @property
    def body_length(self) -> float:
        """Nose to hip centre with the body stretched out: the unit of ``body_length_px``."""
        return self.trunk + self.neck + 0.95 * self.head_radius

    @property
    def arm(self) -> float:
        return self.upper_arm + self.forearm

    @property
    def leg(self) -> float:
        return self.thigh + self.shank


def infant_body(rng: np.random.Generator) -> BodyDims:
    """A slightly different baby per seed: overall size and each length vary by a few percent."""
    base = BodyDims()
    overall = rng.uniform(0.9, 1.1)
    values = {
        f.name: getattr(base, f.name) * overall * rng.uniform(0.95, 1.05) for f in fields(base)
    }
    return replace(base, **values)
