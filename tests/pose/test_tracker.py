"""Tracker logic with a scripted backend: where it looks, whom it follows, how it maps pixels."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pytest

from crawlcoach.parameters import TrackerParams
from crawlcoach.pose import PoseBackend, PoseEstimate, track_infant, tracker
from crawlcoach.pose.blazepose_roi import Region
from crawlcoach.pose.keypoints import COUNT, INDEX
from crawlcoach.pose.people import COCO_NAMES, Person
from crawlcoach.video import Frame

W, H = 320, 240


def body(cx: float, cy: float, *, size: float = 40.0, upright: bool = False) -> np.ndarray:
    """(K, 2) keypoints of a stick figure: a crawler (trunk horizontal) or a standing adult."""
    pts = np.zeros((COUNT, 2))
    if upright:  # shoulders above hips above knees above ankles
        parts = {
            "shoulder": (0, -size),
            "hip": (0, 0),
            "knee": (0, size),
            "ankle": (0, 2 * size),
            "ear": (0, -1.3 * size),
            "elbow": (0, -0.5 * size),
            "wrist": (0, 0),
        }
    else:  # head to the left, trunk horizontal, hands and knees below
        parts = {
            "shoulder": (-size / 2, 0),
            "hip": (size / 2, 0),
            "knee": (size / 2, size / 2),
            "ankle": (size, size / 2),
            "ear": (-size, -size / 4),
            "elbow": (-size / 2, size / 4),
            "wrist": (-size / 2, size / 2),
        }
    spread = {"left": -0.15 * size, "right": 0.15 * size}
    head_spread = (
        {"left": -0.2 * size, "right": 0.2 * size}
        if not upright
        else {"left": -0.08 * size, "right": 0.08 * size}
    )
    for name, i in INDEX.items():
        side, _, part = name.partition("_")
        if part in parts:
            dx, dy = parts[part]
            off = head_spread[side] if part == "ear" else spread[side]
            pts[i] = (cx + dx + (off if upright else 0), cy + dy + (0 if upright else off))
        else:
            pts[i] = (cx - size if not upright else cx, cy - 1.2 * size if upright else cy)
    return pts


def estimate(pts: np.ndarray, score: float = 0.9) -> PoseEstimate:
    return PoseEstimate(pts.astype(float), np.full(COUNT, score), np.zeros(COUNT), score)


class ScriptedBackend:
    """Answers from a per-frame scene: the people present, in frame pixels. ``estimate`` finds
    the person nearest its previous answer (tracking), else the most prominent one."""

    name = "scripted"

    def __init__(self, scene: Callable[[int], list[np.ndarray]]) -> None:
        self.scene = scene
        self.calls: list[tuple[str, tuple[int, ...]]] = []
        self.frame = 0
        self._last: np.ndarray | None = None

    def _people(self, image: np.ndarray) -> list[np.ndarray]:
        # The image carries its origin in the frame in pixel (0, 0) channel values (see frames()).
        x0, y0 = int(image[0, 0, 0]) * 4, int(image[0, 0, 1]) * 4
        h, w = image.shape[:2]
        seen = []
        for pts in self.scene(int(image[0, 0, 2])):
            local = pts - (x0, y0)
            centre = local.mean(axis=0)
            masked = image[int(np.clip(centre[1], 0, h - 1)), int(np.clip(centre[0], 0, w - 1))]
            if 0 <= centre[0] < w and 0 <= centre[1] < h and masked[0] != 77:
                seen.append(local)
        return seen

    def estimate(self, image_rgb: np.ndarray) -> PoseEstimate | None:
        self.calls.append(("track", image_rgb.shape))
        people = self._people(image_rgb)
        if not people:
            self._last = None
            return None
        if self._last is not None:
            people.sort(key=lambda p: float(np.abs(p.mean(0) - self._last.mean(0)).sum()))
        self._last = people[0]
        return estimate(people[0])

    def estimate_still(self, image_rgb: np.ndarray) -> PoseEstimate | None:
        self.calls.append(("still", image_rgb.shape))
        people = self._people(image_rgb)
        return estimate(people[0]) if people else None

    def reset(self) -> None:
        self._last = None

    def close(self) -> None:
        pass

    def __enter__(self) -> ScriptedBackend:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def frames(count: int, *, scale: float = 1.0) -> list[Frame]:
    """Blank frames whose pixels encode their own position (so crops can be located) and their
    frame number; the 4-pixel grid keeps values within uint8."""
    out = []
    for i in range(count):
        img = np.zeros((round(H * scale), round(W * scale), 3), dtype=np.uint8)
        cols = (np.arange(img.shape[1]) // 4).astype(np.uint8)
        rows = (np.arange(img.shape[0]) // 4).astype(np.uint8)
        img[:, :, 0] = cols[None, :]
        img[:, :, 1] = rows[:, None]
        img[:, :, 2] = i
        out.append(Frame(index=i, source_index=2 * i, timestamp_s=i / 15, image=img, scale=scale))
    return out


@pytest.fixture(autouse=True)
def _nobody_for_multipose(monkeypatch: pytest.MonkeyPatch) -> None:
    # The scripted scenes are drawn for the scripted backend only (see ``finder`` below).
    monkeypatch.setattr(tracker, "_person_finder", lambda: ScriptedFinder(lambda i: []))
    reader = ScriptedRegionReader(lambda i: [], readable=False)
    monkeypatch.setattr(tracker, "_region_landmarks", lambda: reader)


@pytest.fixture(autouse=True)
def _mask_marks_pixels(monkeypatch: pytest.MonkeyPatch) -> None:
    # Masking fills with a recognisable value so the scripted backend stops seeing that person.
    from crawlcoach.pose import selection

    def mask_out(image: np.ndarray, box, pad: float = 0.1) -> np.ndarray:
        out = image.copy()
        x0, y0, x1, y1 = (int(v) for v in box)
        out[max(y0 - 2, 1) : y1 + 3, max(x0 - 2, 1) : x1 + 3, 0] = 77
        return out

    monkeypatch.setattr(selection, "mask_out", mask_out)


def test_fake_backend_satisfies_protocol() -> None:
    assert isinstance(ScriptedBackend(lambda i: []), PoseBackend)


def test_single_infant_is_tracked_in_a_crop_and_mapped_to_source_pixels() -> None:
    def scene(i: int) -> list[np.ndarray]:
        return [body(60 + 2 * i, 80, size=20)]

    backend = ScriptedBackend(scene)
    track = track_infant(frames(10, scale=0.5), backend, frame_size=(640, 480), source="t")
    # Scene coordinates are in the 0.5-scaled image; the track is in source pixels.
    # The fake locates crops to 4 image pixels (8 source pixels).
    np.testing.assert_allclose(track.keypoints_px[3], body(66, 80, size=20) / 0.5, atol=8)
    assert track.coverage == 1.0
    assert track.frame_size == (640, 480)
    assert track.meta["backend"] == "scripted"
    assert track.meta["selection"]["acquisitions"] == 1
    assert track.meta["selection"]["uncertain"] is False
    # After the first frame the backend is given a crop, not the whole frame.
    tracked = [shape for kind, shape in backend.calls[2:] if kind == "track"]
    assert tracked and all(shape[1] < W * 0.5 for shape in tracked)


def test_frames_without_anybody_are_missing() -> None:
    backend = ScriptedBackend(lambda i: [body(120, 120)] if i < 5 else [])
    track = track_infant(frames(8), backend, frame_size=(W, H), source="t")
    assert track.detected.tolist() == [True] * 5 + [False] * 3
    assert np.isnan(track.keypoints_px[6]).all()
    assert (track.confidence[6] == 0).all()


def test_the_crawler_is_chosen_over_a_standing_adult() -> None:
    adult = body(250, 80, size=60, upright=True)
    baby = body(90, 180, size=25)
    backend = ScriptedBackend(lambda i: [adult, baby])  # the adult is found first
    track = track_infant(frames(6), backend, frame_size=(W, H), source="t")
    np.testing.assert_allclose(track.keypoints_px[-1].mean(axis=0), baby.mean(axis=0), atol=4)
    sel = track.meta["selection"]
    assert sel["multi_person_count"] >= 1
    assert (
        sel["choices"][0]["candidates"][0]["likeness"]
        > sel["choices"][0]["candidates"][1]["likeness"]
    )


def test_empty_input_gives_an_empty_track() -> None:
    track = track_infant([], ScriptedBackend(lambda i: []), frame_size=(W, H), source="t")
    assert len(track) == 0 and track.keypoints_px.shape == (0, COUNT, 2)
    assert track.coverage == 0.0


def test_pieces_of_one_body_or_a_small_toy_are_not_other_people() -> None:
    def scene(i: int) -> list[np.ndarray]:
        head_piece = body(112, 100, size=12)  # a detection of the baby's head alone
        baby = body(160, 120)
        toy = body(280, 40, size=8)  # a far smaller "person": a pattern or a toy
        return [head_piece, baby, toy]

    with ScriptedBackend(scene) as backend:
        track = track_infant(frames(5), backend, frame_size=(W, H), source="test")
    assert track.meta["selection"]["multi_person_count"] == 0
    assert track.meta["selection"]["uncertain"] is False


def test_two_separate_crawlers_of_a_size_make_the_choice_uncertain() -> None:
    def scene(i: int) -> list[np.ndarray]:
        return [body(80, 120), body(240, 120)]

    with ScriptedBackend(scene) as backend:
        track = track_infant(frames(5), backend, frame_size=(W, H), source="test")
    assert track.meta["selection"]["multi_person_count"] >= 1
    assert track.meta["selection"]["uncertain"] is True


class PartialUntilReset(ScriptedBackend):
    """Once locked on, tracking gives the baby without a sure trunk (hips unseen), as BlazePose's
    tracking sometimes holds a head and shoulders for seconds; a fresh detection (after
    ``reset``) gives the whole body."""

    def __init__(self, scene: Callable[[int], list[np.ndarray]]) -> None:
        super().__init__(scene)
        self.resets = 0
        self._locked = False

    def estimate(self, image_rgb: np.ndarray) -> PoseEstimate | None:
        found = super().estimate(image_rgb)
        if found is None or not self._locked:
            self._locked = found is not None
            return found
        conf = found.confidence.copy()
        conf[[INDEX["left_hip"], INDEX["right_hip"]]] = 0.1
        return PoseEstimate(found.keypoints_px, conf, found.depth, float(conf.mean()))

    def reset(self) -> None:
        super().reset()
        self.resets += 1
        self._locked = False


def _hips_sure(track) -> np.ndarray:
    hips = [INDEX["left_hip"], INDEX["right_hip"]]
    return track.confidence[:, hips].mean(axis=1) >= 0.5


def _track_partial(refresh_s: float):
    from crawlcoach.parameters import TrackerParams

    backend = PartialUntilReset(lambda i: [body(120, 120)])
    params = TrackerParams(refresh_partial_s=refresh_s)
    return track_infant(frames(30), backend, frame_size=(W, H), source="t", fps=15, params=params)


def test_a_partial_pose_held_by_tracking_is_detected_afresh() -> None:
    track = _track_partial(0.5)
    sure = _hips_sure(track)
    # 0.5 s (8 frames at 15 fps) of a partial pose, then a fresh detection: the hips are sure
    # again once in every 8 frames instead of never after the first.
    assert sure[0] and sure.sum() >= 4
    assert track.meta["selection"]["refreshes"] >= 3


def test_without_refresh_the_partial_pose_is_kept() -> None:
    track = _track_partial(0.0)
    assert _hips_sure(track).sum() == 1
    assert track.meta["selection"]["refreshes"] == 0


# -- MultiPose's people at (re)acquisition ----------------------------------------------------


class ScriptedFinder:
    """Stands in for MoveNet MultiPose: finds the scene's people it is told to see."""

    def __init__(self, scene: Callable[[int], list[np.ndarray]], confidence: float = 0.8) -> None:
        self.scene = scene
        self.confidence = confidence  # of every keypoint it reports
        self.calls = 0

    def find(self, image_rgb: np.ndarray) -> list[Person]:
        self.calls += 1
        found = []
        for pts in self.scene(int(image_rgb[0, 0, 2])):
            coco = np.array([pts[INDEX[name]] for name in COCO_NAMES])
            box = (*coco.min(axis=0), *coco.max(axis=0))
            found.append(Person(box, 0.4, coco, np.full(len(COCO_NAMES), self.confidence)))
        return found


