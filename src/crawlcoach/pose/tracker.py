"""Follow one infant through a video's frames and collect its keypoints as a ``PoseTrack``.

The backend finds one person per image. To follow the *infant* when others are in view, and to
see small or far babies better, the tracker runs the backend on a region of interest (a square
crop about three times the baby's size) around where the baby was last seen. When the baby is lost
for a few frames it searches the whole frame; on finding somebody it masks that person out and
searches again, then picks the most infant-like, best-continuing candidate (``selection``). The
costly search happens only at (re)acquisition, so a tracked frame costs one backend call. With
``find_people`` (off by default: no held-out gain yet, docs/benchmarks.md) the search also looks
where MoveNet MultiPose finds people (``people``; it needs no face, so it finds a baby seen from
behind that BlazePose's detector misses), running BlazePose on a crop around each. A pose
without a sure trunk held for ``refresh_partial_s`` makes the backend detect afresh in the crop
(its tracking otherwise carries a head and shoulders for seconds, and copies of a video read
differently because of it). With ``upright_check_s`` (once a second by default, docs/benchmarks.md:
Upside-down poses) MultiPose's trunk checks that the recorded pose is not upside down.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import numpy as np

from crawlcoach.parameters import FrameClock, TrackerParams
from crawlcoach.pose import keypoints, selection
from crawlcoach.pose.backend import PoseBackend, PoseEstimate
from crawlcoach.pose.blazepose_roi import BlazePoseRoiBackend, Region, region_from_points
from crawlcoach.pose.people import COCO_NAMES, Person, PersonFinder
from crawlcoach.pose.selection import Box
from crawlcoach.pose.track import PoseTrack
from crawlcoach.video import Frame

FrameHook = Callable[[Frame, PoseEstimate | None], None]


@dataclass
class _Selection:
    """What the tracker noticed about whom it followed; becomes ``meta["selection"]``."""

    acquisitions: int = 0
    multi_person_frames: list[int] = field(default_factory=list)
    uncertain_frames: list[int] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    rejected_jumps: int = 0
    refreshes: int = 0
    rechecks: int = 0
    switches: int = 0
    upright_checks: int = 0
    upside_down: int = 0  # checked frames whose pose was upside down
    righted: int = 0  # ... of them, re-read upright
    choices: list[dict[str, Any]] = field(default_factory=list)
    params: TrackerParams = field(default_factory=TrackerParams)

    def note(self, frame: Frame, ranked: list[selection.Candidate], scale: float) -> None:
        p = self.params
        self.acquisitions += 1
        best = ranked[0]
        # A candidate overlapping the best one is mostly the same body found in pieces (masking
        # a head-only detection leaves the trunk to be found next), not somebody else.
        best_box = best.estimate.bbox(p.box_min_confidence)
        others = [
            c
            for c in ranked[1:]
            if not _overlapping(best_box, c.estimate.bbox(p.box_min_confidence), p)
            and _size(c.estimate.bbox(p.box_min_confidence)) >= p.min_other_size * _size(best_box)
        ]
        if not others:
            return
        ranked = [best, *others]
        self.multi_person_frames.append(frame.index)
        second = others[0]
        reason = None
        if best.score - second.score < p.uncertain_margin:
            reason = (
                f"{len(ranked)} people in view and two looked about equally likely to be "
                f"the infant (at {frame.timestamp_s:.1f} s)"
            )
        elif best.likeness < p.unlike_infant:
            reason = (
                f"{len(ranked)} people in view and none looked clearly like a crawling "
                f"infant (at {frame.timestamp_s:.1f} s)"
            )
        if reason is not None:
            self.uncertain_frames.append(frame.index)
            if len(self.reasons) < 5:
                self.reasons.append(reason)
        if len(self.choices) < p.max_recorded_choices:
            self.choices.append(
                {
                    "frame": frame.index,
                    "timestamp_s": round(frame.timestamp_s, 3),
                    "chosen": 0,
                    "candidates": [
                        {
                            "box_px": [
                                round(v / scale, 1) for v in c.estimate.bbox(p.box_min_confidence)
                            ],
                            "likeness": round(c.likeness, 3),
                            "continuity": round(c.continuity, 3),
                            "score": round(c.score, 3),
                            "notes": list(c.reasons),
                        }
                        for c in ranked
                    ],
                }
            )

    def as_meta(self) -> dict[str, Any]:
        return {
            "acquisitions": self.acquisitions,
            "multi_person_frames": self.multi_person_frames[:100],
            "multi_person_count": len(self.multi_person_frames),
            "uncertain": bool(self.uncertain_frames),
            "uncertain_frames": self.uncertain_frames[:100],
            "reason": self.reasons[0] if self.reasons else None,
            "reasons": self.reasons,
            "rejected_jumps": self.rejected_jumps,
            "refreshes": self.refreshes,
            "rechecks": self.rechecks,
            "switches": self.switches,
            "upright_checks": self.upright_checks,
            "upside_down": self.upside_down,
            "righted": self.righted,
            "choices": self.choices,
        }


def _place_roi(box: Box, width: int, height: int, p: TrackerParams) -> tuple[int, int, int, int]:
    """A square crop centred on the body, shifted (not shrunk) to stay inside the frame so the
    backend sees the baby at a steady scale."""
    x0, y0, x1, y1 = box
    side = max(p.roi_margin * max(x1 - x0, y1 - y0), p.roi_min_side * min(width, height))
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2

    def span(centre: float, limit: int) -> tuple[int, int]:
        if side >= limit:
            return 0, limit
        start = round(min(max(centre - side / 2, 0.0), limit - side))
        return start, start + round(side)

    c0, c1 = span(cx, width)
    r0, r1 = span(cy, height)
    return c0, r0, c1, r1


def _roi_still_fits(roi: tuple[int, int, int, int], box: Box, p: TrackerParams) -> bool:
    c0, r0, c1, r1 = roi
    x0, y0, x1, y1 = box
    side = max(c1 - c0, r1 - r0)
    fill = max(x1 - x0, y1 - y0) / side
    edge = p.roi_edge * side
    inside = x0 >= c0 + edge and y0 >= r0 + edge and x1 <= c1 - edge and y1 <= r1 - edge
    return inside and p.roi_fill[0] <= fill <= p.roi_fill[1]


def _overlapping(a: Box, b: Box, p: TrackerParams) -> bool:
    """The boxes, each grown by ``overlap_grow`` of its size on every side, share at least
    ``overlap_share`` of the smaller one's area."""
    share = p.overlap_share
    a, b = _grown(a, p.overlap_grow), _grown(b, p.overlap_grow)
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    if w <= 0 or h <= 0:
        return False
    smaller = min((a[2] - a[0]) * (a[3] - a[1]), (b[2] - b[0]) * (b[3] - b[1]))
    return w * h >= share * max(smaller, 1e-6)


