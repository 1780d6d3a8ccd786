"""Rules that turn per-frame travel into bouts: short runs merge the same way in a clip and in
the same clip reversed; pivoting in place means turning round, not settling a few degrees."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from crawlcoach.motion.bouts import _bout, _merge_short, find_bouts, join_bouts
from crawlcoach.motion.travel import TravelSignals
from crawlcoach.parameters import BoutParams

# Per-frame labels of a real clip (15 fps): a first run lasting exactly MIN_BOUT_S, then short
# runs of the other way inside a long one.
LABELS = "BBBBBBBBBBBBBFFFFFFFFFFFBBBBBFFFBPBFFFFFFFFFFFFFFF"
NAMES = {"B": "backward", "F": "forward", "P": "pivoting"}
SWAP = {"backward": "forward", "forward": "backward", "pivoting": "pivoting"}


def test_reversed_labels_merge_into_the_mirror_of_the_forward_ones() -> None:
    t = np.arange(len(LABELS)) / 15.0
    labels = np.array([NAMES[c] for c in LABELS], dtype=object)
    # Played backwards: times from the end (their last bits differ), order reversed, and
    # travel along the heading turns into travel against it.
    t_back = t[-1] - t[::-1]
    back = np.array([SWAP[x] for x in labels[::-1]], dtype=object)
    merged = _merge_short(labels, t)
    merged_back = _merge_short(back, t_back)
    assert [SWAP[x] for x in merged_back[::-1]] == list(merged)
    assert list(merged[:13]) == ["backward"] * 13  # the run of exactly MIN_BOUT_S stays


def _turning_in_place(total_deg: float) -> TravelSignals:
    """2 s of staying put, with a second in the middle turning ``total_deg`` at 40 deg/s+."""
    fps = 15.0
    t = np.arange(round(2 * fps)) / fps
    n = len(t)
    turning = (t >= 0.5) & (t < 1.5)
    heading = np.clip((t - 0.5) * total_deg, 0.0, total_deg)
    rate = np.where(turning, max(40.0, total_deg), 0.0)
    zeros = np.zeros(n)
    return TravelSignals(
        timestamps_s=t,
        velocity=np.zeros((n, 3)),
        forward=zeros,
        speed=zeros,
        turn_deg_s=rate,
        known=np.ones(n, bool),
        planar_forward=zeros,
        heading_deg=heading,
    )


def test_turning_round_in_place_is_pivoting() -> None:
    assert "pivoting" in {b.direction for b in find_bouts(_turning_in_place(90.0))}


def test_settling_twenty_degrees_is_staying_put() -> None:
    assert {b.direction for b in find_bouts(_turning_in_place(20.0))} == {"stationary"}


def _crawling_ahead(seconds: float, speed: float = 0.5) -> TravelSignals:
    """``seconds`` of steady travel along the heading at ``speed`` body lengths/s."""
    fps = 15.0
    t = np.arange(round(seconds * fps)) / fps
    n = len(t)
    velocity = np.zeros((n, 3))
    velocity[:, 0] = speed
    return TravelSignals(
        timestamps_s=t,
        velocity=velocity,
        forward=np.full(n, speed),
        speed=np.full(n, speed),
        turn_deg_s=np.zeros(n),
        known=np.ones(n, bool),
        planar_forward=np.full(n, speed),
        heading_deg=np.zeros(n),
    )


def test_two_neighbouring_bouts_joined_measure_as_the_whole_stretch() -> None:
    travel = _crawling_ahead(3.0)
    (whole,) = find_bouts(travel)
    dt = np.gradient(travel.timestamps_s)
    first = _bout(travel, dt, "forward", 0, 20, BoutParams())
    then = replace(_bout(travel, dt, "forward", 20, len(dt), BoutParams()), confidence=0.4)
    joined = join_bouts(first, then, travel, BoutParams())
    assert (joined.start_s, joined.end_s) == (first.start_s, then.end_s)
    assert (joined.start_index, joined.end_index) == (whole.start_index, whole.end_index)
    parts = first.distance_body_lengths + then.distance_body_lengths
    assert joined.distance_body_lengths == pytest.approx(parts)
    assert joined.distance_body_lengths == pytest.approx(whole.distance_body_lengths)
    assert joined.net_forward_body_lengths == pytest.approx(whole.net_forward_body_lengths)
    assert joined.sideways == pytest.approx(whole.sideways)
    assert joined.confidence == 0.4  # the lower of the two
    assert joined.direction == "forward"
