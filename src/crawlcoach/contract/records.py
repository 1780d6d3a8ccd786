"""The analysis contract as typed, frozen records.

``Analysis.to_dict()`` is the JSON object of ``crawlcoach analyze`` (docs/analysis.md), field for
field and in the same order; ``Analysis.from_dict(obj)`` is the one reader of stored or loaded
analyses: it checks every type and word and raises one ``ContractError`` naming all that is
wrong. Fields added after the first analyses were stored are optional (``None``: absent); they
are left out of ``to_dict()`` when absent, so an older analysis reads back as it was.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from crawlcoach.contract.reading import Reader, show
from crawlcoach.vocabulary import BOUT_DIRECTIONS, LIMBS, Direction, Limb, Pattern, Style

SCHEMA = "crawlcoach.analysis/1"

JSON = dict[str, Any]


@dataclass(frozen=True)
class VideoFacts:
    """The file as given; the size is upright (rotation applied)."""

    path: str
    duration_s: float = 0.0
    fps: float = 0.0
    width: int = 0
    height: int = 0

    def to_dict(self) -> JSON:
        return {
            "path": self.path,
            "duration_s": self.duration_s,
            "fps": self.fps,
            "width": self.width,
            "height": self.height,
        }

    @classmethod
    def read(cls, r: Reader) -> VideoFacts:
        return cls(
            path=r.text("path"),
            duration_s=r.number("duration_s", 0),
            fps=r.number("fps", 0),
            width=r.integer("width"),
            height=r.integer("height"),
        )


@dataclass(frozen=True)
class Note:
    """One thing that limited the analysis: ``code`` (``vocabulary.NoteCode``) for programs,
    ``text`` its plain sentence for a parent, ``details`` the measured figures behind it."""

    code: str
    text: str
    details: Mapping[str, Any] = field(default_factory=dict)

    def to_dict(self) -> JSON:
        return {"code": self.code, "text": self.text, "details": copy.deepcopy(dict(self.details))}

    @classmethod
    def read(cls, r: Reader) -> Note:
        details = r.object_or_null("details") if r.has("details") else None
        return cls(code=r.text("code"), text=r.text("text"), details=dict(details or {}))


@dataclass(frozen=True)
class Quality:
    pose_coverage: float  # 0..1: share of analysed frames in which the baby was found
    usable: bool
    problems: tuple[str, ...] = ()  # plain words for a parent: the notes' texts, in order
    notes: tuple[Note, ...] | None = None  # None: an analysis made before notes had codes

    def to_dict(self) -> JSON:
        out: JSON = {
            "pose_coverage": self.pose_coverage,
            "usable": self.usable,
            "problems": list(self.problems),
        }
        if self.notes is not None:
            out["notes"] = [n.to_dict() for n in self.notes]
        return out

    @classmethod
    def read(cls, r: Reader) -> Quality:
        return cls(
            pose_coverage=r.number("pose_coverage", 0, 1),
            usable=r.flag("usable"),
            problems=r.texts("problems"),
            notes=tuple(Note.read(o) for o in r.objects("notes")) if r.has("notes") else None,
        )

    @classmethod
    def of_notes(cls, pose_coverage: float, usable: bool, notes: tuple[Note, ...]) -> Quality:
        """A quality section whose ``problems`` are its notes' sentences."""
        return cls(pose_coverage, usable, tuple(n.text for n in notes), notes)


@dataclass(frozen=True)
class Seconds:
    """Time spent going each way a bout can go."""

    forward: float = 0.0
    backward: float = 0.0
    pivoting: float = 0.0
    stationary: float = 0.0

    def of(self, direction: Direction) -> float:
        """The seconds of one of ``BOUT_DIRECTIONS``."""
        return float(getattr(self, direction.value))

    def to_dict(self) -> JSON:
        return {d.value: getattr(self, d.value) for d in BOUT_DIRECTIONS}

    @classmethod
    def read(cls, r: Reader) -> Seconds:
        return cls(**{d.value: r.number(d.value, 0) for d in BOUT_DIRECTIONS})