def _size(box: Box) -> float:
    return max(box[2] - box[0], box[3] - box[1])


def _grown(box: Box, share: float) -> Box:
    gx, gy = (box[2] - box[0]) * share, (box[3] - box[1]) * share
    return (box[0] - gx, box[1] - gy, box[2] + gx, box[3] + gy)


def _iou(a: Box, b: Box) -> float:
    ix = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    iy = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    inter = ix * iy
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return inter / union if union > 0 else 0.0


def _search(
    image: np.ndarray, backend: PoseBackend, limit: int, p: TrackerParams
) -> list[PoseEstimate]:
    """Up to ``limit`` people in one image, found one at a time by masking each one found."""
    found: list[PoseEstimate] = []
    conf = p.box_min_confidence
    for _ in range(limit):
        est = backend.estimate_still(image)
        if est is None or any(
            _iou(est.bbox(conf), f.bbox(conf)) > p.same_person_iou for f in found
        ):
            break
        found.append(est)
        image = selection.mask_out(image, est.bbox(conf), p.mask_pad)
    return found


@cache
def _person_finder() -> PersonFinder:
    """One MultiPose session per process, opened at the first search (about 0.4 s)."""
    return PersonFinder()


@cache
def _region_landmarks() -> BlazePoseRoiBackend:
    """BlazePose's landmark model on regions we choose: it reads a person MultiPose found and
    BlazePose's face-keyed detector did not (a baby seen from behind)."""
    return BlazePoseRoiBackend()