class FaceKeyedBackend(ScriptedBackend):
    """Like BlazePose on a baby seen from behind: the whole frame shows it only the adult; a crop
    around the baby shows it the baby unless ``blind``."""

    def __init__(self, scene: Callable[[int], list[np.ndarray]], *, blind: bool = False) -> None:
        super().__init__(scene)
        self.blind = blind

    def _people(self, image: np.ndarray) -> list[np.ndarray]:
        hidden = self.blind or image.shape[:2] == (H, W)
        top = int(image[0, 0, 1]) * 4  # the crop's first row in the frame
        return [p for p in super()._people(image) if not (hidden and p.mean(0)[1] + top > H / 2)]


# the finder alone: the upright check (on by default) would ask MultiPose too
PEOPLE = TrackerParams(find_people=True, upright_check_s=0.0)
ADULT = body(160, 40, size=30, upright=True)
BABY = body(160, 190, size=30)


class ScriptedRegionReader:
    """Stands in for BlazePose's landmark model on a region we choose: reads the scene's person
    whose hips are in the region, if it may (``readable``)."""

    def __init__(self, scene: Callable[[int], list[np.ndarray]], readable: bool) -> None:
        self.scene, self.readable = scene, readable
        self.reads = 0

    def landmarks_in(
        self, image_rgb: np.ndarray, region: Region, *, still: bool = False
    ) -> tuple[PoseEstimate, Region] | None:
        if not self.readable:
            return None
        hips = [INDEX["left_hip"], INDEX["right_hip"]]
        for pts in self.scene(int(image_rgb[0, 0, 2])):
            centre = pts[hips].mean(axis=0)
            if np.hypot(*(centre - (region.cx, region.cy))) < region.side / 2:
                self.reads += 1
                return estimate(pts), Region(*centre, region.side, region.rotation)
        return None

    def reset(self) -> None:
        pass


