"""The report for the doctor as a PDF, from plain records, so the web app and the CLI
(``crawlcoach report``) print the same document.

Fonts: DejaVu Sans (Debian's fonts-dejavu-core) when installed, for names and notes in any
script; else reportlab's built-in Helvetica, which covers Western European text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import IO, Any
from xml.sax.saxutils import escape

from crawlcoach import words
from crawlcoach.contract import Analysis, ContractError, certainty
from crawlcoach.vocabulary import LIMBS, Direction

DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
NOT_A_DIAGNOSIS = (
    "This report is not a diagnosis. crawlcoach describes movement seen in short home videos "
    "and compares it, and what the parents noted, with published research about babies in "
    "general. It cannot examine the child; please judge it alongside your own examination."
)
SECTIONS = (
    "Ages",
    "Milestones",
    "Analysed videos",
    "Still frames",
    "What the guidance says",
    "Practice minutes per week",
    "Parents' notes",
)
STILLS_LEFT_OUT = (
    "No still frame for {count} video(s): their files are no longer here, or no bout of "
    "movement was found in them."
)
STILLS_NEED_TRACKS = (
    "Still frames come from the videos and their pose tracks: pass --tracks with the folder "
    "saved by 'crawlcoach analyze --save-tracks' to include them."
)
# Short limb names for the table's narrow column, in the order of ``vocabulary.LIMBS``.
LIMB_SHORT = ("L arm", "R arm", "L leg", "R leg")


@dataclass(frozen=True)
class MilestoneLine:
    name: str
    norm: str  # "5 to 13½ months (WHO)", or "" without one
    seen_on: date | None
    note: str = ""


@dataclass(frozen=True)
class VideoLine:
    on: date | None
    title: str
    direction: str  # "Forward (high)"
    style: str
    limbs: str  # "3 of 4 (R leg less)"
    symmetry: str  # "0.62, one side more"


@dataclass(frozen=True)
class Still:
    """A frame from a video's clearest bout with the skeleton on it (``report.stills``)."""

    on: date | None
    title: str
    caption: str  # "Forward, at 12 s"
    jpeg: bytes


@dataclass(frozen=True)
class ReasonLine:
    text: str
    sources: tuple[str, ...]  # full citations


@dataclass(frozen=True)
class Report:
    child_name: str
    born: date
    made_on: date
    age_text: str
    due: date | None = None
    corrected_age_text: str | None = None
    milestones: Sequence[MilestoneLine] | None = None  # None: not kept (the CLI)
    videos: Sequence[VideoLine] = ()
    stills: Sequence[Still] = ()
    stills_note: str = ""  # why stills are missing, when they are
    verdict: str | None = None
    reasons: Sequence[ReasonLine] = ()
    practice_weeks: Sequence[tuple[date, int]] | None = None  # (Monday, minutes); None: not kept
    notes: Sequence[tuple[date, str]] = ()
    extra_notes: Sequence[str] = field(default_factory=tuple)  # e.g. videos left out, and why


def video_line(result: dict[str, Any], on: date | None, title: str) -> VideoLine:
    """A row of the videos table from an analysis contract, in the word list's words."""
    try:
        analysis = Analysis.from_dict(result)
    except ContractError:
        return VideoLine(on, title, "Could not be read", "", "", "")
    locomotion, limbs = analysis.locomotion, analysis.limbs
    direction = locomotion.dominant_direction
    direction_text = words.label(direction)
    sure = locomotion.direction_confidence
    if sure is not None and direction != Direction.UNKNOWN:
        direction_text += f" ({certainty(sure)})"
    used = [(name, limbs.of(limb).used) for limb, name in zip(LIMBS, LIMB_SHORT, strict=True)]
    known = [(name, u) for name, u in used if u is not None]
    less = [name for name, u in known if u is False]
    limb_text = f"{sum(1 for _, u in known if u)} of {len(known)}" if known else "could not tell"
    if less:
        limb_text += f" ({', '.join(less)} less)"
    symmetry = words.sides(words.side_balance(limbs.symmetry_index, limbs.asymmetry_flag))["label"]
    return VideoLine(
        on=on,
        title=title,
        direction=direction_text,
        style=words.label(locomotion.dominant_style),
        limbs=limb_text,
        symmetry=symmetry,
    )