def _region_of(person: Person, p: TrackerParams) -> Region | None:
    """The region BlazePose's landmark model wants for this person, as its own detector would
    give it: centred on the hips, turned so the hips-to-shoulders axis points up, reaching the
    farthest seen keypoint. None without a sure trunk to align with."""
    axis = _person_trunk(person, p)
    if axis is None:
        return None
    hips = (person.point("left_hip")[0] + person.point("right_hip")[0]) / 2
    length = float(np.linalg.norm(axis))
    seen = person.keypoints_px[person.confidence >= p.box_min_confidence]
    # A faint person (every point below box_min_confidence, its trunk still sure enough for
    # _person_trunk) reaches at least its trunk's length.
    farthest = float(np.linalg.norm(seen - hips, axis=1).max()) if len(seen) else 0.0
    reach = max(farthest, length) * p.person_region_reach
    end = hips + axis / length * reach
    return region_from_points((float(hips[0]), float(hips[1])), (float(end[0]), float(end[1])))


TRUNK_POINTS = ("left_hip", "right_hip", "left_shoulder", "right_shoulder")


def _from_person(person: Person) -> PoseEstimate:
    """MultiPose's 17 points in BlazePose's layout (no depth, the other points unseen): a person
    BlazePose could not read, so that it can still be chosen and looked for."""
    xy = np.zeros((keypoints.COUNT, 2))
    conf = np.zeros(keypoints.COUNT)
    for i, name in enumerate(COCO_NAMES):
        j = keypoints.INDEX[name]
        xy[j], conf[j] = person.keypoints_px[i], person.confidence[i]
    unseen = conf == 0
    xy[unseen] = person.keypoints_px.mean(axis=0)  # keeps the box on the person
    return PoseEstimate(
        keypoints_px=xy,
        confidence=conf,
        depth=np.zeros(keypoints.COUNT),
        score=person.score,
        has_depth=False,
    )


def _angle_deg(a: np.ndarray, b: np.ndarray) -> float:
    cos = float(np.dot(a, b) / (np.linalg.norm(a) * np.linalg.norm(b)))
    return float(np.degrees(np.arccos(np.clip(cos, -1.0, 1.0))))


def _pose_trunk(est: PoseEstimate) -> np.ndarray | None:
    """The pose's hips-to-shoulders vector in its pixels; None when the two coincide."""
    xy = est.keypoints_px
    axis = xy[list(keypoints.SHOULDERS)].mean(axis=0) - xy[list(keypoints.HIPS)].mean(axis=0)
    return axis if np.linalg.norm(axis) >= 1.0 else None


def _person_trunk(person: Person, p: TrackerParams) -> np.ndarray | None:
    """MultiPose's hips-to-shoulders vector for a person; None without a sure trunk."""
    trunk = [person.point(name) for name in TRUNK_POINTS]
    if min(c for _, c in trunk) < p.person_min_keypoint:
        return None
    axis = (trunk[2][0] + trunk[3][0]) / 2 - (trunk[0][0] + trunk[1][0]) / 2
    return axis if np.linalg.norm(axis) >= 1.0 else None


def _upright(
    est: PoseEstimate, image: np.ndarray, p: TrackerParams, notes: _Selection
) -> tuple[PoseEstimate | None, bool | None]:
    """The pose to record for ``est``, checked against MultiPose's reading of the same person,
    and whether it was upside down (None: MultiPose could not tell). BlazePose's landmark model
    keeps an upside-down skeleton for seconds once it has one (head on the feet, so the heading
    reads backwards); MultiPose rarely turns a body over. Where the two trunks point apart,
    BlazePose reads once more on a region turned to MultiPose's trunk; when that fails too,
    nothing is recorded (an upside-down pose reads worse than a missing frame). Whom the
    tracker follows and where it looks stay as they were, so a clip's other frames read as
    without the check."""
    notes.upright_checks += 1
    mine = est.bbox(p.box_min_confidence)
    people = [q for q in _person_finder().find(image) if _iou(q.box, mine) > p.seeded_iou]
    if not people:
        return est, None
    person = max(people, key=lambda q: _iou(q.box, mine))
    theirs, ours = _person_trunk(person, p), _pose_trunk(est)
    shoulders = person.point("left_shoulder")[0] - person.point("right_shoulder")[0]
    if theirs is None or ours is None:
        return est, None
    if np.linalg.norm(theirs) < p.upright_min_trunk * np.linalg.norm(shoulders):
        return est, None  # end-on to the camera: no axis to compare
    if _angle_deg(ours, theirs) <= p.flip_angle_deg:
        return est, False
    notes.upside_down += 1
    region = _region_of(person, p)
    read = _region_landmarks().landmarks_in(image, region, still=True) if region else None
    if read is not None:
        again = _pose_trunk(read[0])
        if again is not None and _angle_deg(again, theirs) < 180.0 - p.flip_angle_deg:
            notes.righted += 1
            return read[0], True
    return None, True


