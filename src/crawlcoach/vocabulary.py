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


class NoteCode(StrEnum):
    """What limited an analysis (``quality.notes[].code``): a stable key for programs, said to
    parents in the word list's plain sentence (``words.toml``, ``[notes]``); the measured figures
    stay in the note's ``details``."""

    # The pose track (crawlcoach.quality)
    BABY_RARELY_FOUND = "baby_rarely_found"
    TOO_LITTLE_TRACKING = "too_little_tracking"
    BABY_PARTLY_IN_VIEW = "baby_partly_in_view"
    VIDEO_TOO_SHORT = "video_too_short"
    UNSURE_WHICH_PERSON = "unsure_which_person"
    CAMERA_MOTION_UNMEASURED = "camera_motion_unmeasured"
    # Arms and legs (crawlcoach.motion.limbs)
    TOO_LITTLE_TRAVEL_FOR_LIMBS = "too_little_travel_for_limbs"
    LIMBS_NOT_SEEN = "limbs_not_seen"
    # The rhythm of arms and legs (crawlcoach.motion.coordination)
    NO_TRAVEL_FOR_RHYTHM = "no_travel_for_rhythm"
    NO_STEADY_RHYTHM = "no_steady_rhythm"
    TOO_FEW_CYCLES = "too_few_cycles"
    SIDES_NOT_SEEN_TOGETHER = "sides_not_seen_together"
    ARM_LEG_TIMING_UNCLEAR = "arm_leg_timing_unclear"
    LIMBS_LOOKED_IN_STEP = "limbs_looked_in_step"
    STEADY_TIMING_UNMATCHED = "steady_timing_unmatched"
    TIMING_UNCLEAR = "timing_unclear"
    RHYTHM_HIDDEN_IN_DEPTH = "rhythm_hidden_in_depth"
    # The file (crawlcoach.video.frames)
    DAMAGED_PIECES_SKIPPED = "damaged_pieces_skipped"
    FRAMES_OUT_OF_ORDER = "frames_out_of_order"
    ENDED_EARLY = "ended_early"
    # The web app analysed a long video in its first part only
    FIRST_PART_ONLY = "first_part_only"
