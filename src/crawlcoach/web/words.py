"""Plain words for the analysis contract's values, as a parent would say them."""

from __future__ import annotations

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