@pytest.fixture
def finder(monkeypatch: pytest.MonkeyPatch) -> ScriptedFinder:
    found = ScriptedFinder(lambda i: [ADULT, BABY])
    monkeypatch.setattr(tracker, "_person_finder", lambda: found)
    reader = ScriptedRegionReader(lambda i: [ADULT, BABY], readable=False)
    monkeypatch.setattr(tracker, "_region_landmarks", lambda: reader)
    return found


def test_a_baby_only_the_person_finder_sees_is_followed(finder: ScriptedFinder) -> None:
    backend = FaceKeyedBackend(lambda i: [ADULT, BABY])
    track = track_infant(frames(8), backend, frame_size=(W, H), source="t", fps=15, params=PEOPLE)
    np.testing.assert_allclose(track.keypoints_px[-1].mean(axis=0), BABY.mean(axis=0), atol=4)
    assert finder.calls >= 1
    # Without it (the default) the tracker never learns the baby is there.
    without = track_infant(
        frames(8), FaceKeyedBackend(lambda i: [ADULT, BABY]), frame_size=(W, H), source="t", fps=15
    )
    np.testing.assert_allclose(without.keypoints_px[-1].mean(axis=0), ADULT.mean(axis=0), atol=4)


def test_multipose_points_are_never_recorded(finder: ScriptedFinder) -> None:
    """A baby BlazePose cannot read even in a crop is chosen by MultiPose's points (no depth, so
    its seen-from-behind shape is not held against it), but only looked for, not recorded."""
    backend = FaceKeyedBackend(lambda i: [ADULT, BABY], blind=True)
    track = track_infant(frames(8), backend, frame_size=(W, H), source="t", fps=15, params=PEOPLE)
    seen = ~np.isnan(track.keypoints_px[:, 0, 0])
    for pts in track.keypoints_px[seen]:
        np.testing.assert_allclose(pts.mean(axis=0), ADULT.mean(axis=0), atol=4)
    first = track.meta["selection"]["choices"][0]["candidates"]
    assert len(first) == 2
    assert first[0]["box_px"][1] > 150  # the baby, low in the frame, ranked first


