"""Tables for statistics software, rebuilt from the stored analyses at the end of every run:
``videos`` (one row per video), ``bouts`` (one row per bout), ``limbs`` (one row per video and
limb), each as Parquet (typed) and CSV (plain). Column meanings: docs/batch.md.

Measures are null (empty in CSV) for a video that could not be analysed, so averages and counts
in R, SPSS or pandas leave it out instead of counting it as "not crawling"."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.csv as pa_csv
import pyarrow.parquet as pq

from crawlcoach import contract
from crawlcoach.batch.item import ItemOutcome
from crawlcoach.batch.manifest import KNOWN_COLUMNS

LIMBS = ("left_arm", "right_arm", "left_leg", "right_leg")
DIRECTIONS_TIMED = ("forward", "backward", "pivoting", "stationary")

_IDENTITY = [
    ("video_key", pa.string()),
    ("path", pa.string()),
    ("participant", pa.string()),
]
_MANIFEST = [
    ("born", pa.date32()),
    ("due", pa.date32()),
    ("recorded_on", pa.date32()),
    ("observations", pa.string()),
]
_VIDEO_MEASURES = [
    ("content_sha256", pa.string()),
    ("duration_s", pa.float64()),
    ("fps", pa.float64()),
    ("width", pa.int32()),
    ("height", pa.int32()),
    ("pose_coverage", pa.float64()),
    ("usable", pa.bool_()),
    ("crawling", pa.bool_()),
    ("dominant_direction", pa.string()),
    ("direction_confidence", pa.float64()),
    ("direction_certainty", pa.string()),
    ("dominant_style", pa.string()),
    *[(f"{d}_s", pa.float64()) for d in DIRECTIONS_TIMED],
    ("bouts", pa.int32()),
    *[(f"{limb}_used", pa.bool_()) for limb in LIMBS],
    ("limbs_used", pa.int32()),
    ("symmetry_index", pa.float64()),
    ("asymmetry_flag", pa.bool_()),
    ("asymmetry_confidence", pa.float64()),
    ("coordination_pattern", pa.string()),
    ("assessment_verdict", pa.string()),
    ("age_months", pa.float64()),
    ("corrected_age_months", pa.float64()),
    ("problems", pa.string()),
    ("error_kind", pa.string()),
    ("error_message", pa.string()),
    ("analysis_s", pa.float64()),
    ("frames_analysed", pa.int32()),
]
_BOUT_COLUMNS = [
    ("bout", pa.int32()),
    ("start_s", pa.float64()),
    ("end_s", pa.float64()),
    ("duration_s", pa.float64()),
    ("direction", pa.string()),
    ("style", pa.string()),
    ("confidence", pa.float64()),
    ("distance_body_lengths", pa.float64()),
    ("net_forward_body_lengths", pa.float64()),
]
_LIMB_COLUMNS = [
    ("limb", pa.string()),
    ("side", pa.string()),
    ("kind", pa.string()),
    ("used", pa.bool_()),
    ("activity", pa.float64()),
    ("seen_s", pa.float64()),
]


def write_tables(outcomes: Sequence[ItemOutcome], out_dir: Path) -> dict[str, int]:
    """Writes ``videos``, ``bouts`` and ``limbs`` (.parquet and .csv); returns their row counts."""
    extra = _extra_columns(outcomes)
    counts = {}
    for name, schema, rows in (
        ("videos", _schema(_IDENTITY, _MANIFEST, extra, _VIDEO_MEASURES), _video_rows),
        ("bouts", _schema(_IDENTITY, _BOUT_COLUMNS), _bout_rows),
        ("limbs", _schema(_IDENTITY, _LIMB_COLUMNS), _limb_rows),
    ):
        table = _table(schema, [row for o in outcomes for row in rows(o, extra)])
        _write(table, out_dir / f"{name}.parquet", pq.write_table)
        _write(table, out_dir / f"{name}.csv", pa_csv.write_csv)
        counts[name] = table.num_rows
    return counts


def _video_rows(o: ItemOutcome, extra: dict[str, str]) -> list[dict[str, Any]]:
    a = o.analysis
    video, quality, timing = a["video"], a["quality"], a.get("timing", {})
    error = a.get("error") or {}
    row: dict[str, Any] = {
        **_identity(o),
        "born": o.item.born,
        "due": o.item.due,
        "recorded_on": o.item.recorded_on,
        "observations": " ".join(o.item.observations) or None,
        **{column: o.item.columns.get(name) for name, column in extra.items()},
        "content_sha256": o.content_sha256,
        "duration_s": video.get("duration_s") or None,
        "fps": video.get("fps") or None,
        "width": video.get("width") or None,
        "height": video.get("height") or None,
        "pose_coverage": quality.get("pose_coverage"),
        "usable": quality.get("usable"),
        # A failure's message is its only "problem": shown once, in error_message.
        "problems": None if error else "; ".join(quality.get("problems", [])) or None,
        "error_kind": error.get("kind"),
        "error_message": error.get("message"),
        "analysis_s": timing.get("analysis_s"),
        "frames_analysed": timing.get("frames_analysed"),
    }
    if error:
        return [row]  # no measures: left null
    loco, limbs = a["locomotion"], a["limbs"]
    used = [limbs.get(limb, {}).get("used") for limb in LIMBS]
    assessment = a.get("assessment") or {}
    row.update(
        {
            "crawling": loco.get("crawling"),
            "dominant_direction": loco.get("dominant_direction"),
            "direction_confidence": loco.get("direction_confidence"),
            "direction_certainty": contract.certainty(loco.get("direction_confidence", 0.0)),
            "dominant_style": loco.get("dominant_style"),
            **{f"{d}_s": loco.get("seconds", {}).get(d) for d in DIRECTIONS_TIMED},
            "bouts": len(loco.get("bouts", [])),
            **{f"{limb}_used": u for limb, u in zip(LIMBS, used, strict=True)},
            "limbs_used": sum(u is True for u in used),
            "symmetry_index": limbs.get("symmetry_index"),
            "asymmetry_flag": limbs.get("asymmetry_flag"),
            "asymmetry_confidence": limbs.get("asymmetry_confidence"),
            "coordination_pattern": a["coordination"].get("pattern"),
            "assessment_verdict": assessment.get("verdict"),
            "age_months": assessment.get("age_months"),
            "corrected_age_months": assessment.get("corrected_age_months"),
        }
    )
    return [row]


def _bout_rows(o: ItemOutcome, extra: dict[str, str]) -> list[dict[str, Any]]:
    rows = []
    for i, bout in enumerate(o.analysis["locomotion"].get("bouts", [])):
        rows.append(
            {
                **_identity(o),
                "bout": i,
                "start_s": bout["start_s"],
                "end_s": bout["end_s"],
                "duration_s": round(bout["end_s"] - bout["start_s"], 3),
                "direction": bout["direction"],
                "style": bout["style"],
                "confidence": bout["confidence"],
                "distance_body_lengths": bout.get("distance_body_lengths"),
                "net_forward_body_lengths": bout.get("net_forward_body_lengths"),
            }
        )
    return rows


def _limb_rows(o: ItemOutcome, extra: dict[str, str]) -> list[dict[str, Any]]:
    if o.analysis.get("error"):
        return []
    rows = []
    for limb in LIMBS:
        facts = o.analysis["limbs"].get(limb, {})
        side, kind = limb.split("_")
        rows.append(
            {
                **_identity(o),
                "limb": limb,
                "side": side,
                "kind": kind,
                "used": facts.get("used"),
                "activity": facts.get("activity"),
                "seen_s": facts.get("seen_s"),
            }
        )
    return rows


def _identity(o: ItemOutcome) -> dict[str, Any]:
    return {"video_key": o.key, "path": str(o.item.path), "participant": o.item.participant}


def _extra_columns(outcomes: Sequence[ItemOutcome]) -> dict[str, str]:
    """Manifest columns beyond the known ones, in first-seen order: {manifest name: column}."""
    taken = {name for name, _ in (*_IDENTITY, *_MANIFEST, *_VIDEO_MEASURES)}
    extra: dict[str, str] = {}
    for o in outcomes:
        for name in o.item.columns:
            if name not in KNOWN_COLUMNS and name not in extra:
                extra[name] = f"manifest_{name}" if name in taken else name
    return extra


def _schema(*parts: Sequence[tuple[str, pa.DataType]] | dict[str, str]) -> pa.Schema:
    fields: list[tuple[str, pa.DataType]] = []
    for part in parts:
        if isinstance(part, dict):
            fields.extend((column, pa.string()) for column in part.values())
        else:
            fields.extend(part)
    return pa.schema(fields)


def _table(schema: pa.Schema, rows: list[dict[str, Any]]) -> pa.Table:
    columns = {
        field.name: pa.array([_plain(row.get(field.name)) for row in rows], type=field.type)
        for field in schema
    }
    return pa.table(columns, schema=schema)


def _plain(value: Any) -> Any:
    return (
        value if value is None or isinstance(value, bool | int | float | str | date) else str(value)
    )


def _write(table: pa.Table, path: Path, writer: Callable[[pa.Table, str], None]) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        writer(table, tmp)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
