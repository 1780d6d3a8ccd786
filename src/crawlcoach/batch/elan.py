"""Bouts as an ELAN annotation document (.eaf, EAF 3.0), one per video, so coders can open the
video in ELAN beside the machine's reading, check it and correct it.

A tier per annotation kind (``direction``, ``style``, ``confidence``), each annotation spanning
one bout; the tiers carry ANNOTATOR="crawlcoach" to keep them apart from the coders' own."""

from __future__ import annotations

import mimetypes
import os
import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

TIERS = ("direction", "style", "confidence")
_TYPE = "crawlcoach-bout"
_EAF_SCHEMA = "http://www.mpi.nl/tools/elan/EAFv3.0.xsd"
_XSI = "http://www.w3.org/2001/XMLSchema-instance"


def eaf_document(video: Path, bouts: list[dict[str, Any]], eaf_path: Path) -> str:
    """The .eaf text for ``video`` with its ``bouts`` (contract ``locomotion.bouts``); the media
    is linked absolutely and relative to ``eaf_path``, so a moved project folder still finds it."""
    ET.register_namespace("xsi", _XSI)
    root = ET.Element(
        "ANNOTATION_DOCUMENT",
        {
            "AUTHOR": "crawlcoach",
            "DATE": datetime.now(UTC).astimezone().isoformat(timespec="seconds"),
            "FORMAT": "3.0",
            "VERSION": "3.0",
            f"{{{_XSI}}}noNamespaceSchemaLocation": _EAF_SCHEMA,
        },
    )
    header = ET.SubElement(root, "HEADER", {"MEDIA_FILE": "", "TIME_UNITS": "milliseconds"})
    absolute = Path(os.path.abspath(video))
    ET.SubElement(
        header,
        "MEDIA_DESCRIPTOR",
        {
            "MEDIA_URL": absolute.as_uri(),
            "MIME_TYPE": mimetypes.guess_type(video.name)[0] or "video/*",
            "RELATIVE_MEDIA_URL": os.path.relpath(absolute, Path(os.path.abspath(eaf_path)).parent),
        },
    )
    order = ET.SubElement(root, "TIME_ORDER")
    tiers = {
        name: ET.SubElement(
            root,
            "TIER",
            {"TIER_ID": name, "LINGUISTIC_TYPE_REF": _TYPE, "ANNOTATOR": "crawlcoach"},
        )
        for name in TIERS
    }
    slot = annotation = 0
    for bout in bouts:
        start, end = _ms(bout["start_s"]), _ms(bout["end_s"])
        if end <= start:
            continue
        refs = []
        for value in (start, end):
            slot += 1
            ET.SubElement(
                order, "TIME_SLOT", {"TIME_SLOT_ID": f"ts{slot}", "TIME_VALUE": str(value)}
            )
            refs.append(f"ts{slot}")
        values = {
            "direction": bout["direction"],
            "style": bout["style"],
            "confidence": f"{bout['confidence']:.2f}",
        }
        for name, tier in tiers.items():
            annotation += 1
            holder = ET.SubElement(tier, "ANNOTATION")
            aligned = ET.SubElement(
                holder,
                "ALIGNABLE_ANNOTATION",
                {
                    "ANNOTATION_ID": f"a{annotation}",
                    "TIME_SLOT_REF1": refs[0],
                    "TIME_SLOT_REF2": refs[1],
                },
            )
            ET.SubElement(aligned, "ANNOTATION_VALUE").text = values[name]
    prop = ET.SubElement(header, "PROPERTY", {"NAME": "lastUsedAnnotationId"})
    prop.text = str(annotation)
    ET.SubElement(
        root,
        "LINGUISTIC_TYPE",
        {"LINGUISTIC_TYPE_ID": _TYPE, "TIME_ALIGNABLE": "true", "GRAPHIC_REFERENCES": "false"},
    )
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _ms(seconds: float) -> int:
    return round(seconds * 1000)