@dataclass(frozen=True)
class Distances:
    """Body lengths travelled forward and backward."""

    forward: float
    backward: float

    def to_dict(self) -> JSON:
        return {"forward": self.forward, "backward": self.backward}

    @classmethod
    def read(cls, r: Reader) -> Distances:
        return cls(forward=r.number("forward", 0), backward=r.number("backward", 0))


@dataclass(frozen=True)
class Bout:
    """A stretch of travel or stillness."""

    start_s: float
    end_s: float
    direction: Direction  # one of BOUT_DIRECTIONS
    style: Style
    confidence: float  # 0..1
    # Added after the first analyses were stored.
    distance_body_lengths: float | None = None
    speed_body_lengths_per_s: float | None = None
    net_forward_body_lengths: float | None = None
    sideways: float | None = None  # 0..1 share of the travel across the heading

    @property
    def duration_s(self) -> float:
        return self.end_s - self.start_s

    def to_dict(self) -> JSON:
        out: JSON = {
            "start_s": self.start_s,
            "end_s": self.end_s,
            "direction": self.direction.value,
            "style": self.style.value,
            "confidence": self.confidence,
        }
        _put(out, "distance_body_lengths", self.distance_body_lengths)
        _put(out, "speed_body_lengths_per_s", self.speed_body_lengths_per_s)
        _put(out, "net_forward_body_lengths", self.net_forward_body_lengths)
        _put(out, "sideways", self.sideways)
        return out

    @classmethod
    def read(cls, r: Reader) -> Bout:
        return cls(
            start_s=r.number("start_s"),
            end_s=r.number("end_s"),
            direction=r.choice("direction", Direction) or Direction.UNKNOWN,
            style=r.choice("style", Style) or Style.UNKNOWN,
            confidence=r.number("confidence", 0, 1),
            distance_body_lengths=r.optional_number("distance_body_lengths"),
            speed_body_lengths_per_s=r.optional_number("speed_body_lengths_per_s"),
            net_forward_body_lengths=r.optional_number("net_forward_body_lengths"),
            sideways=r.optional_number("sideways"),
        )


@dataclass(frozen=True)
class Locomotion:
    crawling: bool
    dominant_direction: Direction
    seconds: Seconds
    dominant_style: Style
    bouts: tuple[Bout, ...] = ()
    # 0..1, how sure ``dominant_direction`` is; None: stored before the field existed.
    direction_confidence: float | None = None
    distance_body_lengths: Distances | None = None
    net_forward_body_lengths: float | None = None
    tracked_seconds: float | None = None  # seconds of usable body tracking

    @classmethod
    def unknown(cls) -> Locomotion:
        """Nothing could be measured."""
        return cls(
            crawling=False,
            dominant_direction=Direction.UNKNOWN,
            seconds=Seconds(),
            dominant_style=Style.UNKNOWN,
            direction_confidence=0.0,
        )

    def to_dict(self) -> JSON:
        out: JSON = {
            "crawling": self.crawling,
            "dominant_direction": self.dominant_direction.value,
        }
        _put(out, "direction_confidence", self.direction_confidence)
        out["seconds"] = self.seconds.to_dict()
        out["dominant_style"] = self.dominant_style.value
        out["bouts"] = [b.to_dict() for b in self.bouts]
        if self.distance_body_lengths is not None:
            out["distance_body_lengths"] = self.distance_body_lengths.to_dict()
        _put(out, "net_forward_body_lengths", self.net_forward_body_lengths)
        _put(out, "tracked_seconds", self.tracked_seconds)
        return out

    @classmethod
    def read(cls, r: Reader) -> Locomotion:
        distances = (
            Distances.read(r.object("distance_body_lengths"))
            if r.has("distance_body_lengths")
            else None
        )
        return cls(
            crawling=r.flag("crawling"),
            dominant_direction=r.choice("dominant_direction", Direction) or Direction.UNKNOWN,
            direction_confidence=r.optional_number("direction_confidence", 0, 1),
            seconds=Seconds.read(r.object("seconds")),
            dominant_style=r.choice("dominant_style", Style) or Style.UNKNOWN,
            bouts=tuple(Bout.read(b) for b in r.objects("bouts")),
            distance_body_lengths=distances,
            net_forward_body_lengths=r.optional_number("net_forward_body_lengths"),
            tracked_seconds=r.optional_number("tracked_seconds", 0),
        )


