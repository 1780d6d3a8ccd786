"""Catalogue scenarios of the synthetic generator, analysed the way the product measures them
(camera motion fitted to the tracked background points), and clips played backwards. Shared by
the motion tests."""

from __future__ import annotations

from dataclasses import dataclass

from crawlcoach import synth
from crawlcoach.motion import CameraMotion, MotionResult, analyze_motion
from crawlcoach.pose.track import PoseTrack
from crawlcoach.synth.scenario import Scenario
from crawlcoach.synth.scenarios import named


@dataclass(frozen=True)
class Catalogued:
    scenario: Scenario
    track: PoseTrack
    camera: CameraMotion

    def analyse(self, track: PoseTrack | None = None) -> MotionResult:
        """The motion analysis of this clip (or of ``track``, e.g. an altered copy of it)."""
        return analyze_motion(self.track if track is None else track, camera_motion=self.camera)


def reversed_track(track: PoseTrack) -> PoseTrack:
    """The track in reverse time order: the baby then travels against its heading."""
    end = track.timestamps_s[-1]
    return PoseTrack(
        timestamps_s=end - track.timestamps_s[::-1],
        keypoints_px=track.keypoints_px[::-1],
        confidence=track.confidence[::-1],
        frame_size=track.frame_size,
        source="reversed",
        depth=None if track.depth is None else track.depth[::-1],
        meta=track.meta,
    )


def played_backwards(track: PoseTrack, cam: CameraMotion) -> tuple[PoseTrack, CameraMotion]:
    """The track and camera motion in reverse time order: forward must read backward."""
    end = track.timestamps_s[-1]
    back = CameraMotion(end - cam.timestamps_s[::-1], cam.to_reference[::-1], cam.valid[::-1])
    return reversed_track(track), back


def catalogue(name: str, seed: int) -> Catalogued:
    """The catalogue scenario ``name`` drawn with ``seed``."""
    scenario = named(seed)[name]
    clip = synth.generate(scenario)
    camera = CameraMotion.from_point_tracks(clip.track.timestamps_s, clip.background_px)
    return Catalogued(scenario, clip.track, camera)
