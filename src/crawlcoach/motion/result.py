"""``analyze_motion``: from a pose track and the camera motion, the motion parts of the contract."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np

from crawlcoach import contract, quality
from crawlcoach.contract import Coordination, Distances, Limbs, LimbUse, Locomotion, Note, Seconds
from crawlcoach.motion.bouts import Bout, find_bouts, join_bouts
from crawlcoach.motion.camera import CameraMotion
from crawlcoach.motion.clean import clean_track
from crawlcoach.motion.coordination import analyze_coordination
from crawlcoach.motion.direction_model import (
    learned_decides,
    packaged_model,
    read_split_clip,
)
from crawlcoach.motion.dominance import direction_confidence, dominant_direction
from crawlcoach.motion.heading import Heading, estimate_heading
from crawlcoach.motion.limbs import analyze_limbs
from crawlcoach.motion.posture import measure_posture
from crawlcoach.motion.style import classify_style, lies_on_back, resting_style
from crawlcoach.motion.travel import TravelSignals, depth_trend_per_s, measure_travel
from crawlcoach.motion.windows import window_features
from crawlcoach.parameters import AnalysisParams, BoutParams, StyleParams
from crawlcoach.pose.track import PoseTrack
from crawlcoach.vocabulary import (
    BOUT_DIRECTIONS,
    CRAWLING_STYLES,
    LIMBS,
    TRAVEL_DIRECTIONS,
    Direction,
    Pattern,
    Style,
)


@dataclass(frozen=True)
class MotionResult:
    """The contract's motion sections, as records."""

    locomotion: Locomotion
    limbs: Limbs
    coordination: Coordination
    problems: list[Note] = field(default_factory=list)  # what limited the reading

    def contract_sections(self) -> dict[str, dict[str, Any]]:
        """The three sections as the contract's JSON."""
        return {
            "locomotion": self.locomotion.to_dict(),
            "limbs": self.limbs.to_dict(),
            "coordination": self.coordination.to_dict(),
        }


