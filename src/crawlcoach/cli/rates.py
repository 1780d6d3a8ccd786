"""Rate options: frames per second looked at (``--fps``), seconds between progress lines."""

from __future__ import annotations

import math
from typing import cast

import click


class _Rate(click.FloatRange):
    """A rate within bounds; ``nan`` compares false with both bounds, so is refused by name."""

    def convert(
        self, value: object, param: click.Parameter | None, ctx: click.Context | None
    ) -> float:
        # click's types say a float comes in; from the command line it is the text typed.
        rate = super().convert(cast(float, value), param, ctx)
        if math.isnan(rate):
            self.fail(f"{value!r} is not a number.", param, ctx)
        return float(rate)


# Below 1 fps a crawling cycle (about 1 s) is not seen at all; above 60 no phone films.
ANALYSIS_RATE = _Rate(min=1.0, max=60.0)
SECONDS_BETWEEN_LINES = _Rate(min=0.0)
