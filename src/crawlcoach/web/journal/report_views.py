"""The report for the doctor: a page to choose which notes go in, and the PDF itself, built by
``crawlcoach.report.pdf`` from the child's records (the CLI builds it from saved analyses)."""

from __future__ import annotations

import io

from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from crawlcoach.pose.track import PoseTrack
from crawlcoach.report import pdf, stills
from crawlcoach.web import family_time, guidance_bridge
from crawlcoach.web.children.models import Child
from crawlcoach.web.children.views import family_child
from crawlcoach.web.families.access import family_required
from crawlcoach.web.journal import practice
from crawlcoach.web.journal.catalogue import catalogue, window_text
from crawlcoach.web.videos import storage
from crawlcoach.web.videos.models import Video

# Stills come from this many of the latest analysed videos: enough to see change, and the PDF
# is made while the parent waits.
STILL_VIDEOS = 4


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
    analysed = [v for v in videos if v.status == "done" and v.result]
    still_frames, missing = video_stills(analysed[-STILL_VIDEOS:])
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
        stills=still_frames,
        stills_note=pdf.STILLS_LEFT_OUT.format(count=missing) if missing else "",
        verdict=(assessment or {}).get("verdict_text"),
        reasons=pdf.reason_lines(assessment),
        practice_weeks=practice.minutes_by_week(child),
        notes=notes,
        extra_notes=guidance.notes,
    )


def video_stills(videos: list[Video]) -> tuple[list[pdf.Still], int]:
    """A still of each video's clearest bout, with the count of videos that gave none (their
    files are gone, or no bout was found)."""
    found, missing = [], 0
    for video in videos:
        moment = stills.clearest_moment(video.result or {})
        image = None
        if moment is not None:
            overlay = storage.absolute(video.annotated_file) if video.annotated_file else None
            image = stills.still_frame(
                moment.at_s,
                overlay=overlay,
                source=storage.absolute(video.original_file),
                track=_track(video),
            )
        if image is None or moment is None:
            missing += 1
            continue
        on = family_time.local_date(video.filmed_at)
        found.append(pdf.Still(on, video.display_title, stills.caption(moment), stills.jpeg(image)))
    return found, missing


def _track(video: Video) -> PoseTrack | None:
    path = storage.track_path(video)
    try:
        return PoseTrack.load(path) if path.is_file() else None
    except (OSError, ValueError, KeyError):
        return None


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
