"""Guidance: a baby's movement judged against age norms, with reasons, sources and a play plan.

The content (norms, red flags, activities, texts, sources) lives in ``data/*.toml``; see
``docs/guidance.md``.
"""

from __future__ import annotations

from crawlcoach.guidance.age import Age, age_from_dates
from crawlcoach.guidance.assess import Assessment, assess, parse_observations
from crawlcoach.guidance.content import Activity, Content, Source
from crawlcoach.guidance.errors import GuidanceContentError, GuidanceInputError
from crawlcoach.guidance.loading import load_content
from crawlcoach.guidance.rules import Reason
from crawlcoach.guidance.summary import render_text
from crawlcoach.guidance.vocabulary import OBSERVATIONS, SITUATIONS

__all__ = [
    "OBSERVATIONS",
    "SITUATIONS",
    "Activity",
    "Age",
    "Assessment",
    "Content",
    "GuidanceContentError",
    "GuidanceInputError",
    "Reason",
    "Source",
    "age_from_dates",
    "assess",
    "load_content",
    "parse_observations",
    "render_text",
]
