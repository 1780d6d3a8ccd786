"""Guidance errors: bad input from a person, or a broken content file from a maintainer."""

from __future__ import annotations

from crawlcoach.errors import CrawlcoachError


class GuidanceInputError(CrawlcoachError):
    """A date, observation or analysis given to the assessment that cannot be used as it is."""

    kind = "guidance_input"


class GuidanceContentError(CrawlcoachError):
    """A guidance data file (norms, red flags, activities, texts) is missing or malformed."""

    kind = "guidance_content"