@dataclass
class _PeopleFound:
    """The search's candidates with how each extra one was read."""

    candidates: list[PoseEstimate]
    stand_ins: set[int] = field(default_factory=set)  # ids of MultiPose-only poses
    regions: dict[int, Region] = field(default_factory=dict)  # id -> next region, read on one


def _people_search(
    image: np.ndarray, backend: PoseBackend, found: list[PoseEstimate], p: TrackerParams
) -> _PeopleFound:
    """``found`` and the people MultiPose finds that none of them is: BlazePose's pose in a crop
    around each; where BlazePose's detector reads nobody there, its landmark model on the region
    MultiPose's trunk gives (``regions``: the region to carry on with); where that fails too,
    MultiPose's own points as a stand-in. A stand-in may be chosen as the infant (its place is
    where to look next), but its points never enter the track (17 points without depth read
    worse than a missing frame)."""
    height, width = image.shape[:2]
    conf = p.box_min_confidence
    out = list(found)
    stand_ins: set[int] = set()
    regions: dict[int, Region] = {}
    for person in _person_finder().find(image)[: p.max_candidates]:
        if person.score < p.min_person_score:
            continue
        if any(_iou(person.box, f.bbox(conf)) > p.same_person_iou for f in out):
            continue
        c0, r0, c1, r1 = _place_roi(person.box, width, height, p)
        est = backend.estimate_still(np.ascontiguousarray(image[r0:r1, c0:c1]))
        est = est.shifted(c0, r0) if est is not None else None
        if est is None or _iou(person.box, est.bbox(conf)) <= p.seeded_iou:
            est = None
            region = _region_of(person, p) if p.follow_regions else None
            read = _region_landmarks().landmarks_in(image, region, still=True) if region else None
            if read is not None and _iou(person.box, read[0].bbox(conf)) > p.seeded_iou:
                est = read[0]
                regions[id(est)] = read[1]
        if est is None:
            est = _from_person(person)
            stand_ins.add(id(est))
        if not any(_iou(est.bbox(conf), f.bbox(conf)) > p.same_person_iou for f in out):
            out.append(est)
    return _PeopleFound(out, stand_ins, regions)


def _adopt(
    chosen: PoseEstimate,
    found: _PeopleFound,
    backend: PoseBackend,
    image: np.ndarray,
    p: TrackerParams,
) -> tuple[PoseEstimate | None, tuple[int, int, int, int], Region | None, Box | None]:
    """Start following ``chosen``: this frame's pose (None for a stand-in), the crop to track it
    in, the region to carry when only the landmark model reads it, and where it was seen when
    that is all we have of it."""
    height, width = image.shape[:2]
    conf = p.box_min_confidence
    roi = _place_roi(chosen.bbox(0.0), width, height, p)
    # Start the backend's own tracking on this very frame, so that it carries the infant on
    # even where its detector would miss the next frame.
    seeded = _in_view(backend, image, roi)
    if seeded is not None and _iou(seeded.bbox(conf), chosen.bbox(conf)) > p.seeded_iou:
        return seeded, roi, None, None
    if id(chosen) in found.regions:
        # Only the landmark model on our region reads this person: follow it so, carrying the
        # region on from each frame's landmarks.
        _region_landmarks().reset()
        return chosen, roi, found.regions[id(chosen)], None
    if id(chosen) in found.stand_ins:
        return None, roi, None, chosen.bbox(conf)  # seen by MultiPose: look there next
    return chosen, roi, None, None


def _trunk_confidence(est: PoseEstimate) -> float:
    """How surely the pose holds a trunk: the less sure of its hips and its shoulders."""
    c = est.confidence
    return float(min(c[list(keypoints.HIPS)].mean(), c[list(keypoints.SHOULDERS)].mean()))