@dataclass(frozen=True)
class LimbUse:
    """Whether one limb takes part in the travel."""

    used: bool | None  # None: it could not be judged
    activity: float | None = None  # trunk lengths RMS of its cyclic motion; None: not measured
    seen_s: float | None = None  # seconds of travel it was seen; None: not measured (older)

    def to_dict(self) -> JSON:
        out: JSON = {"used": self.used}
        # A measured limb says its activity even when there was none to measure (null).
        if self.seen_s is not None or self.activity is not None:
            out["activity"] = self.activity
        _put(out, "seen_s", self.seen_s)
        return out

    @classmethod
    def read(cls, r: Reader) -> LimbUse:
        return cls(
            used=r.flag_or_null("used"),
            activity=r.optional_number("activity", 0),
            seen_s=r.optional_number("seen_s", 0),
        )


@dataclass(frozen=True)
class Limbs:
    left_arm: LimbUse
    right_arm: LimbUse
    left_leg: LimbUse
    right_leg: LimbUse
    symmetry_index: float | None  # 1: left and right alike, 0: one side still; None: not measured
    asymmetry_flag: bool
    asymmetry_confidence: float | None = None  # 0..1; None: stored before the field existed

    def of(self, limb: Limb | str) -> LimbUse:
        use: LimbUse = getattr(self, Limb(limb).value)
        return use

    def used(self) -> dict[Limb, bool | None]:
        """Each limb's ``used``, in ``LIMBS`` order."""
        return {limb: self.of(limb).used for limb in LIMBS}

    @classmethod
    def unknown(cls) -> Limbs:
        """Nothing could be judged."""
        nothing = LimbUse(used=None)
        return cls(nothing, nothing, nothing, nothing, symmetry_index=None, asymmetry_flag=False)

    def to_dict(self) -> JSON:
        out: JSON = {limb.value: self.of(limb).to_dict() for limb in LIMBS}
        out["symmetry_index"] = self.symmetry_index
        out["asymmetry_flag"] = self.asymmetry_flag
        _put(out, "asymmetry_confidence", self.asymmetry_confidence)
        return out

    @classmethod
    def read(cls, r: Reader) -> Limbs:
        uses = {limb.value: LimbUse.read(r.object(limb.value)) for limb in LIMBS}
        return cls(
            **uses,
            symmetry_index=r.number_or_null("symmetry_index"),
            asymmetry_flag=r.flag("asymmetry_flag"),
            asymmetry_confidence=r.optional_number("asymmetry_confidence", 0, 1),
        )


@dataclass(frozen=True)
class Coordination:
    pattern: Pattern
    # Added after the first analyses were stored; absent where nothing was measured.
    confidence: float | None = None  # 0..1
    phase_deg: Mapping[str, float] | None = None  # per limb pair: the first limb's phase lead
    consistency: Mapping[str, float] | None = None  # 0..1 per limb pair

    @classmethod
    def unknown(cls) -> Coordination:
        return cls(Pattern.UNKNOWN)

    def to_dict(self) -> JSON:
        out: JSON = {"pattern": self.pattern.value}
        _put(out, "confidence", self.confidence)
        if self.phase_deg is not None:
            out["phase_deg"] = dict(self.phase_deg)
        if self.consistency is not None:
            out["consistency"] = dict(self.consistency)
        return out

    @classmethod
    def read(cls, r: Reader) -> Coordination:
        return cls(
            pattern=r.choice("pattern", Pattern) or Pattern.UNKNOWN,
            confidence=r.optional_number("confidence", 0, 1),
            phase_deg=r.numbers_by_name("phase_deg"),
            consistency=r.numbers_by_name("consistency"),
        )


@dataclass(frozen=True)
class ErrorInfo:
    """Why a video could not be analysed: a stable ``kind`` and a message for a person."""

    kind: str
    message: str

    def to_dict(self) -> JSON:
        return {"kind": self.kind, "message": self.message}

    @classmethod
    def read(cls, r: Reader) -> ErrorInfo:
        return cls(kind=r.text("kind"), message=r.text("message"))