def analyze_motion(
    track: PoseTrack,
    *,
    camera_motion: CameraMotion | None = None,
    params: AnalysisParams = AnalysisParams(),
    learned_direction: bool = True,
) -> MotionResult:
    """The motion sections of the contract for one track; ``params``: every threshold (the
    product's by default); ``learned_direction=False`` reads the direction by the rules alone
    (benchmarks)."""
    problems = quality.camera_problems(camera_motion, params.quality)
    clean = clean_track(track, camera_motion, params.clean)
    known_s = _seconds(clean.timestamps_s, clean.present)
    unjudged = quality.too_little_to_judge(track, known_s, params.quality)
    if unjudged is not None:
        return _unknown([*problems, *unjudged])

    heading = estimate_heading(clean, params.heading)
    travel = measure_travel(clean, heading, params.bouts)
    posture = measure_posture(clean)
    bouts = find_bouts(travel, params.bouts)
    if lies_on_back(clean.present, posture, heading, clean.frame_rate, params.style):
        # A baby lying on its back through the clip does not go across the floor: what looks
        # like travel in a bout that also shows it on its back is the pose wobbling with the
        # kicking limbs, or the camera coming nearer. A bout that does not (it rolled over and
        # crawled) stays; a crawler whose pose looks supine in a few bouts is not supine overall.
        bouts = [_still_if_on_back(b, posture, heading, clean.frame_rate, params) for b in bouts]
    styled = [_bout_style(b, posture, heading, clean.frame_rate, params.style) for b in bouts]

    seconds = _direction_seconds(styled)
    style_seconds: dict[str, float] = {}
    for bout, style in styled:
        if bout.direction in TRAVEL_DIRECTIONS:
            style_seconds[style] = style_seconds.get(style, 0.0) + bout.duration_s
    travel_s = seconds["forward"] + seconds["backward"]
    dominant_style = max(style_seconds, key=lambda s: style_seconds[s]) if style_seconds else "none"
    upright = dominant_style in ("walking", "none")
    min_travel_s = params.dominance.min_travel_s
    if travel_s < min_travel_s:
        # Not travelling: what the posture shows (e.g. on hands and knees, rocking), never
        # "crawling" (see below).
        dominant_style = resting_style(
            posture, heading, clean.present, clean.frame_rate, params.style
        )
        upright = False
    net_forward = sum(b.net_forward_body_lengths for b, _ in styled)
    path = sum(b.distance_body_lengths for b, _ in styled if b.direction in TRAVEL_DIRECTIONS)
    direction = dominant_direction(seconds, upright, net_forward, path, params.dominance)
    confidence = direction_confidence(
        direction, [b for b, _ in styled], upright=upright, params=params.dominance
    )
    if learned_direction and learned_decides(direction, seconds, dominant_style, params.mixed):
        # The rules split the travel between forward and backward bouts: whether both really
        # happened, or which way the clip went and how surely, the learned layer reads from all
        # of the clip's windows (direction_model.py).
        model = packaged_model()
        if model.window != params.windows:
            raise ValueError(
                f"the packaged direction model was trained on {model.window}; "
                f"params.windows is {params.windows}: retrain it (bench/train_direction_model.py)"
            )
        windows = window_features(travel, heading, params.windows)
        trend = depth_trend_per_s(clean, heading)
        reading = read_split_clip(windows, trend, model, params.mixed)
        direction, confidence = reading.direction, reading.confidence
        if direction in TRAVEL_DIRECTIONS:
            # One way, the layer says: the bouts the other way were pose noise, and the bouts
            # reported must not contradict the clip's reading.
            styled = [(_one_way(b, direction, confidence), s) for b, s in styled]
            seconds = _direction_seconds(styled)
    # Neighbours that now go the same way (relabelled above, or the net progress of two runs
    # the frames had apart) are one bout in the contract; the time, distances and limb frames
    # below stay those of the bouts as measured.
    reported = _join_same_way(styled, travel, params.bouts)

    travelling = np.zeros(len(clean), bool)
    for bout, style in styled:
        if bout.direction in TRAVEL_DIRECTIONS and style in CRAWLING_STYLES:
            travelling[bout.start_index : bout.end_index] = True
    limbs = analyze_limbs(clean, travelling, params.limbs)
    moving_limbs = {n: sig for n, sig in limbs.signals.items() if limbs.limbs[n].used is not False}
    problems.extend(limbs.problems)
    # Limbs stepping toward or away from the camera move mostly in depth; the coordination
    # analysis is then stricter (the body's bob would read as "synchronous").
    facing_camera = params.coordination.facing_camera
    in_depth = bool(travelling.any()) and _faces_the_camera(heading, travelling, facing_camera)
    coordination = analyze_coordination(
        moving_limbs,
        travelling,
        clean.fps,
        clean=clean,
        in_depth=in_depth,
        params=params.coordination,
        limb_params=params.limbs,
    )
    if coordination.note and travelling.any():
        problems.append(coordination.note)

    locomotion = Locomotion(
        crawling=dominant_style in CRAWLING_STYLES
        and travel_s >= min_travel_s
        and direction not in ("stationary", "pivoting"),
        dominant_direction=Direction(direction),
        direction_confidence=confidence,
        seconds=Seconds(**{k: round(v, 2) for k, v in seconds.items()}),
        dominant_style=Style(dominant_style),
        bouts=tuple(_bout_record(b, s) for b, s in reported),
        distance_body_lengths=Distances(
            **{
                d: round(sum(b.distance_body_lengths for b, _ in styled if b.direction == d), 2)
                for d in ("forward", "backward")
            }
        ),
        net_forward_body_lengths=round(sum(b.net_forward_body_lengths for b, _ in styled), 2),
        tracked_seconds=round(known_s, 2),
    )
    uses = {
        limb.value: LimbUse(
            used=limbs.limbs[limb].used,
            activity=limbs.limbs[limb].activity,
            seen_s=limbs.limbs[limb].seen_s,
        )
        for limb in LIMBS
    }
    limbs_record = Limbs(
        **uses,
        symmetry_index=limbs.symmetry_index,
        asymmetry_flag=limbs.asymmetry_flag,
        asymmetry_confidence=limbs.asymmetry_confidence,
    )
    coordination_record = Coordination(
        pattern=Pattern(coordination.pattern),
        confidence=coordination.confidence,
        phase_deg=coordination.phase_deg,
        consistency=coordination.consistency,
    )
    return MotionResult(locomotion, limbs_record, coordination_record, problems)


