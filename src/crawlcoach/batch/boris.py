"""Bouts as a BORIS events table (CSV), one per video: each bout a state event (behaviour = the
direction, modifier = the style) with a START and a STOP row.

The columns and their order are those of BORIS's own "tabular events" export (BORIS 8, as in
its source), so scripts written for BORIS exports read these too."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

BEHAVIORAL_CATEGORY = "locomotion"
DEFAULT_SUBJECT = "baby"
NA = "NA"

COLUMNS = (
    "Observation id",
    "Observation date",
    "Description",
    "Observation duration",
    "Observation type",
    "Source",
    "Time offset (s)",
    "Media duration (s)",
    "FPS",
    "Subject",
    "Behavior",
    "Behavioral category",
    "Modifier #1",
    "Behavior type",
    "Time",
    "Media file name",
    "Image index",
    "Image file path",
    "Comment",
)


def boris_events(
    observation_id: str,
    video: Path,
    analysis: dict[str, Any],
    *,
    subject: str | None = None,
    recorded_on: str | None = None,
) -> str:
    """The CSV text for one video's bouts (contract ``locomotion.bouts``)."""
    info = analysis["video"]
    events: list[tuple[float, int, dict[str, str]]] = []
    for bout in analysis["locomotion"].get("bouts", []):
        for time_s, status in ((bout["start_s"], "START"), (bout["end_s"], "STOP")):
            row = {
                "Observation id": observation_id,
                "Observation date": recorded_on or "",
                "Description": "bouts read by crawlcoach",
                "Observation duration": f"{info['duration_s']:.3f}",
                "Observation type": "Media file(s)",
                "Source": f"player #1:{video}",
                "Time offset (s)": "0",
                "Media duration (s)": f"{info['duration_s']:.3f}",
                "FPS": f"{info['fps']:.3f}",
                "Subject": subject or DEFAULT_SUBJECT,
                "Behavior": bout["direction"],
                "Behavioral category": BEHAVIORAL_CATEGORY,
                "Modifier #1": bout["style"],
                "Behavior type": status,
                "Time": f"{time_s:.3f}",
                "Media file name": str(video),
                "Image index": NA,
                "Image file path": NA,
                "Comment": f"confidence {bout['confidence']:.2f}" if status == "START" else "",
            }
            # A STOP sorts before a START at the same instant (back-to-back bouts).
            events.append((time_s, 0 if status == "STOP" else 1, row))
    events.sort(key=lambda e: (e[0], e[1]))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(row for _, _, row in events)
    return out.getvalue()