@dataclass(frozen=True)
class Timing:
    analysis_s: float  # wall-clock seconds spent on this video
    frames_analysed: int | None = None  # None: the video failed before any frame was looked at

    def to_dict(self) -> JSON:
        out: JSON = {"analysis_s": self.analysis_s}
        _put(out, "frames_analysed", self.frames_analysed)
        return out

    @classmethod
    def read(cls, r: Reader) -> Timing:
        return cls(
            analysis_s=r.number("analysis_s", 0),
            frames_analysed=r.optional_integer("frames_analysed"),
        )


@dataclass(frozen=True)
class Analysis:
    """One ``crawlcoach analyze`` object (``crawlcoach.analysis/1``)."""

    video: VideoFacts
    quality: Quality
    locomotion: Locomotion
    limbs: Limbs
    coordination: Coordination
    timing: Timing
    assessment: Mapping[str, Any] | None = None  # the guidance's object (docs/guidance.md)
    error: ErrorInfo | None = None
    # The day the video was filmed, added by whoever stores analyses over weeks (not by analyze).
    recorded_on: date | None = None
    schema: str = field(default=SCHEMA, init=False)

    @classmethod
    def failed(cls, path: str, kind: str, message: str, analysis_s: float) -> Analysis:
        """A video that could not be analysed: ``error`` set, nothing guessed."""
        return cls(
            video=VideoFacts(path),
            quality=Quality(pose_coverage=0.0, usable=False, problems=(message,)),
            locomotion=Locomotion.unknown(),
            limbs=Limbs.unknown(),
            coordination=Coordination.unknown(),
            timing=Timing(round(analysis_s, 3)),
            error=ErrorInfo(kind, message),
        )

    def with_assessment(self, assessment: Mapping[str, Any] | None) -> Analysis:
        return replace(self, assessment=assessment)

    def to_dict(self) -> JSON:
        out: JSON = {
            "schema": self.schema,
            "video": self.video.to_dict(),
            "quality": self.quality.to_dict(),
            "locomotion": self.locomotion.to_dict(),
            "limbs": self.limbs.to_dict(),
            "coordination": self.coordination.to_dict(),
            "assessment": None if self.assessment is None else copy.deepcopy(dict(self.assessment)),
            "error": None if self.error is None else self.error.to_dict(),
            "timing": self.timing.to_dict(),
        }
        if self.recorded_on is not None:
            out["recorded_on"] = self.recorded_on.isoformat()
        return out

    @classmethod
    def from_dict(cls, obj: Any) -> Analysis:
        """The analysis in ``obj`` (e.g. ``json.load``-ed), checked throughout.

        Raises ``ContractError`` (and nothing else) when ``obj`` is not an analysis or any part
        of it is broken; its message names every broken field and what was expected.
        """
        r = Reader(obj)
        if r.ok and r.data.get("schema") != SCHEMA:
            # Another kind of object, or another version: its fields mean nothing here.
            found = "missing" if "schema" not in r.data else show(r.data["schema"])
            r.problems.append(f"schema is {found}, expected {SCHEMA!r}: not a crawlcoach analysis")
        r.done()
        analysis = cls(
            video=VideoFacts.read(r.object("video")),
            quality=Quality.read(r.object("quality")),
            locomotion=Locomotion.read(r.object("locomotion")),
            limbs=Limbs.read(r.object("limbs")),
            coordination=Coordination.read(r.object("coordination")),
            timing=Timing.read(r.object("timing")),
            assessment=r.object_or_null("assessment"),
            error=_error(r),
            recorded_on=_recorded_on(r),
        )
        r.done()
        return analysis


def _error(r: Reader) -> ErrorInfo | None:
    error = r.object_or_null("error")
    return None if error is None else ErrorInfo.read(Reader(error, "error", r.problems))


def _recorded_on(r: Reader) -> date | None:
    """``recorded_on`` at the top, or inside ``video`` where some stores put it."""
    if r.has("recorded_on"):
        return r.optional_date("recorded_on")
    video = r.data.get("video")
    if isinstance(video, Mapping) and video.get("recorded_on") is not None:
        return Reader(video, "video", r.problems).optional_date("recorded_on")
    return None


def _put(out: JSON, key: str, value: Any) -> None:
    """Add an optional field only when it is there."""
    if value is not None:
        out[key] = value
