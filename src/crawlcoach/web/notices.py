"""The web app's own notices to parents: why advice is missing or leaves videos out, why an
analysis ended without a result, a long video analysed in its first part, a full disk.

These are not words for the analysis's values: those live in the one word list
(``crawlcoach/words.toml``, read by ``crawlcoach.words``), shared with the terminal and the
guidance. What is here is said only by the web pages and the analysis worker.
"""

from __future__ import annotations

from crawlcoach.guidance.age import MAX_AGE_MONTHS

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


# Copies of a video to send to a therapist (the video page's "Share privately" panel).
SHARE_INTRO = (
    "To show this video to a therapist or a doctor without showing who you are, make a copy "
    "here and send that. Copies are made on this server and stay on it: nothing is sent "
    "anywhere until you download a copy and send it yourself. They have no sound."
)
SHARE_KINDS = {
    "faces_blurred": (
        "The video with faces blurred",
        "Every face we can find is blurred, yours and anyone else's, and {name}'s head is "
        "blurred wherever we tracked it, even from the side or from behind. Look it through "
        "before you send it.",
    ),
    "skeleton_only": (
        "The skeleton only",
        "Just the movement we tracked, drawn on a plain background: nothing of the room or of "
        "anyone in it.",
    ),
}
SHARE_STATUS = {
    "queued": "Waiting its turn",
    "analysing": "Being made",
    "done": "Ready to download",
    "failed": "Could not be made",
    "cancelled": "Stopped",
}
SHARE_FAILED = (
    "We could not make this copy. Please try again; the video itself is fine. If it happens "
    "again, the copy of the other kind may still work."
)
SHARE_TOO_LONG = (
    "Making this copy took too long, so we stopped. The server may have been busy: try again "
    "a little later."
)
SHARE_GONE = "This copy is no longer here. Make it again; it takes a moment."
SHARE_MADE_AGAIN = "We are making the copy; it appears here when it is ready."