def reason_lines(assessment: dict[str, Any] | None) -> list[ReasonLine]:
    """The verdict's reasons with their sources, from an assessment contract."""
    if not assessment:
        return []
    details = assessment.get("reason_details") or []
    return [
        ReasonLine(d.get("text", ""), tuple(s.get("citation") or s.get("short", "") for s in
                                            d.get("sources") or []))
        for d in details
    ]  # fmt: skip


def _fonts() -> tuple[str, str]:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    regular, bold = DEJAVU / "DejaVuSans.ttf", DEJAVU / "DejaVuSans-Bold.ttf"
    if regular.is_file() and bold.is_file():
        if "DejaVuSans" not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont("DejaVuSans", str(regular)))
            pdfmetrics.registerFont(TTFont("DejaVuSans-Bold", str(bold)))
        return "DejaVuSans", "DejaVuSans-Bold"
    return "Helvetica", "Helvetica-Bold"


def _day(day: date | None) -> str:
    return f"{day.day} {day:%b %Y}" if day else "—"


STILL_WIDTH_MM = 80
STILLS_PER_ROW = 2


def _stills(report: Report, p: Any, small: Any) -> list[Any]:
    """The still frames two to a row, each with its date, title and what the baby was doing."""
    import io

    from reportlab.lib.units import mm
    from reportlab.platypus import Image, Table, TableStyle

    if not report.stills:
        return [] if report.stills_note else [p("No still frames.")]
    cells = []
    for still in report.stills:
        image = Image(io.BytesIO(still.jpeg))
        ratio = image.imageHeight / max(image.imageWidth, 1)
        width = STILL_WIDTH_MM * mm
        image.drawWidth, image.drawHeight = width, min(width * ratio, 70 * mm)
        if width * ratio > 70 * mm:  # a portrait video: keep its shape within the row's height
            image.drawWidth = 70 * mm / ratio
        when = f"{_day(still.on)} · " if still.on else ""
        caption = f"{when}{still.title}\n{still.caption}"
        cells.append([image, p(caption, small)])
    framed: list[Any] = [Table([[image], [caption]]) for image, caption in cells]
    rows = []
    for i in range(0, len(framed), STILLS_PER_ROW):
        row = framed[i : i + STILLS_PER_ROW]
        rows.append(row + [""] * (STILLS_PER_ROW - len(row)))
    # One table per row of stills, so a page break falls between rows, never inside an image.
    grids = []
    for row in rows:
        grid = Table([row], colWidths=[(STILL_WIDTH_MM + 6) * mm] * STILLS_PER_ROW, hAlign="LEFT")
        grid.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                  ("LEFTPADDING", (0, 0), (0, -1), 0)]))  # fmt: skip
        grids.append(grid)
    return grids


