"""The fixed words the guidance speaks in: situations, observations, levels and required ids.

The data files may add content but must use these words; the loader checks them. The analysis's
own words (directions, styles, patterns, limbs, certainty levels) are ``crawlcoach.vocabulary``;
what people read for them is ``crawlcoach/words.toml``.
"""

from __future__ import annotations

from typing import Final, Literal

Level = Literal["typical", "watch", "talk_to_doctor"]
LEVELS: Final[tuple[Level, ...]] = ("typical", "watch", "talk_to_doctor")

# What the baby's movement looks like right now; plans are chosen per situation.
# Order matters: it is the order in which the plan draws on situations (concerns first).
SITUATIONS: Final[tuple[str, ...]] = (
    "one_side_less",
    "backward_only",
    "mixed_direction",
    "pivoting_only",
    "belly_only",
    "bottom_scooting",
    "rolling_only",
    "not_yet_moving",
    "forward_crawling",
    "walking",
    "unknown_movement",
)

# What a parent can report. Concerns feed the red flags; movements describe the baby when no
# usable video shows it (and add to what a video shows).
CONCERN_OBSERVATIONS: Final[tuple[str, ...]] = (
    "lost_skills",
    "stiff",
    "floppy",
    "one_side_less",
    "reaches_with_one_hand",
    "not_moving",
    "not_bearing_weight",
    "not_sitting",
)
MOVEMENT_OBSERVATIONS: Final[dict[str, str]] = {
    "moves_forward": "forward_crawling",
    "moves_backward": "backward_only",
    "on_hands_and_knees": "",  # a style, not a situation of its own; it meets the WHO criterion
    "belly_crawls": "belly_only",
    "bottom_scoots": "bottom_scooting",
    "rolls_to_move": "rolling_only",
    "pivots": "pivoting_only",
    "walks": "walking",
}
OBSERVATIONS: Final[tuple[str, ...]] = CONCERN_OBSERVATIONS + tuple(MOVEMENT_OBSERVATIONS)

# Ids the rules look up; the loader fails when the data files lack one.
REQUIRED_WINDOWS: Final[tuple[str, ...]] = ("sitting_without_support", "hands_and_knees_crawling")
REQUIRED_CDC_ITEMS: Final[tuple[str, ...]] = ("sits_without_support",)
REQUIRED_RED_FLAGS: Final[tuple[str, ...]] = (
    "lost_skills",
    "stiff_or_floppy",
    "one_side_persistent",
    "one_side_confirmed",
    "no_floor_movement",
    "not_sitting_after_window",
    "not_bearing_weight",
)
REQUIRED_REASONS: Final[tuple[str, ...]] = (
    "preterm_corrected",
    "before_crawling_window",
    "not_crawling_within_window",
    "hands_knees_may_follow",
    "crawling_window_now",
    "some_never_crawl",
    "backward_is_common",
    "backward_meets_who",
    "forward_hands_knees",
    "hands_knees_either_way",
    "belly_crawling_common",
    "other_style_fine",
    "pivoting_early_step",
    "walking_fine",
    "tummy_time",
    "both_sides_used",
    "sitting_within_window",
    "asymmetry_seen",
    "one_side_reported",
    "still_in_video_after_12",
    "not_sitting_yet",
)
REQUIRED_EXPLANATIONS: Final[tuple[str, ...]] = (
    "no_video",
    "no_usable_video",
    "some_unusable",
    "latest_video",
    "latest_video_dated",
    "all_limbs",
    "limbs_less",
    "one_side_less",
    "direction_unsure",
    "forward_grew",
    "forward_steady",
    "reports_only",
    "problems",
)
# Placeholders a text may use; the loader rejects any other ``{name}``.
PLACEHOLDERS: Final[frozenset[str]] = frozenset(
    {
        "age",
        "window_start",
        "window_end",
        "never_crawled_percent",
        "tummy_minutes",
        "days_apart",
        "side",
        "limbs",
        "date",
        "movement",
        "count",
        "videos",
        "first_seconds",
        "latest_seconds",
        "weeks",
        "days",
        "months",
        "items",
        "direction",
    }
)
