"""Skeleton drawing: the baby's left and right in two colours, unsure keypoints left out."""

from __future__ import annotations

import numpy as np
import pytest

from crawlcoach.pose.keypoints import COUNT, INDEX
from crawlcoach.report.overlay import (
    CENTRE_COLOUR,
    LEFT_COLOUR,
    RIGHT_COLOUR,
    draw_skeleton,
)


def pose(width: int, height: int) -> tuple[np.ndarray, np.ndarray]:
    """A standing figure: the baby's left side on the image's right (facing the camera)."""
    points = np.full((COUNT, 2), np.nan)
    cx, top = width / 2, height * 0.1
    unit = height / 10
    for side, sign in (("left", 1), ("right", -1)):
        x = cx + sign * unit
        points[INDEX[f"{side}_shoulder"]] = (x, top + 2 * unit)
        points[INDEX[f"{side}_elbow"]] = (x + sign * unit, top + 3.5 * unit)
        points[INDEX[f"{side}_wrist"]] = (x + sign * unit, top + 5 * unit)
        points[INDEX[f"{side}_hip"]] = (x, top + 5 * unit)
        points[INDEX[f"{side}_knee"]] = (x, top + 6.5 * unit)
        points[INDEX[f"{side}_ankle"]] = (x, top + 8 * unit)
    points[INDEX["nose"]] = (cx, top + unit)
    confidence = np.where(np.isfinite(points).all(axis=1), 0.9, 0.0)
    return points, confidence


def near(image: np.ndarray, colour: tuple[int, int, int]) -> np.ndarray:
    """Pixels of about this colour (anti-aliased edges blend into the background)."""
    return np.abs(image.astype(int) - np.array(colour)).sum(axis=-1) < 60


def colour_count(image: np.ndarray, colour: tuple[int, int, int]) -> int:
    return int(near(image, colour).sum())


def test_draws_left_and_right_in_their_own_colours() -> None:
    image = np.zeros((200, 200, 3), np.uint8)
    points, confidence = pose(200, 200)
    out = draw_skeleton(image, points, confidence)
    assert out is not image and not image.any()  # the input is left untouched
    left, right = near(out, LEFT_COLOUR), near(out, RIGHT_COLOUR)
    assert left.sum() > 100 and right.sum() > 100
    assert np.nonzero(left)[1].mean() > 100 > np.nonzero(right)[1].mean()
    assert colour_count(out, CENTRE_COLOUR) > 20  # shoulder and hip lines join the sides


def test_unsure_or_missing_keypoints_are_not_drawn() -> None:
    image = np.zeros((200, 200, 3), np.uint8)
    points, confidence = pose(200, 200)
    knees = points[[INDEX["left_knee"], INDEX["right_knee"]]].copy()
    confidence[INDEX["left_knee"]] = 0.1  # below the default threshold of 0.3
    points[INDEX["right_knee"]] = np.nan
    out = draw_skeleton(image, points, confidence)
    for x, y in knees.astype(int):
        assert not out[y - 1 : y + 2, x - 1 : x + 2].any()
    assert not draw_skeleton(image, points, np.zeros(COUNT)).any()


def test_thickness_grows_with_the_image() -> None:
    small_points, confidence = pose(200, 200)
    small = draw_skeleton(np.zeros((200, 200, 3), np.uint8), small_points, confidence)
    big = draw_skeleton(np.zeros((1000, 1000, 3), np.uint8), small_points * 5, confidence)
    ratio = colour_count(big, LEFT_COLOUR) / colour_count(small, LEFT_COLOUR)
    assert ratio > 10  # 5x longer lines that are also thicker (2 px -> 6 px)


def test_points_far_outside_the_image_are_harmless() -> None:
    points, confidence = pose(100, 100)
    points[INDEX["left_wrist"]] = (1e12, -1e12)
    out = draw_skeleton(np.zeros((100, 100, 3), np.uint8), points, confidence)
    assert out.shape == (100, 100, 3)


def test_shapes_are_checked() -> None:
    points, confidence = pose(100, 100)
    with pytest.raises(ValueError, match="keypoints"):
        draw_skeleton(np.zeros((100, 100, 3), np.uint8), points[:17], confidence[:17])
    with pytest.raises(ValueError, match="RGB"):
        draw_skeleton(np.zeros((100, 100), np.uint8), points, confidence)