def _in_view(
    backend: PoseBackend, image: np.ndarray, roi: tuple[int, int, int, int]
) -> PoseEstimate | None:
    c0, r0, c1, r1 = roi
    found = backend.estimate(image[r0:r1, c0:c1])
    return found.shifted(c0, r0) if found is not None else None


def _refreshed(
    est: PoseEstimate,
    partial: int,
    backend: PoseBackend,
    image: np.ndarray,
    roi: tuple[int, int, int, int],
    clock: FrameClock,
    notes: _Selection,
) -> tuple[PoseEstimate, int]:
    """The pose to keep, and the partial frames counted so far. The backend's tracking carries
    whatever it locked on to: a head and shoulders without hips, held for seconds while the
    whole baby is in the crop (more often in a copy of a video than in the original, so readings
    changed with the encoding). Asking its detector afresh finds the whole body again; the
    fresh pose is kept only when its trunk is surer."""
    p = notes.params
    if _trunk_confidence(est) >= p.weak_trunk:
        return est, 0
    partial += 1
    if partial < clock.frames(p.refresh_partial_s):
        return est, partial
    backend.reset()
    fresh = _in_view(backend, image, roi)
    if fresh is not None and _trunk_confidence(fresh) > _trunk_confidence(est):
        notes.refreshes += 1
        return fresh, 0
    return est, 0