def test_without_depth_an_upright_shape_is_not_held_against_a_pose() -> None:
    """A baby seen from behind looks upright on long legs in the image; only depth tells it from
    a standing adult, so a pose without depth (MultiPose's) gets neither cue."""
    from crawlcoach.pose.selection import infant_likeness

    pts = body(160, 120, size=30, upright=True)
    sure = np.full(COUNT, 0.9)
    with_depth = PoseEstimate(pts, sure, np.ones(COUNT), 0.9)
    no_depth = PoseEstimate(pts, sure, np.zeros(COUNT), 0.9, has_depth=False)
    likeness, reasons = infant_likeness(with_depth, H)
    flat_likeness, flat_reasons = infant_likeness(no_depth, H)
    assert "standing on long legs" in reasons
    assert "standing on long legs" not in flat_reasons and "trunk upright" not in flat_reasons
    assert flat_likeness > likeness


def test_a_person_only_the_landmark_model_reads_is_followed_on_its_region(
    finder: ScriptedFinder, monkeypatch: pytest.MonkeyPatch
) -> None:
    """BlazePose's detector sees no baby even in a crop; its landmark model on the region of
    MultiPose's trunk reads it, and carries that region on, frame after frame."""
    reader = ScriptedRegionReader(lambda i: [ADULT, BABY], readable=True)
    monkeypatch.setattr(tracker, "_region_landmarks", lambda: reader)
    backend = FaceKeyedBackend(lambda i: [ADULT, BABY], blind=True)
    track = track_infant(frames(8), backend, frame_size=(W, H), source="t", fps=15, params=PEOPLE)
    assert not np.isnan(track.keypoints_px[:, 0, 0]).any()
    for pts in track.keypoints_px:
        np.testing.assert_allclose(pts.mean(axis=0), BABY.mean(axis=0), atol=4)
    assert reader.reads >= 8  # one at the search, then one per frame
    assert finder.calls == 1  # no search after the first