def write_pdf(report: Report, out: IO[bytes] | Path) -> None:
    """Write the report to ``out`` (a path or a binary file)."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
    from reportlab.platypus.flowables import KeepTogether

    regular, bold = _fonts()
    body = ParagraphStyle("body", fontName=regular, fontSize=9.5, leading=12.5)
    small = ParagraphStyle("small", parent=body, fontSize=8, leading=10)
    heading = ParagraphStyle("h2", parent=body, fontName=bold, fontSize=12, leading=15,
                             spaceBefore=8, spaceAfter=4)  # fmt: skip
    title = ParagraphStyle("h1", parent=body, fontName=bold, fontSize=16, leading=20)

    def p(text: str, style: ParagraphStyle = body) -> Paragraph:
        return Paragraph(escape(text).replace("\n", "<br/>"), style)

    def table(rows: list[list[str]], widths: list[float]) -> Table:
        cells = [[p(c, small) for c in row] for row in rows]
        grid = Table(cells, colWidths=[w * mm for w in widths], repeatRows=1, hAlign="LEFT")
        grid.setStyle(TableStyle([
            ("FONTNAME", (0, 0), (-1, 0), bold),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeae3")),
            ("GRID", (0, 0), (-1, -1), 0.3, colors.HexColor("#b8b2a7")),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ]))  # fmt: skip
        return grid

    story: list[Any] = [
        p(f"Movement report: {report.child_name}", title),
        p(f"Made on {_day(report.made_on)} with crawlcoach, from the parents' videos and notes."),
        Spacer(1, 3 * mm),
        p(
            NOT_A_DIAGNOSIS,
            ParagraphStyle(
                "box", parent=body, borderPadding=4, borderColor=colors.grey, borderWidth=0.5
            ),
        ),
        Spacer(1, 2 * mm),
        p(SECTIONS[0], heading),
    ]
    born = f"Born {_day(report.born)}" + (f", due {_day(report.due)}" if report.due else "")
    ages = f"Age {report.age_text}" + (
        f"; corrected age {report.corrected_age_text}" if report.corrected_age_text else ""
    )
    story += [p(f"{born}. {ages}.")]

    story.append(p(SECTIONS[1], heading))
    if report.milestones is None:
        story.append(p("Not kept in this report (made from saved analyses alone)."))
    else:
        rows = [["Milestone", "Most children", "First seen", "Parents' note"]]
        rows += [[m.name, m.norm or "—", _day(m.seen_on) if m.seen_on else "not yet", m.note]
                 for m in report.milestones]  # fmt: skip
        story += [table(rows, [45, 42, 25, 58]),
                  p("WHO windows: the 1st to 99th percentile of ages at which children reached "
                    "the milestone (WHO Motor Development Study, 2006). CDC/AAP: the age by "
                    "which most (75%) do it (Zubler et al., Pediatrics 2022).", small)]  # fmt: skip

    story.append(p(SECTIONS[2], heading))
    if report.videos:
        rows = [["Filmed", "Video", "Direction (certainty)", "Style", "Limbs used",
                 "Left and right"]]  # fmt: skip
        rows += [[_day(v.on), v.title, v.direction, v.style, v.limbs, v.symmetry]
                 for v in report.videos]  # fmt: skip
        story += [
            table(rows, [22, 35, 30, 33, 27, 23]),
            p(words.certainty_scale_sentence(), small),
        ]
    else:
        story.append(p("No analysed videos."))

    # The heading stays on the page of the first row of stills, never alone at a page's foot.
    stills = _stills(report, p, small)
    if report.stills_note:
        stills.append(p(report.stills_note, small))
    story += [KeepTogether([p(SECTIONS[3], heading), *stills[:1]]), *stills[1:]]

    story.append(p(SECTIONS[4], heading))
    if report.verdict:
        story.append(p(report.verdict))
    for reason in report.reasons:
        story.append(p("• " + reason.text))
        for source in reason.sources:
            story.append(p("   Source: " + source, small))
    if not report.verdict and not report.reasons:
        story.append(p("No assessment."))
    for extra in report.extra_notes:
        story.append(p(extra, small))

    story.append(p(SECTIONS[5], heading))
    if report.practice_weeks is None:
        story.append(p("Not kept in this report."))
    elif report.practice_weeks:
        rows = [["Week from", "Minutes"]]
        rows += [[_day(monday), str(minutes)] for monday, minutes in report.practice_weeks]
        story.append(table(rows, [40, 25]))
    else:
        story.append(p("None recorded."))

    story.append(p(SECTIONS[6], heading))
    if report.notes:
        for day, text in report.notes:
            story.append(p(f"{_day(day)}: {text}"))
    else:
        story.append(p("None included."))

    document = SimpleDocTemplate(
        out if not isinstance(out, Path) else str(out),
        pagesize=A4,
        leftMargin=18 * mm, rightMargin=18 * mm, topMargin=16 * mm, bottomMargin=16 * mm,
        title=f"Movement report: {report.child_name}",
        author="crawlcoach",
    )  # fmt: skip
    document.build(story)
