"""Short runs of per-frame labels merge the same way in a clip and in the same clip reversed."""

from __future__ import annotations

import numpy as np

from crawlcoach.motion.bouts import _merge_short

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