def test_a_recheck_leaves_the_adult_for_a_clearly_more_infant_like_person(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """MultiPose misses the baby at first, so the adult is followed; a second later it asks
    again, finds the baby, and the tracker follows the baby from then on."""
    found = ScriptedFinder(lambda i: [ADULT] if i < 5 else [ADULT, BABY])
    monkeypatch.setattr(tracker, "_person_finder", lambda: found)
    backend = FaceKeyedBackend(lambda i: [ADULT, BABY])
    track = track_infant(frames(24), backend, frame_size=(W, H), source="t", fps=15, params=PEOPLE)
    np.testing.assert_allclose(track.keypoints_px[0].mean(axis=0), ADULT.mean(axis=0), atol=4)
    np.testing.assert_allclose(track.keypoints_px[-1].mean(axis=0), BABY.mean(axis=0), atol=4)
    sel = track.meta["selection"]
    assert sel["switches"] == 1 and sel["rechecks"] >= 1
    # Never asked again (the default), the tracker stays on the adult.
    stay = track_infant(
        frames(24),
        FaceKeyedBackend(lambda i: [ADULT, BABY]),
        frame_size=(W, H),
        source="t",
        fps=15,
        params=TrackerParams(find_people=True, recheck_s=0.0, upright_check_s=0.0),
    )
    np.testing.assert_allclose(stay.keypoints_px[-1].mean(axis=0), ADULT.mean(axis=0), atol=4)


# -- Upside-down poses, checked against MultiPose's trunk ---------------------------------------

UPRIGHT_CHECK = TrackerParams(upright_check_s=1.0)


def upside_down(pts: np.ndarray) -> np.ndarray:
    """The same body read turned over: every point mirrored through the centre of its box, so
    the box stays and the hips-to-shoulders axis points the other way."""
    centre = (pts.min(axis=0) + pts.max(axis=0)) / 2
    return 2 * centre - pts


def _trunk_x(track) -> np.ndarray:
    """(T,) x of the hips-to-shoulders axis: < 0 for BABY (its head is on the left)."""
    xy = track.keypoints_px
    shoulders = xy[:, [INDEX["left_shoulder"], INDEX["right_shoulder"]]].mean(axis=1)
    hips = xy[:, [INDEX["left_hip"], INDEX["right_hip"]]].mean(axis=1)
    return shoulders[:, 0] - hips[:, 0]


def _checked(scene: Callable[[int], list[np.ndarray]], count: int = 20, params=UPRIGHT_CHECK):
    """A track of ``count`` frames of the scripted scene, the upright check on (or ``params``)."""
    return track_infant(
        frames(count), ScriptedBackend(scene), frame_size=(W, H), source="t", fps=15,
        params=params,
    )  # fmt: skip


def _turned_over(
    monkeypatch: pytest.MonkeyPatch, readable: bool, confidence: float = 0.8
) -> tuple[ScriptedFinder, ScriptedRegionReader]:
    """BlazePose's tracking holds BABY upside down; MultiPose and the region reader see it as
    it is."""
    found = ScriptedFinder(lambda i: [BABY], confidence)
    reader = ScriptedRegionReader(lambda i: [BABY], readable=readable)
    monkeypatch.setattr(tracker, "_person_finder", lambda: found)
    monkeypatch.setattr(tracker, "_region_landmarks", lambda: reader)
    return found, reader


def test_an_upside_down_pose_is_read_again_on_multiposes_trunk(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _, reader = _turned_over(monkeypatch, readable=True)
    track = _checked(lambda i: [upside_down(BABY)])
    assert (_trunk_x(track) < 0).all()  # every recorded pose the right way up
    sel = track.meta["selection"]
    # the backend's tracking keeps it upside down, so every frame is checked and read again
    assert sel["upside_down"] == sel["righted"] == reader.reads == 20
    # Unchecked, the turned-over pose is what the track keeps.
    unchecked = _checked(lambda i: [upside_down(BABY)], params=TrackerParams(upright_check_s=0.0))
    assert (_trunk_x(unchecked) > 0).all()


def test_a_faint_multipose_person_still_gives_a_region(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every MultiPose point under box_min_confidence (0.3), its trunk over person_min_keypoint
    (0.15): the region reaches the trunk's length. (A copy of g10_c04 played backwards crashed
    the tracker here: the farthest of no points.)"""
    p = TrackerParams()
    faint = (p.person_min_keypoint + p.box_min_confidence) / 2
    _, reader = _turned_over(monkeypatch, readable=True, confidence=faint)
    track = _checked(lambda i: [upside_down(BABY)])
    assert (_trunk_x(track) < 0).all()  # righted on the faint person's region
    assert reader.reads == 20


def test_an_upside_down_pose_that_cannot_be_righted_is_left_out(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    found, _ = _turned_over(monkeypatch, readable=False)
    track = _checked(lambda i: [upside_down(BABY)])
    assert np.isnan(_trunk_x(track)).all()  # no upside-down pose recorded
    assert found.calls == 20  # checked every frame while it stays upside down
    assert track.meta["selection"]["righted"] == 0


def test_a_pose_the_right_way_up_is_checked_once_a_second(monkeypatch: pytest.MonkeyPatch) -> None:
    found, reader = _turned_over(monkeypatch, readable=True)
    track = _checked(lambda i: [BABY], count=30)
    assert (_trunk_x(track) < 0).all()
    assert found.calls == 2  # at 0 s and 1 s of a 2-second clip
    assert track.meta["selection"]["upside_down"] == 0 and reader.reads == 0


def test_a_pose_far_from_multiposes_person_is_not_judged(monkeypatch: pytest.MonkeyPatch) -> None:
    """MultiPose sees only somebody else, lying the other way: not compared with the baby."""
    elsewhere = upside_down(body(60, 60, size=30))  # trunk pointing opposite to BABY's
    found = ScriptedFinder(lambda i: [elsewhere])
    monkeypatch.setattr(tracker, "_person_finder", lambda: found)
    track = _checked(lambda i: [BABY])
    assert (_trunk_x(track) < 0).all() and found.calls > 0
    assert track.meta["selection"]["upside_down"] == 0


def test_a_baby_end_on_to_the_camera_is_not_judged(monkeypatch: pytest.MonkeyPatch) -> None:
    """Facing the camera, the trunk looks shorter than the shoulders are wide: its axis in the
    image has no direction to compare, so two models pointing it apart prove nothing."""
    end_on = BABY.copy()
    for side, dy in (("left", -40.0), ("right", 40.0)):
        end_on[INDEX[f"{side}_shoulder"], 1] = BABY[:, 1].mean() + dy
    found = ScriptedFinder(lambda i: [end_on])
    monkeypatch.setattr(tracker, "_person_finder", lambda: found)
    track = _checked(lambda i: [upside_down(end_on)])
    assert not np.isnan(_trunk_x(track)).any()  # kept as read
    assert track.meta["selection"]["upside_down"] == 0
    assert found.calls == 2  # still checked once a second


def test_a_second_reading_upside_down_too_is_left_out(monkeypatch: pytest.MonkeyPatch) -> None:
    found = ScriptedFinder(lambda i: [BABY])
    reader = ScriptedRegionReader(lambda i: [upside_down(BABY)], readable=True)
    monkeypatch.setattr(tracker, "_person_finder", lambda: found)
    monkeypatch.setattr(tracker, "_region_landmarks", lambda: reader)
    track = _checked(lambda i: [upside_down(BABY)], count=10)
    assert np.isnan(_trunk_x(track)).all() and reader.reads == 10
    assert track.meta["selection"]["righted"] == 0


def test_a_baby_found_again_is_checked_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Lost for a moment, then found again upside down: checked on that very frame, not at the
    next second."""
    _turned_over(monkeypatch, readable=False)

    def scene(i: int) -> list[np.ndarray]:
        if i < 3:
            return [BABY]
        return [] if i < 6 else [upside_down(BABY)]

    x = _trunk_x(_checked(scene, count=14))
    assert (x[:3] < 0).all()
    assert np.isnan(x[3:]).all()  # missing, then found upside down and left out


def test_whole_frame_tracking_records_every_frame_found() -> None:
    """``use_roi=False`` (kept to measure what the crop buys) records the backend's pose on
    every frame, the upright check or not."""
    for params in (TrackerParams(upright_check_s=0.0), UPRIGHT_CHECK):
        track = track_infant(
            frames(8), ScriptedBackend(lambda i: [BABY]), frame_size=(W, H), source="t",
            fps=15, use_roi=False, params=params,
        )  # fmt: skip
        assert not np.isnan(track.keypoints_px[:, 0, 0]).any()
