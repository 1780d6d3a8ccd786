"""Every tunable threshold of the analysis, typed, with its unit, why it is what it is, and the
benchmark that justifies it.

One frozen dataclass per stage (``CleanParams``, ``HeadingParams``, ...) and ``AnalysisParams``
holding them all; ``AnalysisParams()`` is the product's setting. A stage function takes its own
params object (``clean_track(track, camera, params.clean)``), so a sweep changes one field with
``dataclasses.replace`` and runs the analysis again; nothing is read from module constants.

Times are in seconds, never frames: the analysis rate is a user option, so a stage converts with
the track's own rate (``frames``). Lengths are in body or trunk lengths, never pixels, except
for the camera estimator's image-processing settings, which are in pixels of its work frame.

``describe(AnalysisParams())`` lists them (stage, name, value, unit, reason, bench) for the docs
and for sweeps. How the pose backend's depth reads is the backend's own property
(``crawlcoach.pose.depth.DepthCalibration``), not a parameter here.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any, NamedTuple

# Where a value's evidence is. "as a whole": the stage's thresholds were set together on that
# benchmark; the value was not swept on its own.
NOT_MEASURED = "not measured"
SYNTH = "bench/accuracy_synth.py as a whole (docs/benchmarks.md: Synthetic clips)"
CLIPS = "bench/accuracy_clips.py (docs/benchmarks-history.md: Real development clips)"
SWEEP = (
    "bench/clip_variants.py + accuracy_clips.py, swept (docs/benchmarks-history.md: The same"
    " clips, re-encoded and played backwards)"
)
GROUP_SPLIT = (
    "bench/accuracy_clips.py, per-group sweep (docs/benchmarks-history.md: Tuning split by group)"
)
COVERAGE = "bench/pose_coverage.py (docs/benchmarks.md: Pose coverage on the development clips)"
CONFIDENCE = "bench/direction_confidence.py (docs/benchmarks-history.md: How sure the direction is)"
CAMERA_FIT = (
    "bench/accuracy_clips.py + tests/motion (docs/benchmarks-history.md: Camera motion fit)"
)
ANATOMY = "not measured (infant body proportions)"
LOGO = "bench/accuracy_logo.py (docs/benchmarks.md: Leave-one-group-out, every variant)"
ANALYSIS_SWEEP = (
    "bench/setting_sweep_logo.py (docs/benchmarks-history.md: Analysis settings chosen held out)"
)
PEOPLE_FINDER = (
    "bench/clip_variants.py --find-people (docs/benchmarks-history.md: A face-free person finder)"
)
REGION_REACH = (
    "bench/person_region_reach.py (docs/benchmarks-history.md: A face-free person finder)"
)
UPRIGHT = (
    "bench/clip_variants.py --tracker-param upright_check_s=... (docs/benchmarks-history.md:"
    " Upside-down poses)"
)
TRACKING_SWEEP = (
    "bench/setting_sweep_logo.py (docs/benchmarks-history.md: Tracking settings chosen held out)"
)


def param(default: Any, unit: str, reason: str, bench: str = NOT_MEASURED) -> Any:
    """A field with its unit, a one-line reason and the benchmark that justifies it."""
    return field(default=default, metadata={"unit": unit, "reason": reason, "bench": bench})


def frames(seconds: float, fps: float, minimum: int = 1) -> int:
    """A duration as a whole number of frames at ``fps`` (at least ``minimum``). ``fps`` is the
    mean rate (frames per second of track), not the median interval: frames sampled from 25 to
    15 fps come 0.04 and 0.08 s apart, yet 45 of them still span 3 s."""
    return max(minimum, round(seconds * fps))


class FrameClock:
    """Durations in frames for a stage fed one frame at a time (the tracker, the camera
    estimator): at ``fps`` when the caller knows the rate the frames come at (the pipeline does),
    else at the mean rate of the frames seen so far."""

    def __init__(self, fps: float | None = None) -> None:
        self._fps = fps
        self._first: float | None = None
        self._last = 0.0
        self._count = 0

    def tick(self, timestamp_s: float) -> None:
        if self._first is None:
            self._first = float(timestamp_s)
        self._last = float(timestamp_s)
        self._count += 1

    def frames(self, seconds: float, minimum: int = 1) -> int:
        """``seconds`` in frames (``minimum`` while the rate is unknown)."""
        fps = self._fps or mean_rate(self._count, self._last - (self._first or 0.0))
        return frames(seconds, fps, minimum) if fps > 0 else minimum


def mean_rate(count: int, span_s: float) -> float:
    """Frames per second of ``count`` frames spread over ``span_s`` seconds (0 if unknown)."""
    return (count - 1) / span_s if count > 1 and span_s > 0 else 0.0


@dataclass(frozen=True)
class CleanParams:
    """``motion.clean``: floor coordinates, gaps, smoothing, body size, backend errors."""

    visible: float = param(
        0.3, "confidence 0..1", "below this keypoint confidence a point is a guess", SWEEP
    )
    max_gap_s: float = param(0.5, "s", "gaps up to this long are bridged by interpolation")
    smooth_s: float = param(
        0.4, "s", "Savitzky-Golay window: keeps a 1-2 Hz crawling cycle, removes jitter"
    )
    size_smooth_s: float = param(
        1.0, "s", "body size changes slowly (distance to the camera): smoothed over this", SWEEP
    )
    max_flip_s: float = param(
        1.0,
        "s",
        "a head-hips axis reversed for less than this, then back, is a backend mix-up",
        CLIPS,
    )
    min_flip_s: float = param(0.2, "s", "a reversal shorter than this is jitter for smoothing")
    flip_context_s: float = param(
        1.0, "s", "the direction held this long either side is what a flip is judged against"
    )
    flipped_cos: float = param(
        -0.5, "cosine", "an axis more than 120 degrees off the direction held around it is flipped"
    )
    across_axis: float = param(
        1.0, "trunk lengths", "head to hips at least this long: the body lies across the view"
    )
    trunk_per_shoulder_width: float = param(
        1.33, "ratio", "trunk length per shoulder width in infants", ANATOMY
    )
    trunk_per_head_width: float = param(
        2.0, "ratio", "trunk length per ear-to-ear width in infants", ANATOMY
    )
    trunk_per_hip_width: float = param(
        2.0, "ratio", "trunk length per hip-joint width in infants", ANATOMY
    )
    body_length_per_trunk: float = param(
        1.65, "ratio", "body length (nose to hips, stretched out) per trunk length", ANATOMY
    )
    min_size_weight: float = param(
        0.4, "fraction", "a size measure shorter than this share of the longest is foreshortened"
    )
    head_weight_cap: float = param(
        0.5,
        "fraction",
        "the head's weight in the size change, of the body measures' at most",
        CLIPS,
    )
    turn_rate: float = param(
        0.2,
        "1/s",
        "log-size rate along and across the body that marks a turn, not travel",
        CLIPS,
    )
    end_on: float = param(
        0.3, "fraction", "a length under this share of the longest is seen end-on (noise)", CLIPS
    )
    swap_context_s: float = param(
        1.0, "s", "around a backend left-right swap the widths say nothing about turning", CLIPS
    )
    focal_per_side: float = param(
        0.85,
        "ratio",
        "phone focal length per longer image side (60-70 degrees across)",
        "not measured (phone camera specifications)",
    )


@dataclass(frozen=True)
class HeadingParams:
    """``motion.heading``: which way the head points, in 3-D as far as the video allows."""

    foreshortened: float = param(
        0.9, "fraction", "below this share of the axis in the image plane, depth starts to count"
    )
    foreshortened_span: float = param(
        0.4, "fraction", "further share below ``foreshortened`` at which depth counts fully"
    )
    in_plane_smooth_s: float = param(1.0, "s", "the in-plane share is median-filtered over this")
    depth_smooth_s: float = param(
        1.5, "s", "facing changes slowly; single depth readings jump by several trunks", CLIPS
    )
    sitting_trunk_up: float = param(
        0.5, "trunk lengths", "hips below the shoulders by this much: the trunk stands up"
    )
    sitting_knees_level: float = param(
        0.25, "trunk lengths", "knees this close to the hips along the trunk: thighs lie level"
    )


@dataclass(frozen=True)
class BoutParams:
    """``motion.travel`` and ``motion.bouts``: travel per frame, then bouts of it."""

    window_s: float = param(
        1.0,
        "s",
        "travel is judged over about one crawling cycle (held out: best in all ten folds)",
        ANALYSIS_SWEEP,
    )
    window_min_known: float = param(
        0.3, "fraction", "a travel window needs this share of known frames to give a value"
    )
    max_speed: float = param(
        2.0, "body lengths/s", "infants crawl at up to about 1; faster is the pose jumping"
    )
    min_speed: float = param(
        0.15,
        "body lengths/s",
        "net travel over a second slower than this is staying put (0.10 reads six more dev"
        " directions held out, and 13 non-crawling rows as crawling)",
        ANALYSIS_SWEEP,
    )
    pivot_deg_s: float = param(
        30.0, "degrees/s", "turning this fast without travelling is pivoting", SYNTH
    )
    min_pivot_deg: float = param(
        45.0, "degrees", "a pivot turns at least this far; less is settling in place", SYNTH
    )
    min_bout_s: float = param(
        0.8,
        "s",
        "shorter runs are merged into their neighbours (held out: chosen in seven folds of ten)",
        ANALYSIS_SWEEP,
    )
    min_progress: float = param(
        0.2,
        "body lengths",
        "progress along the heading a bout of travel must make...",
        GROUP_SPLIT,
    )
    min_shift: float = param(
        0.6, "body lengths", "...or displacement whichever way (walkers, rollers)", SYNTH
    )
    travel_confidence_gain: float = param(
        1.2,
        "ratio",
        "a bout's confidence is this times its along-heading share (at most 1)",
        CONFIDENCE,
    )
    still_confidence_floor: float = param(
        0.2, "fraction", "the least confidence a still bout gets however noisy", CONFIDENCE
    )


@dataclass(frozen=True)
class StyleParams:
    """``motion.style``: the style of a bout (and of a baby that does not travel)."""

    legs_in_plane: float = param(
        0.8, "fraction", "the body axis lies this much in the image: the legs are judged", SYNTH
    )
    facing: float = param(
        0.3, "-1..1 facing", "heading.toward_camera from which the legs are out of sight", SYNTH
    )
    facing_away: float = param(
        -0.5, "-1..1 facing", "below this the legs are nearest the camera and in view", SYNTH
    )
    upright: float = param(
        0.6, "trunk lengths", "trunk pointing up in the image by this much is upright", SYNTH
    )
    sideways: float = param(
        0.55, "fraction", "share of travel across the heading for walking / rolling / crab", SYNTH
    )
    sideways_3d: float = param(
        0.65, "fraction", "the same counting travel toward or away from the camera", SYNTH
    )
    level: float = param(
        0.5, "-1..1 facing", "|toward_camera| below this: head and hips equally far away", SYNTH
    )
    sits_in_depth: float = param(
        0.5, "0..1 facing", "heading.sitting_toward from which a sitter faces the camera", SYNTH
    )
    walking_ankle_below: float = param(
        0.4,
        "trunk lengths",
        "an upright body with the ankles this far below the hips walks",
        SYNTH,
    )
    roll_sideways: float = param(
        0.75,
        "fraction",
        "share of travel across the heading from which a roll is looked for",
        SYNTH,
    )
    roll_shoulders_apart: float = param(
        0.5, "trunk lengths", "shoulder width from which the side order means something", SYNTH
    )
    roll_context_s: float = param(
        1.0, "s", "side swaps are also counted this long before and after a bout", SYNTH
    )
    roll_hold_s: float = param(
        0.47, "s", "a side swap must hold this long (a brief one is the backend)", SYNTH
    )
    roll_min_swaps: int = param(2, "count", "side swaps that make a roll", SYNTH)
    min_median_s: float = param(
        0.2, "s", "a posture measure needs this much of a bout seen to say anything"
    )
    straight_knee: float = param(
        115.0, "degrees", "2-D knee angle above which a leg lying flat is straight", CLIPS
    )
    belly_knee_behind: float = param(
        0.25, "trunk lengths", "knees this far behind the hips trail (belly)...", CLIPS
    )
    belly_ankle_behind: float = param(0.6, "trunk lengths", "...and ankles this far behind", CLIPS)
    frog_knee_behind: float = param(
        0.2, "trunk lengths", "splayed frog legs: knees this far behind the hips suffice", CLIPS
    )
    frog_ankle_behind: float = param(
        0.4, "trunk lengths", "splayed frog legs: ankles this far behind the hips suffice", CLIPS
    )
    bear_ankle_below: float = param(
        0.7, "trunk lengths", "straight legs standing this far below the hips: bear", SYNTH
    )
    bear_trunk_level: float = param(
        0.4, "trunk lengths", "a bear crawler's trunk stands up less than this", SYNTH
    )
    lying_across: float = param(
        0.5,
        "trunk lengths",
        "a trunk rising less than this in the image lies across the view (within ~30 degrees)",
        LOGO,
    )
    lying_share: float = param(
        0.67,
        "fraction",
        "share of the frames lying across the view for the limbs to tell a baby on its back",
        LOGO,
    )
    hips_apart: float = param(
        0.2, "trunk lengths", "hips apart across the axis: legs seen from above or behind", CLIPS
    )
    hips_square_on: float = param(
        0.4, "trunk lengths", "hips seen nearly full width (squarely from above or behind)", CLIPS
    )
    feet_narrow: float = param(
        1.2, "hip widths", "feet at most this far apart: shins trail (hands and knees)", CLIPS
    )
    feet_splayed: float = param(
        1.5, "hip widths", "feet at least this far apart: splayed frog legs (belly)", CLIPS
    )
    frog_knee: float = param(
        80.0, "degrees", "splayed legs may bend to this 2-D angle and still lie flat", CLIPS
    )
    straight_leg_knee: float = param(
        150.0,
        "degrees",
        "2-D knee angle: a frog leg bends clearly; a straight one reads 160+",
        CLIPS,
    )
    arms_hang: float = param(
        -0.5,
        "trunk lengths",
        "wrists this far behind the shoulders hang from a raised trunk",
        CLIPS,
    )
    crab_trunk_up: float = param(
        0.5,
        "trunk lengths",
        "a belly crawler's trunk lies level (0-0.2), a crab's is propped",
        SYNTH,
    )
    propped_in_plane: float = param(
        0.6, "fraction", "a trunk propped 30-50 degrees up keeps this share in view", SYNTH
    )
    head_on: float = param(
        0.6, "-1..1 facing", "toward_camera from which the trunk points at the camera", SYNTH
    )
    view_share: float = param(
        0.5,
        "fraction",
        "share of a bout in a view (head-on, propped) for that view to decide",
        SYNTH,
    )
    elbows_bent: float = param(
        110.0, "degrees", "2-D elbow angle below which the arms pull bent, not stand", SYNTH
    )
    wrists_near_shoulders: float = param(
        0.6, "trunk lengths", "straight arms put the wrists 0.7-1.2 below the shoulders", SYNTH
    )
    knees_under_hips: float = param(
        0.2, "trunk lengths", "knees this little behind the hips stand under them...", SYNTH
    )
    knees_up_front: float = param(
        -0.25, "trunk lengths", "...but not this far forward: a sitter's knees point up", SYNTH
    )
    bent_knee: float = param(
        110.0, "degrees", "a resting baby's knees bent below this are under it", SYNTH
    )
    pivot_turn_deg: float = param(
        45.0, "degrees", "a resting body that turns this far pivots (belly if frog-legged)", SYNTH
    )
    min_resting_s: float = param(
        0.67, "s", "a resting posture needs this much well-seen time to be named", SYNTH
    )


@dataclass(frozen=True)
class LimbParams:
    """``motion.limbs``: does each limb take part, and the asymmetry flag."""

    detrend_s: float = param(1.5, "s", "slow drift removed from a limb's signal over this")
    gait_hz: tuple[float, float] = param(
        (0.4, 3.0), "Hz", "infant crawling cycles run at about 0.5-2 Hz", SYNTH
    )
    gait_band_ratio: float = param(
        1.4, "ratio", "the band kept around the gait frequency, either side", SYNTH
    )
    min_gait_travel_s: float = param(2.0, "s", "travel needed to find a gait frequency")
    min_activity_s: float = param(
        0.33, "s", "a limb seen in travel for less than this has no activity measure"
    )
    min_seen_s: float = param(
        2.0, "s", "a limb needs this much well-seen travel before it is judged", SYNTH
    )
    unused_activity: float = param(
        0.06, "trunk lengths RMS", "gait-band motion below this is barely moving", CLIPS
    )
    unused_ratio: float = param(
        0.35, "fraction", "...and below this share of the busiest limb and of its partner", CLIPS
    )
    unused_coherence: float = param(
        0.8, "fraction", "...with less of it in step than a limb that crawls", CLIPS
    )
    asymmetry_index: float = param(
        0.45, "symmetry index 0..1", "below this (one side < ~40% of the other) may flag", CLIPS
    )
    min_flag_confidence: float = param(
        0.1,
        "0..1 confidence",
        "the flag is raised only this sure (typical crawlers < 0.1)",
        CLIPS,
    )
    sure_flag_travel_s: float = param(
        6.0, "s", "travel from which a flag (or its absence) is as sure as its margin"
    )
    min_flag_support: float = param(
        0.6, "fraction", "share of the travel both limbs of the pair must be seen to flag"
    )
    min_flag_travel_s: float = param(3.0, "s", "travel needed to raise the flag at all")
    sure_flag_margin: float = param(
        0.3, "symmetry index", "below ``asymmetry_index`` by this much: the flag is sure"
    )
    symmetric_from: float = param(
        0.2, "symmetry index", "from this index up the absence of a flag gains confidence..."
    )
    symmetric_span: float = param(
        0.5, "symmetry index", "...and is sure this much above ``symmetric_from``"
    )


@dataclass(frozen=True)
class CoordinationParams:
    """``motion.coordination``: diagonal, lateral, synchronous or irregular."""

    min_cycles: float = param(3.0, "gait cycles", "cycles of travel needed to judge a pair", SYNTH)
    sure_cycles: float = param(6.0, "gait cycles", "cycles from which the pattern is fully sure")
    pattern_score: float = param(
        0.42, "template fit", "fit (consistency-weighted cosine) to call diagonal or lateral", SYNTH
    )
    depth_score: float = param(
        0.5, "template fit", "the same when the limbs step toward or away from the camera", SYNTH
    )
    side_margin: float = param(
        0.3, "template fit", "diagonal over lateral (or back) by this to call either", SYNTH
    )
    sync_score: float = param(0.5, "template fit", "fit to call synchronous", SYNTH)
    arm_leg_lead_deg: float = param(
        45.0, "degrees", "an arm leads the leg that steps with it by this much", SYNTH
    )
    sides_seen: float = param(
        0.5, "fraction", "share of travel with both sides seen, below which: unknown", CLIPS
    )
    sides_seen_strict: float = param(
        0.8, "fraction", "...and for synchronous / irregular, which artefacts imitate", CLIPS
    )
    sync_girdle: float = param(
        0.7, "consistency 0..1", "each girdle this locked in phase for synchronous", SYNTH
    )
    sync_arm_leg: float = param(
        0.5, "consistency 0..1", "arm-leg pairs this locked (at once or half a cycle)", SYNTH
    )
    irregular_consistency: float = param(
        0.6, "consistency 0..1", "mean pair consistency above which timing is steady", SYNTH
    )
    rhythm: float = param(
        0.8,
        "fraction",
        "for irregular: every limb keeps its own rhythm this share of travel",
        SYNTH,
    )
    rhythm_band: tuple[float, float] = param(
        (0.5, 2.0), "ratio", "a limb's own rate within this of the gait frequency is a rhythm"
    )
    facing_camera: float = param(
        0.5, "fraction", "depth share of the heading beyond which limbs step in depth", SYNTH
    )


@dataclass(frozen=True)
class DominanceParams:
    """``motion.dominance``: which direction a clip's bouts add up to, and how sure."""

    dominant_share: float = param(
        0.7, "fraction", "one direction dominates with this share of the moving time", SWEEP
    )
    min_travel_s: float = param(
        1.0, "s", "moving less than this the baby stays put (and has no style)", SYNTH
    )
    still_share: float = param(
        0.25, "fraction", "moving less than this share of the clip is staying put", SYNTH
    )
    net_decides_body_lengths: float = param(
        0.3, "body lengths", "net progress that settles an even forward/backward split...", SWEEP
    )
    net_decides_share: float = param(
        0.2, "fraction", "...when it is also this share of the path travelled", SWEEP
    )
    sure_progress_body_lengths: float = param(
        1.0,
        "body lengths",
        "net progress from which a forward/backward reading is as sure as "
        "its bouts (pose noise alone makes a few tenths)",
        CONFIDENCE,
    )


