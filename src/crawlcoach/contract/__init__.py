"""The analysis contract of ``crawlcoach analyze`` (DESIGN.md, docs/analysis.md): its schema id,
its typed records and its one reader.

Field names are fixed by the contract; fields may be added, never renamed. The pipeline builds an
``Analysis``; ``Analysis.to_dict()`` is the JSON; ``Analysis.from_dict(obj)`` reads one back and
raises ``ContractError`` for anything that is not an analysis.
"""

from __future__ import annotations

from typing import Any

from crawlcoach.contract.reading import ContractError
from crawlcoach.contract.records import (
    SCHEMA,
    Analysis,
    Bout,
    Coordination,
    Distances,
    ErrorInfo,
    Limbs,
    LimbUse,
    Locomotion,
    Note,
    Quality,
    Seconds,
    Timing,
    VideoFacts,
)
from crawlcoach.vocabulary import Certainty

__all__ = [
    "CONFIDENT",
    "SCHEMA",
    "UNSURE",
    "Analysis",
    "Bout",
    "ContractError",
    "Coordination",
    "Distances",
    "ErrorInfo",
    "LimbUse",
    "Limbs",
    "Locomotion",
    "Note",
    "Quality",
    "Seconds",
    "Timing",
    "VideoFacts",
    "certainty",
    "check",
    "failed_analysis",
    "unknown_sections",
]

# ``locomotion.direction_confidence`` read as a level. Calibrated on the development clips in four
# forms (bench/direction_confidence.py; docs/benchmarks-history.md, "How sure the direction is"):
# forward or backward readings at CONFIDENT or more were right 99% of the time, from UNSURE 93%,
# below it 78%.
CONFIDENT = 0.6
UNSURE = 0.3


def certainty(direction_confidence: float) -> Certainty:
    """How sure a direction with this confidence is: high, medium or low."""
    if direction_confidence >= CONFIDENT:
        return Certainty.HIGH
    return Certainty.MEDIUM if direction_confidence >= UNSURE else Certainty.LOW


def check(analysis: Any) -> list[str]:
    """What is wrong with ``analysis`` as a contract object (empty when nothing is): the
    problems ``Analysis.from_dict`` would raise."""
    try:
        Analysis.from_dict(analysis)
    except ContractError as exc:
        return list(exc.problems)
    return []


def failed_analysis(path: str, kind: str, message: str, analysis_s: float) -> dict[str, Any]:
    """The contract object for a video that could not be analysed (``Analysis.failed``)."""
    return Analysis.failed(path, kind, message, analysis_s).to_dict()


def unknown_sections() -> dict[str, dict[str, Any]]:
    """``locomotion``, ``limbs`` and ``coordination`` when nothing could be measured."""
    return {
        "locomotion": Locomotion.unknown().to_dict(),
        "limbs": Limbs.unknown().to_dict(),
        "coordination": Coordination.unknown().to_dict(),
    }
