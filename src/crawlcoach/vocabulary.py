"""The words of the analysis contract (DESIGN.md): every value a direction, style, coordination
pattern, limb or certainty level may take, spelled once.

Motion, the contract, the guidance, the web app and the reports all import these; the words shown
to people for them live in ``crawlcoach/words.toml`` (``crawlcoach.words``).
"""

from __future__ import annotations

from enum import StrEnum
from typing import Final


class Direction(StrEnum):
    """Which way the baby travelled, relative to where its head points."""

    FORWARD = "forward"
    BACKWARD = "backward"
    MIXED = "mixed"
    PIVOTING = "pivoting"
    STATIONARY = "stationary"
    UNKNOWN = "unknown"


class Style(StrEnum):
    """How the baby travelled."""

    HANDS_AND_KNEES = "hands_and_knees"
    BELLY = "belly"
    BEAR = "bear"
    BOTTOM_SCOOT = "bottom_scoot"
    CRAB = "crab"
    ROLLING = "rolling"
    WALKING = "walking"
    NONE = "none"
    UNKNOWN = "unknown"


class Pattern(StrEnum):
    """How the limbs alternate during travel."""

    DIAGONAL = "diagonal"
    LATERAL = "lateral"
    SYNCHRONOUS = "synchronous"
    IRREGULAR = "irregular"
    UNKNOWN = "unknown"


class Limb(StrEnum):
    """The baby's own left and right."""

    LEFT_ARM = "left_arm"
    RIGHT_ARM = "right_arm"
    LEFT_LEG = "left_leg"
    RIGHT_LEG = "right_leg"

    @property
    def side(self) -> str:
        """``left`` or ``right``."""
        return self.value.split("_")[0]

    @property
    def partner(self) -> Limb:
        """The same limb on the other side."""
        other = "right" if self.side == "left" else "left"
        return Limb(f"{other}_{self.value.split('_')[1]}")


class Certainty(StrEnum):
    """How sure a reading is (``crawlcoach.contract.certainty``)."""

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


class LimbUseLevel(StrEnum):
    """A limb's ``used`` (true, false, null) as one word."""

    TAKES_PART = "takes_part"
    HARDLY_USED = "hardly_used"
    NOT_JUDGED = "not_judged"

    @classmethod
    def of(cls, used: bool | None) -> LimbUseLevel:
        if used is None:
            return cls.NOT_JUDGED
        return cls.TAKES_PART if used else cls.HARDLY_USED


# Bouts go one of these ways; ``locomotion.seconds`` has one entry for each.
BOUT_DIRECTIONS: Final[tuple[Direction, ...]] = (
    Direction.FORWARD,
    Direction.BACKWARD,
    Direction.PIVOTING,
    Direction.STATIONARY,
)
# Getting across the floor: a bout's travel, or a clip's dominant direction that says the baby
# travelled (``mixed``: both ways).
TRAVEL_DIRECTIONS: Final[tuple[Direction, ...]] = (Direction.FORWARD, Direction.BACKWARD)
TRAVELLED: Final[tuple[Direction, ...]] = (*TRAVEL_DIRECTIONS, Direction.MIXED)
# Styles of crawling (walking is not crawling; ``none``/``unknown`` are no style).
CRAWLING_STYLES: Final[tuple[Style, ...]] = (
    Style.HANDS_AND_KNEES,
    Style.BELLY,
    Style.BEAR,
    Style.BOTTOM_SCOOT,
    Style.CRAB,
    Style.ROLLING,
)
LIMBS: Final[tuple[Limb, ...]] = tuple(Limb)