@dataclass(frozen=True)
class WindowParams:
    """``motion.windows``: the short overlapping windows the learned direction layer reads. The
    packaged model (``motion/models``) was trained on these; it refuses other settings."""

    window_s: float = param(
        1.5, "s", "a crawling cycle is about a second: one or two per window, a turn shows", LOGO
    )
    hop_s: float = param(
        0.5, "s", "windows overlap by two thirds; the clip's evidence counts the overlap", LOGO
    )
    min_known: float = param(
        0.5, "fraction", "a window with fewer frames of known heading and travel is left out", LOGO
    )
    clip_speed: float = param(
        2.0, "body lengths/s", "a window's travel beyond this is a pose jump (crawlers make <= 1)"
    )

    @property
    def hop_share(self) -> float:
        """How many windows' worth of independent evidence one window is (overlap counted)."""
        return min(1.0, self.hop_s / self.window_s)


@dataclass(frozen=True)
class MixedParams:
    """``motion.direction_model``: where the learned layer decides, and when its reading is
    ``mixed`` (both ways confidently present, each for a while)."""

    window_p: float = param(
        0.75,
        "probability",
        "a window this sure goes one way (synthetic both-ways crawls reach 0.75-0.9)",
        LOGO,
    )
    min_s: float = param(
        2.5,
        "s",
        "sure seconds each way: a real turn lasts cycles, a noise spell one window (chosen over"
        " 2.0 in every held-out fold; 3.0 loses synthetic 3 s + 3 s both-ways crawls)",
        ANALYSIS_SWEEP,
    )
    min_share: float = param(
        0.3, "fraction", "share of the sure seconds the lesser way holds (4:1 is one way)", LOGO
    )
    max_pivot_share: float = param(
        0.3, "fraction", "a rules' mixed with more pivoting than this share stays the rules'", LOGO
    )
    depth_trend_decides: float = param(
        0.015,
        "1/s",
        "a split clip whose apparent size grows (or shrinks) by this share a second over the"
        " whole clip, times how surely it faces the camera, went that way (held out: on in all"
        " ten folds; 0.01 reads alike, 0.02 and up fewer)",
        ANALYSIS_SWEEP,
    )
    depth_trend_confidence: float = param(
        0.2,
        "confidence 0..1",
        "such a reading stays low: held out, 9 of the 13 it made were right",
        ANALYSIS_SWEEP,
    )


