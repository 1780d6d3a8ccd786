"""The assessment as a short plain-text summary for a terminal or an email."""

from __future__ import annotations

import textwrap

from crawlcoach.guidance.assess import Assessment

WIDTH = 88


def render_text(assessment: Assessment) -> str:
    numbers = {source.id: n for n, source in enumerate(assessment.sources, start=1)}

    def cite(source_ids: list[str]) -> str:
        return "[" + ", ".join(str(numbers[s]) for s in source_ids) + "]"

    age = assessment.age
    age_line = f"Age: {age.age_months:.1f} months"
    if age.corrected_age_months is not None:
        corrected = max(0.0, age.corrected_age_months)
        age_line += f" ({corrected:.1f} months corrected for an early birth)"
    lines = [age_line, "", assessment.verdict_text, ""]

    lines.append("Why")
    for reason in assessment.reasons:
        lines += _wrap(f"{reason.text} {cite([s.id for s in reason.sources])}", "  - ", "    ")
    lines += ["", "What we saw"]
    lines += _wrap(assessment.explanation, "  ", "  ")

    chosen_for = ", ".join(assessment.situations_text)
    lines += ["", f"Play for this week (chosen for: {chosen_for})"]
    for n, activity in enumerate(assessment.plan, start=1):
        lines.append(f"  {n}. {activity.title} {cite(list(activity.sources))}")
        lines += _wrap(activity.why, "     ", "     ")
        for step in activity.steps:
            lines += _wrap(step, "     - ", "       ")
        for note in activity.safety:
            lines += _wrap(f"Safety: {note}", "     ", "     ")

    lines += ["", "What to watch for"]
    for item in assessment.watch_for:
        lines += _wrap(item, "  - ", "    ")
    lines += [""]
    lines += _wrap(assessment.film_again, "", "")

    lines += ["", "Sources"]
    for source in assessment.sources:
        text = source.citation + (f" {source.url}" if source.url else "")
        lines += _wrap(text, f"  [{numbers[source.id]}] ", "      ")
    lines += [""]
    lines += _wrap(assessment.disclaimer, "", "")
    return "\n".join(lines) + "\n"


def _wrap(text: str, first: str, rest: str) -> list[str]:
    return textwrap.wrap(text, WIDTH, initial_indent=first, subsequent_indent=rest) or [first]
