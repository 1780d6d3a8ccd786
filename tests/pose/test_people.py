"""MoveNet MultiPose, the person finder shipped in the package (``pose/people.py``)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from crawlcoach.pose import people
from crawlcoach.pose.people import PersonFinder
from crawlcoach.video import iter_frames


@pytest.fixture(scope="module")
def finder() -> PersonFinder:
    return PersonFinder()


def test_the_shipped_weights_are_the_ones_the_model_card_describes() -> None:
    assert people.weights_digest() == people.MODEL_SHA256
    card = (people.MODEL_FILE.parent / "MODEL_CARD.md").read_text()
    assert people.MODEL_SHA256 in card


def test_nobody_in_a_blank_image(finder: PersonFinder) -> None:
    assert finder.find(np.full((240, 320, 3), 128, dtype=np.uint8)) == []


def test_finds_the_baby_seen_from_behind_and_the_adult(
    finder: PersonFinder, clips_dir: Path
) -> None:
    """g06_c04: a belly crawler seen from behind, an adult's head and shoulders at the top edge;
    BlazePose's face-keyed detector finds only the adult there."""
    with iter_frames(clips_dir / "ucf101-dev" / "v_BabyCrawling_g06_c04.avi", fps=15.0) as stream:
        frame = next(iter(stream))
    found = finder.find(frame.image)
    height = frame.image.shape[0]
    assert len(found) >= 2
    lowest = max(found, key=lambda p: p.box[3])
    assert (lowest.box[1] + lowest.box[3]) / 2 > height / 2  # the baby, in the lower half
    assert lowest.keypoints_px.shape == (17, 2) and lowest.confidence.shape == (17,)
    x0, _, x1, _ = lowest.box
    inside = (lowest.keypoints_px[:, 0] >= x0 - 5) & (lowest.keypoints_px[:, 0] <= x1 + 5)
    assert inside.mean() > 0.8  # the points sit in the box, in the frame's pixels
