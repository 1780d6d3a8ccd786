"""The pose backend sometimes mistakes front for back for a fraction of a second (seen on real
rear views from above): the skeleton turns round and back. Those frames are dropped, not read as
a baby that crawled backward; a real turn, which passes through the directions in between,
keeps all its frames."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
from motion_helpers import catalogue

from crawlcoach.motion.clean import _briefly_flipped, clean_track
from crawlcoach.pose.track import PoseTrack


def _turned_round(track: PoseTrack, runs: list[tuple[float, float]]) -> PoseTrack:
    """The same track with the whole skeleton turned 180 degrees in the image over ``runs``."""
    kp = track.keypoints_px.copy()
    depth = None if track.depth is None else track.depth.copy()
    for start_s, end_s in runs:
        frames = (track.timestamps_s >= start_s) & (track.timestamps_s < end_s)
        centre = np.nanmean(kp[frames][:, [11, 12, 23, 24]], axis=1, keepdims=True)
        kp[frames] = 2 * centre - kp[frames]
        if depth is not None:
            mid = np.nanmean(depth[frames][:, [11, 12, 23, 24]], axis=1, keepdims=True)
            depth[frames] = 2 * mid - depth[frames]
    return replace(track, keypoints_px=kp, depth=depth)


def test_a_skeleton_turned_round_for_under_a_second_is_dropped_not_read_as_backward() -> None:
    # Seen from above the body axis lies in the image; three turns of 0.8 s each read as
    # 2.5 s of crawling backward (`mixed`) when they are not dropped.
    clip = catalogue("hk_forward_above_shake", 11)
    track, camera = clip.track, clip.camera
    runs = [(0.9, 1.7), (2.6, 3.4), (4.3, 5.1)]
    flipped = _turned_round(track, runs)
    clean = clean_track(flipped, camera)
    for start_s, end_s in runs:
        inside = (clean.timestamps_s >= start_s + 0.1) & (clean.timestamps_s < end_s - 0.1)
        assert not clean.seen[inside][:, [11, 12, 23, 24]].any()  # shoulders and hips
    loco = clip.analyse(flipped).locomotion
    assert loco.dominant_direction == "forward"
    assert loco.seconds.backward == 0.0


def test_a_real_turn_in_place_keeps_its_frames() -> None:
    clip = catalogue("hk_pivoting_above_static", 11)
    track, camera = clip.track, clip.camera
    xy = camera.apply(np.where(track.confidence[..., None] >= 0.3, track.keypoints_px, np.nan))
    assert not _briefly_flipped(xy, 1.0 / float(np.median(np.diff(track.timestamps_s)))).any()


def test_a_single_odd_frame_is_left_to_smoothing() -> None:
    clip = catalogue("hk_forward_above_shake", 11)
    track, camera = clip.track, clip.camera
    one = track.timestamps_s[30] + 1e-6
    flipped = _turned_round(track, [(track.timestamps_s[30], one)])
    xy = camera.apply(flipped.keypoints_px)
    assert not _briefly_flipped(xy, 1.0 / float(np.median(np.diff(track.timestamps_s)))).any()
