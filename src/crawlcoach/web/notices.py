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

# A long video is analysed in its first part only ({minutes}: how much, {total}: its length);
# the analysis's own note says it too (words.toml, [notes] first_part_only).
FIRST_PART_NOTE = (
    "This video is {total} long: we analysed its first {minutes}, the most this server looks at."
)

STORAGE_PROBLEM = (
    "We could not save your video: the server's disk is full or cannot be written to. Nothing "
    "is lost on your phone. Tell whoever runs this server, then try again."
)

# Any other write the data folder refused (sign-up, the journal, a photo, the API).
STORAGE_SAVE_PROBLEM = (
    "We could not save that: the server's disk is full or cannot be written to. Nothing you "
    "typed or chose is lost on your phone. Tell whoever runs this server, then try again."
)


# Accounts: signing in, reset links, the family's members (docs/web.md, "Accounts"). The same
# words whether or not a username exists, so no answer tells who has an account here.


def sign_in_paused(minutes: int) -> str:
    more = "1 more minute" if minutes == 1 else f"{minutes} more minutes"
    return (
        f"Too many wrong passwords from this device, so signing in from here is paused for "
        f"{more}. Other phones and computers are not affected. If the password is forgotten, "
        "someone in your family can make a reset link on the Family page."
    )


def one_try_left(minutes: int) -> str:
    return (
        f"One more wrong password locks sign-in from this device for {minutes} minutes. Take "
        "your time; if the password is forgotten, ask someone in your family for a reset link."
    )


def reset_link_made(name: str, hours: int) -> str:
    return (
        f"A reset link for {name} is below. Send it to them; it works once, for {hours} hours, "
        "and lets them choose a new password."
    )


def reset_email_sent(hours: int) -> str:
    return (
        "If that belongs to an account here with an email address, a reset link is on its way. "
        f"It works once, for {hours} hours. Nothing arrived after a few minutes? Check the spam "
        "folder, or ask someone in your family to make a reset link on the Family page."
    )


RESET_LINK_CLOSED = (
    "This reset link no longer works: it was used already, or it has expired. Ask someone in "
    "your family for a new one, or whoever runs this server."
)
PASSWORD_RESET_DONE = (
    "Your new password is set, and every other phone and computer has been signed out. Sign in "
    "with the new password now."
)
RESET_EMAIL_SUBJECT = "Choose a new crawlcoach password"


def reset_email_body(name: str, link: str, hours: int) -> str:
    return (
        f"Hello {name},\n\nSomeone (hopefully you) asked to choose a new password for "
        f"crawlcoach. Open this link to do it; it works once, for {hours} hours:\n\n{link}\n\n"
        "If you did not ask, you can ignore this email: your password stays as it is.\n"
    )


def family_renamed(name: str) -> str:
    return f"The family is now called {name}."


def caregiver_removed(name: str) -> str:
    return (
        f"{name} is no longer part of the family. They are signed out everywhere and their API "
        "tokens no longer work."
    )


def admin_named(name: str) -> str:
    return f"{name} can now look after the family too: rename it, remove caregivers, make links."


def left_family(family: str) -> str:
    return (
        f"You have left {family}. Your account is kept; to join a family again, open an "
        "invitation link from one of its caregivers."
    )


REMOVE_YOURSELF = "To leave the family yourself, use “Leave the family” on your account page."
EMAIL_SAVED = "Your email address is saved."
FAMILY_NAME_NEEDED = "Give the family a name of up to 100 letters, e.g. The Okafor family."
NOT_AN_ADMIN = "Only the family's admins can do that; ask one of them."
LAST_ADMIN = (
    "You are the family's only admin. Choose who looks after the family next, or delete your "
    "account together with the family."
)
WRONG_PASSWORD_TO_CONFIRM = "That is not your password; nothing was changed."
ACCOUNT_DELETED = "Your account is deleted. Thank you for using crawlcoach."
ACCOUNT_AND_FAMILY_DELETED = (
    "Your account is deleted, and with it the family's children, videos, analyses and journal, "
    "as you were its last member."
)
NO_FAMILY = (
    "This account is not part of a family at the moment. To join one, ask one of its "
    "caregivers for an invitation link and open it while signed in."
)


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