def _bout_style(
    bout: Bout, posture: Any, heading: Any, fps: float, params: StyleParams
) -> tuple[Bout, str]:
    if bout.direction not in TRAVEL_DIRECTIONS:
        return bout, "none"
    style = classify_style(bout, posture, heading, fps, params)
    if style == "walking":
        # The trunk axis of an upright child says nothing about where it faces; toddlers walk
        # the way they face.
        bout = replace(bout, direction="forward")
    return bout, style


def _still_if_on_back(
    bout: Bout, posture: Any, heading: Any, fps: float, params: AnalysisParams
) -> Bout:
    if bout.direction not in TRAVEL_DIRECTIONS:
        return bout
    mask = np.zeros(len(heading.in_plane), bool)
    mask[bout.start_index : bout.end_index] = True
    if lies_on_back(mask, posture, heading, fps, params.style):
        return replace(bout, direction="stationary")
    return bout


def _direction_seconds(styled: list[tuple[Bout, str]]) -> dict[str, float]:
    seconds: dict[str, float] = dict.fromkeys(BOUT_DIRECTIONS, 0.0)
    for bout, _ in styled:
        seconds[bout.direction] += bout.duration_s
    return seconds


def _one_way(bout: Bout, direction: str, confidence: float) -> Bout:
    """A travel bout the other way than the learned layer's reading of the clip, relabelled
    with that reading and no more confidence than it; its measured distances stay as measured."""
    if bout.direction not in TRAVEL_DIRECTIONS or bout.direction == direction:
        return bout
    return replace(bout, direction=direction, confidence=min(bout.confidence, confidence))


def _join_same_way(
    styled: list[tuple[Bout, str]], travel: TravelSignals, params: BoutParams
) -> list[tuple[Bout, str]]:
    """Neighbouring bouts of the same direction and style joined into one where less than
    ``min_bout_s`` lies between them: the bout stage gives a shorter spell between two runs to
    its neighbours, so the contract never lists one stretch as two."""
    joined: list[tuple[Bout, str]] = []
    for bout, style in styled:
        if joined:
            last, last_style = joined[-1]
            same_way = bout.direction == last.direction and style == last_style
            if same_way and bout.start_s - last.end_s < params.min_bout_s:
                joined[-1] = (join_bouts(last, bout, travel, params), style)
                continue
        joined.append((bout, style))
    return joined


def _faces_the_camera(heading: Heading, frames: np.ndarray, facing_camera: float) -> bool:
    """The body axis mostly points at or away from the camera over these frames (its depth
    share beyond ``facing_camera``)."""
    depth = np.abs(heading.vector3()[frames, 2])
    return bool(np.nanmedian(depth) > facing_camera) if np.isfinite(depth).any() else False


def _bout_record(bout: Bout, style: str) -> contract.Bout:
    return contract.Bout(
        start_s=round(bout.start_s, 2),
        end_s=round(bout.end_s, 2),
        direction=Direction(bout.direction),
        style=Style(style),
        confidence=bout.confidence,
        distance_body_lengths=round(bout.distance_body_lengths, 2),
        speed_body_lengths_per_s=round(bout.speed_body_lengths_per_s, 3),
        net_forward_body_lengths=round(bout.net_forward_body_lengths, 2),
        sideways=round(bout.sideways, 2),
    )


def _seconds(t: np.ndarray, mask: np.ndarray) -> float:
    if len(t) < 2:
        return 0.0
    return float(np.sum(np.gradient(t)[mask]))


def _unknown(problems: list[Note]) -> MotionResult:
    """Too little to judge: every limb measured as seen for 0 s."""
    unseen = LimbUse(used=None, activity=None, seen_s=0.0)
    limbs = Limbs(
        unseen, unseen, unseen, unseen, symmetry_index=None, asymmetry_flag=False,
        asymmetry_confidence=0.0,
    )  # fmt: skip
    return MotionResult(Locomotion.unknown(), limbs, Coordination.unknown(), problems)
