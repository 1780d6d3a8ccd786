"""The posture tests that keep two kinds of baby who do not crawl from reading as crawlers
(issue 17): one lying on its back (or side), limbs raised, and a child standing held up by the
hands, whose straight legs would otherwise make a bear crawl."""

from __future__ import annotations

from dataclasses import fields

import numpy as np
import pytest

from crawlcoach.motion.bouts import Bout
from crawlcoach.motion.heading import Heading
from crawlcoach.motion.posture import Posture
from crawlcoach.motion.style import classify_style, lies_on_back
from crawlcoach.parameters import StyleParams

T = 45  # three seconds at 15 fps
FPS = 15.0


def _posture(**values: float) -> Posture:
    """A posture constant over ``T`` frames; measures not given are unknown (NaN)."""
    arrays = {f.name: np.full(T, values.get(f.name, np.nan)) for f in fields(Posture)}
    return Posture(**arrays)


def _heading(in_plane: float = 1.0, toward: float = 0.0) -> Heading:
    return Heading(
        direction_xy=np.tile([1.0, 0.0], (T, 1)),
        in_plane=np.full(T, in_plane),
        toward_camera=np.full(T, toward),
        known=np.ones(T, bool),
        sitting_toward=np.zeros(T),
    )


def _bout(direction: str = "forward") -> Bout:
    return Bout(0.0, T / FPS, direction, 0, T, 1.2, 1.0, 0.8, 0.1, 0.1)


ALL = np.ones(T, bool)
ON_BACK = dict(trunk_up=0.0, wrist_below=-0.3, knee_below=-0.2)


def test_limbs_raised_above_a_level_trunk_seen_from_the_side_lie_on_the_back() -> None:
    assert lies_on_back(ALL, _posture(**ON_BACK), _heading(), FPS, StyleParams())


@pytest.mark.parametrize(
    "change",
    [
        dict(wrist_below=0.8),  # hands on the floor under the shoulders: on hands and knees
        dict(knee_below=0.4),  # knees under the hips
        dict(wrist_below=0.0, knee_below=0.0),  # forearms and thighs on the floor: belly
        dict(trunk_up=0.9),  # the trunk stands up in the image: not lying across the view
    ],
)
def test_a_body_carried_on_its_limbs_or_upright_does_not(change: dict[str, float]) -> None:
    assert not lies_on_back(ALL, _posture(**(ON_BACK | change)), _heading(), FPS, StyleParams())


def test_head_on_or_mostly_unseen_views_are_not_judged() -> None:
    # Facing the camera, up in the image is toward the camera: it says nothing of the back.
    assert not lies_on_back(ALL, _posture(**ON_BACK), _heading(in_plane=0.3), FPS, StyleParams())
    few = np.zeros(T, bool)
    few[:2] = True  # shorter than StyleParams.min_median_s
    assert not lies_on_back(few, _posture(**ON_BACK), _heading(), FPS, StyleParams())


def test_a_minority_of_frames_across_the_view_does_not_decide() -> None:
    posture = _posture(**ON_BACK)
    posture.trunk_up[: T * 2 // 3] = 1.0  # upright in the image for two thirds of the frames
    assert not lies_on_back(ALL, posture, _heading(), FPS, StyleParams())


STANDING_LEGS = dict(knee_angle_deg=165.0, ankle_below=1.0, trunk_up=0.2, knee_behind=0.0)


def test_straight_legs_under_a_level_trunk_on_the_hands_are_a_bear() -> None:
    posture = _posture(**STANDING_LEGS, wrist_below=1.0, ankle_behind=0.0)
    assert classify_style(_bout(), posture, _heading(), FPS) == "bear"


def test_straight_legs_with_the_hands_up_are_a_child_held_standing() -> None:
    posture = _posture(**STANDING_LEGS, wrist_below=-0.3, ankle_behind=0.0)
    assert classify_style(_bout(), posture, _heading(), FPS) == "walking"