@dataclass(frozen=True)
class QualityParams:
    """The quality gates (``crawlcoach.quality``): whether a track is enough to judge at all,
    and whether the reading is vouched for (``quality.usable``)."""

    min_detected_coverage: float = param(
        0.05, "fraction", "below this share of frames with a person: no baby found"
    )
    judge_min_coverage: float = param(
        0.4, "fraction", "below this share of frames with the baby, motion is not judged"
    )
    judge_min_tracked_s: float = param(
        1.5, "s", "usable body tracking needed to say anything about motion"
    )
    usable_min_coverage: float = param(
        0.5, "fraction", "below this share of frames with the baby the reading is not vouched for"
    )
    usable_min_s: float = param(2.0, "s", "a video shorter than this is not vouched for")
    camera_min_valid: float = param(
        0.5, "fraction", "camera motion measured in fewer frames than this: travel may be wrong"
    )


@dataclass(frozen=True)
class CameraParams:
    """``motion.camera``: the camera's own motion from the background (OpenCV settings in pixels
    of the estimator's work frame)."""

    work_width: int = param(
        320, "px", "frames are shrunk to this width: background needs no detail"
    )
    max_corners: int = param(150, "count", "background corners tracked per frame")
    corner_quality: float = param(
        0.01, "fraction", "OpenCV corner quality level, of the best corner's"
    )
    corner_min_distance_px: float = param(7.0, "px", "least distance between tracked corners")
    corner_block_px: int = param(7, "px", "OpenCV corner detection block size")
    flow_window_px: int = param(21, "px", "Lucas-Kanade window side")
    flow_levels: int = param(3, "count", "Lucas-Kanade pyramid levels")
    min_inliers: int = param(8, "count", "background points that must agree on a step", CAMERA_FIT)
    ransac_px: tuple[float, ...] = param(
        (0.5, 1.5),
        "px",
        "RANSAC inlier distances: tight first, looser for blurred frames",
        CAMERA_FIT,
    )
    ransac_iters: int = param(500, "count", "RANSAC iterations per step")
    ransac_confidence: float = param(0.99, "fraction", "RANSAC confidence")
    max_scale_step: tuple[float, float] = param(
        (0.8, 1.25), "ratio", "a zoom step outside this between frames is a cut or a failure"
    )
    box_margin: float = param(
        0.35, "fraction", "the baby's box grows by this share of its size on each side"
    )
    box_pad_px: float = param(6.0, "px", "and by this many work-frame pixels")
    box_memory_s: float = param(
        2.0, "s", "where the pose missed the baby, its last box (grown twice) still hides it"
    )
    letterbox_grey: float = param(
        12.0, "grey level 0..255", "rows and columns darker than this are letterbox bars"
    )
    box_min_confidence: float = param(
        0.05, "confidence 0..1", "keypoints above this confidence make the baby's box"
    )


