"""Plain words for the analysis contract's values, as a parent would say them."""

from __future__ import annotations

from crawlcoach.guidance.age import MAX_AGE_MONTHS

DIRECTIONS = {
    "forward": "Forward",
    "backward": "Backward",
    "mixed": "Both ways",
    "pivoting": "Turning on the spot",
    "stationary": "Staying in place",
    "unknown": "Not sure",
}

STYLES = {
    "hands_and_knees": "On hands and knees",
    "belly": "On the tummy (commando)",
    "bear": "Bear crawl (hands and feet)",
    "bottom_scoot": "Bottom scooting",
    "crab": "Crab crawl",
    "rolling": "Rolling",
    "walking": "Walking",
    "none": "Not travelling yet",
    "unknown": "Not sure",
}

PATTERNS = {
    "diagonal": "Opposite arm and leg together (the classic crawl)",
    "lateral": "Same-side arm and leg together",
    "synchronous": "Both sides together (bunny hops)",
    "irregular": "No steady pattern yet",
    "unknown": "Not sure",
}

# How sure the reported direction is (motion.dominance.certainty), with what our tests measured
# for readings that sure (docs/benchmarks.md, "How sure the direction is").
DIRECTION_CERTAINTY = {
    "high": "The direction is clear in this video: in our tests, readings this clear were right "
    "almost every time.",
    "medium": "The direction is likely but not certain: in our tests, readings like this were "
    "right about 9 times in 10.",
    "low": "We are not sure of the direction: there was little clear progress, or the video made "
    "it hard to tell which way. In our tests, readings like this were right about 4 times in 5.",
}
STILLNESS_CERTAINTY = {
    "high": "Staying in place is clear in this video.",
    "medium": "We saw no travel we could measure; very slow movement can hide in a video like "
    "this.",
    "low": "We saw no travel we could measure; very slow movement can hide in a video like this.",
}
MIXED_CERTAINTY = {
    "high": "Both ways is clear in this video: real stretches of each.",
    "medium": "We saw stretches both ways, though one of them may be the video misleading us.",
    "low": "We saw a little of both ways and cannot tell which one it mostly was.",
}

LIMBS = (
    ("left_arm", "Left arm"),
    ("right_arm", "Right arm"),
    ("left_leg", "Left leg"),
    ("right_leg", "Right leg"),
)


def limb_use(used: bool | None) -> str:
    if used is None:
        return "Not sure"
    return "Takes part" if used else "Hardly used"


def humanise(value: str) -> str:
    return value.replace("_", " ").capitalize()


# Why the advice is missing or leaves videos out: dates the guidance cannot judge, said calmly.
NORMS_YEARS = int(MAX_AGE_MONTHS // 12)


def past_norms(name: str) -> str:
    return (
        f"crawlcoach's norms cover the first {NORMS_YEARS} years; {name} is past them. Videos "
        "are still analysed and kept here, but no longer judged against age norms."
    )


def born_after_today(name: str) -> str:
    return (
        f"{name}'s birth date is after today on this server's calendar, so there is no advice "
        "yet. If the birth date is wrong, edit it."
    )


def videos_outside_life(count: int, name: str) -> str:
    some = "1 video is" if count == 1 else f"{count} videos are"
    them = "it is" if count == 1 else "they are"
    return (
        f"{some} dated outside {name}'s life so far (before the birth date, or after today), "
        f"so {them} left out of the advice. If the birth date is wrong, edit it."
    )


def video_outside_life(name: str) -> str:
    return (
        f"This video is dated outside {name}'s life so far (before the birth date, or after "
        "today), so it is not judged against age norms. If the birth date is wrong, edit it."
    )


NO_ASSESSMENT = (
    "We could not put together advice from these videos just now; the analyses above are "
    "still right."
)


# Why an analysis ended without a result when the analysis itself could not say (its process
# hit a limit or broke), keyed by the video's error_kind.
ANALYSIS_FAILURES = {
    "memory_limit": "The analysis needed more memory than this server allows. A shorter clip, "
    "or one filmed at a lower resolution (1080p is plenty), will go through.",
    "time_limit": "The analysis took too long, so we stopped it. The server may have been busy: "
    "try again, or upload a shorter clip.",
    "crashed": "The analysis stopped unexpectedly. Please try again; the video itself is fine "
    "to keep.",
    "internal_error": "Something went wrong on our side while analysing this video. Please try "
    "again; if it happens again, the video itself is fine to keep, and a newer version of the "
    "app may help.",
    "disk_problem": "The server's disk is full or cannot be written to, so the analysis could "
    "not be saved. Tell whoever runs this server, then try again.",
}
CANCELLED = "You stopped this analysis. You can start it again whenever you like."

# A long video is analysed in its first part only ({minutes}: how much, {total}: its length).
FIRST_PART_PROBLEM = (
    "only the first {minutes} minutes of this {total}-minute video were analysed; trim the video "
    "to the part you want looked at to have all of it analysed"
)
FIRST_PART_NOTE = (
    "This video is {total} minutes long: we analysed its first {minutes} minutes, the most this "
    "server looks at."
)

STORAGE_PROBLEM = (
    "We could not save your video: the server's disk is full or cannot be written to. Nothing "
    "is lost on your phone. Tell whoever runs this server, then try again."
)


def minutes(seconds: float) -> str:
    """Whole minutes as a parent would say them ("20", "34")."""
    return f"{max(1, round(seconds / 60))}"
