"""The report for the doctor: a page to choose which notes go in, and the PDF itself, built by
``crawlcoach.report.pdf`` from the child's records (the CLI builds it from saved analyses)."""

from __future__ import annotations

import io

from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from crawlcoach.report import pdf
from crawlcoach.web import family_time, guidance_bridge
from crawlcoach.web.children.models import Child
from crawlcoach.web.children.views import family_child
from crawlcoach.web.families.access import family_required
from crawlcoach.web.journal import practice
from crawlcoach.web.journal.catalogue import catalogue, window_text


def build_report(child: Child, note_ids: set[int]) -> pdf.Report:
    """The child's report as plain records: ages, milestones, videos, guidance, practice, notes."""
    today = family_time.today()
    ages = guidance_bridge.child_ages(child, today)
    videos = sorted(child.videos.all(), key=lambda v: v.filmed_at)
    guidance = guidance_bridge.child_guidance(child, videos, today)
    records = {r.milestone: r for r in child.milestones.all()}
    milestones = [
        pdf.MilestoneLine(
            name=m.name,
            norm=window_text(m),
            seen_on=records[m.id].seen_on if m.id in records else None,
            note=records[m.id].note if m.id in records else "",
        )
        for m in catalogue().milestones
    ]
    video_lines = [
        pdf.video_line(v.result, family_time.local_date(v.filmed_at), v.display_title)
        for v in videos
        if v.status == "done" and v.result
    ]
    assessment = guidance.assessment
    notes = [(n.on, n.text) for n in child.notes.filter(pk__in=note_ids).order_by("on")]
    return pdf.Report(
        child_name=child.name,
        born=child.born,
        due=child.due,
        made_on=today,
        age_text=ages.age_text,
        corrected_age_text=ages.corrected_text,
        milestones=milestones,
        videos=video_lines,
        verdict=(assessment or {}).get("verdict_text"),
        reasons=pdf.reason_lines(assessment),
        practice_weeks=practice.minutes_by_week(child),
        notes=notes,
        extra_notes=guidance.notes,
    )


@require_GET
@family_required
def report_page(request: HttpRequest, child_id: int) -> HttpResponse:
    child = family_child(request, child_id)
    context = {"child": child, "notes": child.notes.all(), "sections": pdf.SECTIONS}
    return render(request, "journal/report.html", context)


@require_GET
@family_required
def report_pdf(request: HttpRequest, child_id: int) -> FileResponse:
    child = family_child(request, child_id)
    chosen = {int(n) for n in request.GET.getlist("note") if n.isdigit()}
    buffer = io.BytesIO()
    pdf.write_pdf(build_report(child, chosen), buffer)
    buffer.seek(0)
    name = f"crawlcoach-report-{child.pk}-{family_time.today().isoformat()}.pdf"
    return FileResponse(buffer, as_attachment=True, filename=name, content_type="application/pdf")