@dataclass(frozen=True)
class TrackerParams:
    """``pose.tracker`` and ``pose.selection``: where to look, and whom to follow."""

    roi_margin: float = param(3.0, "body sizes", "crop side when the crop is (re)placed", COVERAGE)
    roi_fill: tuple[float, float] = param(
        (0.25, 0.65), "fraction", "re-place the crop when body size / crop side leaves this"
    )
    roi_edge: float = param(
        0.08, "fraction", "...or when the body comes this close (of the side) to an edge"
    )
    roi_min_side: float = param(
        0.3, "fraction", "crop side at least this share of the frame's shorter side"
    )
    hold_misses_s: float = param(
        0.13, "s", "after losing the baby only the crop is searched this long...", COVERAGE
    )
    lost_crop_s: float = param(
        3.0, "s", "...and after this long without it, only the whole frame", COVERAGE
    )
    max_candidates: int = param(3, "count", "people considered at (re)acquisition")
    max_jump: float = param(
        1.5, "body sizes", "a re-found pose farther than this away is somebody else"
    )
    min_other_size: float = param(
        0.4, "fraction", "another 'person' smaller than this share of the infant is a toy"
    )
    uncertain_margin: float = param(
        0.12, "score", "two candidates closer than this in score make the choice uncertain"
    )
    unlike_infant: float = param(
        0.4, "likeness 0..1", "a chosen candidate below this is noted as not clearly an infant"
    )
    score_weights: tuple[float, float, float] = param(
        (0.6, 0.25, 0.15), "weights", "candidate score: likeness, continuity, backend score"
    )
    likeness_weights: tuple[float, float, float, float] = param(
        (0.4, 0.25, 0.2, 0.15), "weights", "likeness: flat trunk, not standing, big head, low"
    )
    upright: float = param(
        0.6, "trunk lengths", "shoulders above the hips by this much: the trunk is upright"
    )
    standing_knees_below: float = param(
        0.5, "trunk lengths", "upright with knees this far below the hips..."
    )
    standing_ankles_below: float = param(
        1.0, "trunk lengths", "...and ankles this far below: standing on long legs"
    )
    head_ratio_from: float = param(
        0.35, "ratio", "ear span per shoulder span from which a head counts as big..."
    )
    head_ratio_span: float = param(0.3, "ratio", "...and fully big this much above it")
    head_small: float = param(0.3, "0..1", "head bigness below this is noted as small")
    same_person_iou: float = param(
        0.5, "IoU", "a search result overlapping one already found this much is the same"
    )
    seeded_iou: float = param(
        0.3, "IoU", "the crop's first pose must overlap the chosen candidate this much"
    )
    overlap_share: float = param(
        0.1, "fraction", "boxes sharing this much of the smaller are the same body in pieces"
    )
    overlap_grow: float = param(0.15, "fraction", "boxes grown by this on every side to compare")
    mask_pad: float = param(
        0.1, "fraction", "a found person is masked out this much beyond its box"
    )
    box_min_confidence: float = param(
        0.3, "confidence 0..1", "keypoints at least this sure make a pose's box"
    )
    max_recorded_choices: int = param(20, "count", "acquisitions recorded in the track's notes")
    weak_trunk: float = param(
        0.5, "confidence 0..1", "a pose whose hips or shoulders are less sure than this is partial"
    )
    find_people: bool = param(
        False,
        "switch",
        "(re)acquisition also looks where MoveNet MultiPose finds people (no face needed);"
        " off: no held-out gain measured, and BlazePose cannot yet follow whom only it finds",
        PEOPLE_FINDER,
    )
    min_person_score: float = param(
        0.15, "score 0..1", "a MultiPose person at least this sure is a place to look"
    )
    follow_regions: bool = param(
        True,
        "switch",
        "a person only MultiPose finds is read and followed by BlazePose's landmark model on"
        " the region of its trunk (with find_people)",
        PEOPLE_FINDER,
    )
    recheck_s: float = param(
        1.0,
        "s",
        "with find_people, every this long ask MultiPose whether somebody else is clearly more"
        " like an infant (by uncertain_margin) than whom the tracker follows (0: never)",
    )
    upright_check_s: float = param(
        1.0,
        "s",
        "every this long (and every frame while it is found so) MultiPose's trunk checks that"
        " the followed pose is not upside down; one that is gets re-read on a region turned to"
        " MultiPose's trunk, else left out (0: never). Held out on the same video copies (three"
        " sets) more readings came right and fewer read the wrong way",
        UPRIGHT,
    )
    flip_angle_deg: float = param(
        120.0,
        "degrees",
        "two models' hips-to-shoulders axes further apart than this are one body read upside"
        " down (issue 12: on g10_c04 this caught 84 of 85 flips and none on an easy clip)",
        UPRIGHT,
    )
    upright_min_trunk: float = param(
        1.0,
        "shoulder widths",
        "only a trunk at least this long (MultiPose's) is judged: shorter, the baby faces the"
        " camera or away end-on (an infant's trunk is ~1.4 shoulder widths) and its axis in the"
        " image has no direction two models could agree on",
        UPRIGHT,
    )
    person_min_keypoint: float = param(
        0.15, "confidence 0..1", "MultiPose's hips and shoulders this sure align that region"
    )
    person_region_reach: float = param(
        1.15,
        "ratio",
        "that region's radius per distance from the hips to the farthest seen point: the median"
        " for BlazePose's own detector on the same people",
        REGION_REACH,
    )
    refresh_partial_s: float = param(
        0.5,
        "s",
        "a partial pose held this long makes the backend detect afresh in the crop (0: never);"
        " chosen over 0 in every held-out fold",
        TRACKING_SWEEP,
    )


