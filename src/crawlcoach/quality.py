"""The quality gates, in one place: whether a pose track is enough to judge motion at all, and
whether the analysis vouches for its reading (the contract's ``quality`` section).

Two levels on purpose (``QualityParams``): below the first the motion sections say ``unknown``;
between the two they say what was seen, with ``quality.usable`` false.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from crawlcoach.contract import Note, Quality
from crawlcoach.notes import note
from crawlcoach.parameters import QualityParams
from crawlcoach.pose.track import PoseTrack
from crawlcoach.vocabulary import NoteCode

if TYPE_CHECKING:
    from crawlcoach.motion.camera import CameraMotion


def baby_found(track: PoseTrack, params: QualityParams = QualityParams()) -> bool:
    """Anybody was found often enough to call the video one with a baby in it."""
    return track.coverage >= params.min_detected_coverage


def camera_problems(
    camera_motion: CameraMotion | None, params: QualityParams = QualityParams()
) -> list[Note]:
    if camera_motion is None or len(camera_motion) <= 1:
        return []
    if camera_motion.valid_share >= params.camera_min_valid:
        return []
    return [
        note(
            NoteCode.CAMERA_MOTION_UNMEASURED,
            valid_share=round(camera_motion.valid_share, 3),
            needed_share=params.camera_min_valid,
        )
    ]


def too_little_to_judge(
    track: PoseTrack, tracked_s: float, params: QualityParams = QualityParams()
) -> list[Note] | None:
    """Why the motion cannot be judged (``tracked_s``: seconds of usable body tracking), or
    None when it can."""
    p = params
    coverage = track.coverage
    if len(track) >= 3 and coverage >= p.judge_min_coverage and tracked_s >= p.judge_min_tracked_s:
        return None
    problems = []
    if coverage < p.judge_min_coverage:
        problems.append(
            note(
                NoteCode.BABY_RARELY_FOUND,
                pose_coverage=round(coverage, 3),
                needed_coverage=p.judge_min_coverage,
            )
        )
    if tracked_s < p.judge_min_tracked_s:
        problems.append(
            note(
                NoteCode.TOO_LITTLE_TRACKING,
                tracked_s=round(tracked_s, 2),
                needed_s=p.judge_min_tracked_s,
            )
        )
    return problems


def usable(track: PoseTrack, params: QualityParams = QualityParams()) -> bool:
    """The analysis vouches for its reading: the baby was found often enough, long enough."""
    return track.coverage >= params.usable_min_coverage and track.duration_s >= params.usable_min_s


def track_problems(track: PoseTrack, params: QualityParams = QualityParams()) -> list[Note]:
    """What about the pose track limits the analysis."""
    problems: list[Note] = []
    if track.coverage < params.usable_min_coverage:
        problems.append(
            note(
                NoteCode.BABY_PARTLY_IN_VIEW,
                pose_coverage=round(track.coverage, 3),
                needed_coverage=params.usable_min_coverage,
            )
        )
    if track.duration_s < params.usable_min_s:
        problems.append(
            note(
                NoteCode.VIDEO_TOO_SHORT,
                duration_s=round(track.duration_s, 2),
                needed_s=params.usable_min_s,
            )
        )
    selection = track.meta.get("selection", {})
    if selection.get("uncertain"):
        reason = selection.get("reason") or "several people were in view"
        problems.append(note(NoteCode.UNSURE_WHICH_PERSON, reason=str(reason)))
    return problems


def quality_section(
    track: PoseTrack,
    motion_problems: Sequence[Note] = (),
    video_problems: Sequence[Note] = (),
    params: QualityParams = QualityParams(),
) -> Quality:
    """The contract's ``quality`` section: its notes, and their sentences as ``problems``."""
    return Quality.of_notes(
        round(track.coverage, 3),
        usable(track, params),
        (*track_problems(track, params), *video_problems, *motion_problems),
    )
