"""The quality gates, in one place: whether a pose track is enough to judge motion at all, and
whether the analysis vouches for its reading (the contract's ``quality`` section).

Two levels on purpose (``QualityParams``): below the first the motion sections say ``unknown``;
between the two they say what was seen, with ``quality.usable`` false.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from crawlcoach.contract import Quality
from crawlcoach.parameters import QualityParams
from crawlcoach.pose.track import PoseTrack

if TYPE_CHECKING:
    from crawlcoach.motion.camera import CameraMotion


def baby_found(track: PoseTrack, params: QualityParams = QualityParams()) -> bool:
    """Anybody was found often enough to call the video one with a baby in it."""
    return track.coverage >= params.min_detected_coverage


def camera_problems(
    camera_motion: CameraMotion | None, params: QualityParams = QualityParams()
) -> list[str]:
    if camera_motion is None or len(camera_motion) <= 1:
        return []
    if camera_motion.valid_share >= params.camera_min_valid:
        return []
    return [
        "the camera's own motion could be measured in only "
        f"{camera_motion.valid_share:.0%} of the frames; travel may be misjudged"
    ]


def too_little_to_judge(
    track: PoseTrack, tracked_s: float, params: QualityParams = QualityParams()
) -> list[str] | None:
    """Why the motion cannot be judged (``tracked_s``: seconds of usable body tracking), or
    None when it can."""
    p = params
    coverage = track.coverage
    if len(track) >= 3 and coverage >= p.judge_min_coverage and tracked_s >= p.judge_min_tracked_s:
        return None
    problems = []
    if coverage < p.judge_min_coverage:
        problems.append(f"the baby was found in only {coverage:.0%} of the frames")
    if tracked_s < p.judge_min_tracked_s:
        problems.append(
            f"only {tracked_s:.1f} s of usable body tracking (need {p.judge_min_tracked_s} s)"
        )
    return problems


def usable(track: PoseTrack, params: QualityParams = QualityParams()) -> bool:
    """The analysis vouches for its reading: the baby was found often enough, long enough."""
    return track.coverage >= params.usable_min_coverage and track.duration_s >= params.usable_min_s


def track_problems(track: PoseTrack, params: QualityParams = QualityParams()) -> list[str]:
    """What about the pose track limits the analysis, in words for a parent."""
    problems: list[str] = []
    if track.coverage < params.usable_min_coverage:
        problems.append(
            f"the baby was found in only {track.coverage:.0%} of the video; "
            "keep the whole baby in view and film in good light"
        )
    if track.duration_s < params.usable_min_s:
        problems.append("the video is too short to judge movement; film at least 10 seconds")
    selection = track.meta.get("selection", {})
    if selection.get("uncertain"):
        reason = selection.get("reason") or "several people were in view"
        problems.append(f"we were not sure which person was the baby ({reason})")
    return problems


def quality_section(
    track: PoseTrack,
    motion_problems: Sequence[str] = (),
    video_problems: Sequence[str] = (),
    params: QualityParams = QualityParams(),
) -> Quality:
    """The contract's ``quality`` section."""
    return Quality(
        pose_coverage=round(track.coverage, 3),
        usable=usable(track, params),
        problems=(*track_problems(track, params), *video_problems, *motion_problems),
    )