def track_infant(
    frames: Iterable[Frame],
    backend: PoseBackend,
    *,
    frame_size: tuple[int, int],
    source: str,
    progress: Callable[[int], None] | None = None,
    on_frame: FrameHook | None = None,
    use_roi: bool = True,
    params: TrackerParams = TrackerParams(),
    fps: float | None = None,
) -> PoseTrack:
    """Keypoints of the infant in every frame, in upright source pixels (``frame_size`` =
    (width, height) of the upright source). ``progress`` is called with the number of frames
    done so far. ``on_frame(frame, estimate)`` sees each frame with the infant's pose in that
    frame's own pixels (None where not found), so other per-frame work (camera motion) can share
    this single pass over the video. ``use_roi=False`` runs the backend on whole frames (kept to
    measure what the crop buys; it cannot keep to the infant when somebody else is tracked
    instead). Durations in ``params`` are counted in frames at ``fps``, the rate the frames come
    at (measured as they come when not given)."""
    p = params
    conf = p.box_min_confidence
    clock = FrameClock(fps)
    times: list[float] = []
    points: list[np.ndarray] = []
    confs: list[np.ndarray] = []
    depths: list[np.ndarray] = []
    missing_xy = np.full((keypoints.COUNT, 2), np.nan)
    missing_k = np.full(keypoints.COUNT, np.nan)
    no_conf = np.zeros(keypoints.COUNT)

    notes = _Selection(params=p)
    roi: tuple[int, int, int, int] | None = None  # where the backend looks while tracking
    last_box: Box | None = None  # where the infant was last seen
    misses = 0  # frames since the infant was last seen
    partial = 0  # frames in a row whose pose has no sure trunk
    follow: Region | None = None  # followed by the landmark model alone (see _people_search)
    since_check = 0  # frames since the last search or re-check for a more infant-like person
    next_upright_s = -np.inf  # when to check next that the pose is not upside down
    turned_over = False  # the last check that could tell found the pose upside down
    backend.reset()

    for n, frame in enumerate(frames, start=1):
        image = frame.image
        height, width = image.shape[:2]
        est: PoseEstimate | None = None
        clock.tick(frame.timestamp_s)

        if follow is not None:
            read = _region_landmarks().landmarks_in(image, follow)
            est, follow = read if read is not None else (None, None)
            if est is None:
                misses = max(misses, clock.frames(p.hold_misses_s))  # search at once
        elif roi is not None:
            est = _in_view(backend, image, roi)
            crowded = bool(notes.multi_person_frames)
            if (
                est is not None
                and misses
                and crowded
                and selection.continuity(est, last_box, p) < np.exp(-p.max_jump)
            ):
                notes.rejected_jumps += 1  # re-detected somebody else inside the crop
                backend.reset()
                est = None
            if est is None and misses >= clock.frames(p.lost_crop_s):
                roi = None  # long gone from there: search only the whole frame from now on
            if est is not None and roi is not None and p.refresh_partial_s > 0:
                est, partial = _refreshed(est, partial, backend, image, roi, clock, notes)

        if use_roi and est is None and (roi is None or misses >= clock.frames(p.hold_misses_s)):
            candidates = _search(image, backend, p.max_candidates, p)
            extra = _PeopleFound(candidates)
            if p.find_people:
                extra = _people_search(image, backend, candidates, p)
                candidates = extra.candidates
            if candidates:
                ranked = selection.rank(candidates, height, last_box, p)
                notes.note(frame, ranked, frame.scale)
                est, roi, follow, seen_at = _adopt(ranked[0].estimate, extra, backend, image, p)
                last_box = seen_at or last_box
            since_check = 0
        elif use_roi and est is not None and p.find_people and p.recheck_s > 0:
            since_check += 1
            if since_check >= clock.frames(p.recheck_s):
                # Is somebody else clearly more like an infant than whom we follow? The
                # tracker otherwise never asks again once it follows the adult.
                since_check = 0
                notes.rechecks += 1
                extra = _people_search(image, backend, [est], p)
                ranked = selection.rank(extra.candidates, height, None, p)
                mine = next(c for c in ranked if c.estimate is est)
                if ranked[0].likeness - mine.likeness >= p.uncertain_margin:
                    notes.switches += 1
                    notes.note(frame, ranked, frame.scale)
                    est, roi, follow, seen_at = _adopt(ranked[0].estimate, extra, backend, image, p)
                    last_box = seen_at or last_box

        if (
            not use_roi
            and (est := backend.estimate(image)) is not None
            and (misses or last_box is None)
        ):
            masked = selection.mask_out(image, est.bbox(conf), p.mask_pad)
            others = _search(masked, backend, p.max_candidates - 1, p)
            ranked = selection.rank([est, *others], height, last_box, p)
            notes.note(frame, ranked, frame.scale)
            est = ranked[0].estimate

        # A pose found again after missing frames may come upside down: checked at once. Once
        # one is found upside down, every frame is checked until a check reads it upright (the
        # landmark model holds such a skeleton from frame to frame).
        kept = est  # what the track records; ``est`` goes on steering the tracker
        upright_due = p.upright_check_s > 0 and (frame.timestamp_s >= next_upright_s or misses)
        if use_roi and est is not None and upright_due:
            kept, verdict = _upright(est, image, p, notes)
            turned_over = turned_over if verdict is None else verdict
            next_upright_s = frame.timestamp_s + (0.0 if turned_over else p.upright_check_s)

        if est is None:
            misses += 1
            partial = 0
            turned_over = False  # whoever is found next is checked at once
        else:
            misses = 0
            last_box = est.bbox(conf)
            body = est.bbox(0.0)  # the crop must hold unseen limbs too
            if roi is not None and not _roi_still_fits(roi, body, p):
                roi = _place_roi(body, width, height, p)
        times.append(frame.timestamp_s)
        if kept is None:
            points.append(missing_xy)
            confs.append(no_conf)
            depths.append(missing_k)
        else:
            points.append(kept.keypoints_px / frame.scale)
            confs.append(kept.confidence)
            depths.append(kept.depth / frame.scale)
        if on_frame is not None:
            on_frame(frame, est)  # whom the tracker follows (camera motion masks the baby out)
        if progress is not None:
            progress(n)

    count = len(times)
    return PoseTrack(
        timestamps_s=np.asarray(times, dtype=np.float64),
        keypoints_px=np.asarray(points, dtype=np.float32).reshape(count, keypoints.COUNT, 2),
        confidence=np.asarray(confs, dtype=np.float32).reshape(count, keypoints.COUNT),
        depth=np.asarray(depths, dtype=np.float32).reshape(count, keypoints.COUNT),
        frame_size=frame_size,
        source=source,
        meta={
            "backend": backend.name,
            **_depth_calibration(backend),
            "roi": "infant" if use_roi else "full_frame",
            "selection": notes.as_meta(),
        },
    )


def _depth_calibration(backend: PoseBackend) -> dict[str, Any]:
    """How the backend's depth reads, recorded with the track (BlazePose's when it says none)."""
    calibration = getattr(backend, "depth_calibration", None)
    return {} if calibration is None else {"depth_calibration": calibration.as_meta()}
