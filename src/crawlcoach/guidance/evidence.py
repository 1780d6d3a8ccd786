"""Everything the assessment knows about one baby: age, videos over time, parent's reports."""

from __future__ import annotations

from dataclasses import dataclass

from crawlcoach.guidance.age import Age
from crawlcoach.guidance.findings import VideoFindings
from crawlcoach.guidance.vocabulary import MOVEMENT_OBSERVATIONS

ONE_SIDE_REPORTS = frozenset({"one_side_less", "reaches_with_one_hand"})
# Reports that the baby gets across the floor somehow (pivoting on the spot does not).
TRAVEL_REPORTS = frozenset(MOVEMENT_OBSERVATIONS) - {"pivots"}


@dataclass(frozen=True)
class Evidence:
    age: Age
    videos: tuple[VideoFindings, ...]  # in time order, unusable ones included
    observations: frozenset[str]

    @property
    def months(self) -> float:
        return self.age.effective_months

    @property
    def usable(self) -> tuple[VideoFindings, ...]:
        return tuple(v for v in self.videos if v.usable)

    @property
    def latest(self) -> VideoFindings | None:
        usable = self.usable
        return usable[-1] if usable else None

    def reported(self, *observations: str) -> bool:
        return any(o in self.observations for o in observations)

    @property
    def reports_travel(self) -> bool:
        return bool(self.observations & TRAVEL_REPORTS)