SPARSE = (
    "clip_variants.py --still-gap, accuracy_logo.py (docs/benchmarks-history.md: Sparse pose"
    " sampling)"
)


@dataclass(frozen=True)
class SamplingParams:
    """``pose.sparse``: fewer pose-model calls while the picture around the baby stays the same;
    the skipped frames get keypoints interpolated between the frames on either side."""

    still_gap_s: float = param(
        0.0,
        "s",
        "longest the model may skip while nothing moves around the baby (0: every frame)",
        SPARSE,
    )
    still_pixel_change: float = param(
        16.0, "grey levels", "a pixel changed by more than this (0-255) has changed, not noise"
    )
    still_changed_share: float = param(
        0.03,
        "fraction",
        "below this share of changed pixels around the baby it is still (median while crawling"
        " 0.16 frame to frame, while not crawling 0.04)",
        SPARSE,
    )
    still_box_grow: float = param(
        0.25, "fraction", "the baby's box grown by this on every side: where change is looked for"
    )


@dataclass(frozen=True)
class AnalysisParams:
    """Every stage's parameters; ``AnalysisParams()`` is the product's setting."""

    tracker: TrackerParams = field(default_factory=TrackerParams)
    sampling: SamplingParams = field(default_factory=SamplingParams)
    camera: CameraParams = field(default_factory=CameraParams)
    clean: CleanParams = field(default_factory=CleanParams)
    heading: HeadingParams = field(default_factory=HeadingParams)
    bouts: BoutParams = field(default_factory=BoutParams)
    style: StyleParams = field(default_factory=StyleParams)
    limbs: LimbParams = field(default_factory=LimbParams)
    coordination: CoordinationParams = field(default_factory=CoordinationParams)
    dominance: DominanceParams = field(default_factory=DominanceParams)
    windows: WindowParams = field(default_factory=WindowParams)
    mixed: MixedParams = field(default_factory=MixedParams)
    quality: QualityParams = field(default_factory=QualityParams)


class Parameter(NamedTuple):
    stage: str  # the AnalysisParams field, e.g. "bouts"
    name: str
    value: Any
    unit: str
    reason: str
    bench: str


def describe(params: AnalysisParams | None = None) -> list[Parameter]:
    """Every parameter, stage by stage, with its value in ``params`` (default: the product's)."""
    params = params or AnalysisParams()
    out = []
    for stage in fields(params):
        group = getattr(params, stage.name)
        for f in fields(group):
            meta = f.metadata
            out.append(
                Parameter(
                    stage.name, f.name, getattr(group, f.name),
                    meta.get("unit", ""), meta.get("reason", ""), meta.get("bench", ""),
                )
            )  # fmt: skip
    return out


def markdown_table(params: AnalysisParams | None = None) -> str:
    """The parameters as a markdown table (docs/parameters.md is this, regenerated)."""
    lines = ["| parameter | value | unit | why | benchmark |", "|---|---|---|---|---|"]
    for p in describe(params):
        value = ", ".join(map(str, p.value)) if isinstance(p.value, tuple) else str(p.value)
        lines.append(f"| `{p.stage}.{p.name}` | {value} | {p.unit} | {p.reason} | {p.bench} |")
    return "\n".join(lines) + "\n"
