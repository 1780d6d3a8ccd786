from django.urls import path

from crawlcoach.web.journal import milestone_views, note_views, practice_views, report_views

urlpatterns = [
    path("children/<int:child_id>/milestones/", milestone_views.milestones, name="milestones"),
    path(
        "children/<int:child_id>/milestones/<slug:milestone>/",
        milestone_views.log_milestone,
        name="milestone_log",
    ),
    path(
        "children/<int:child_id>/milestones/<slug:milestone>/remove/",
        milestone_views.unlog_milestone,
        name="milestone_unlog",
    ),
    path("children/<int:child_id>/practice/", practice_views.practice_page, name="practice"),
    path(
        "children/<int:child_id>/practice/start/", practice_views.start_timer, name="practice_start"
    ),
    path("children/<int:child_id>/practice/stop/", practice_views.stop_timer, name="practice_stop"),
    path("children/<int:child_id>/practice/add/", practice_views.add_entry, name="practice_add"),
    path("practice/<int:entry_id>/delete/", practice_views.delete_entry, name="practice_delete"),
    path("children/<int:child_id>/notes/", note_views.notes, name="notes"),
    path("notes/<int:note_id>/photo", note_views.note_photo, name="note_photo"),
    path("notes/<int:note_id>/delete/", note_views.delete_note, name="note_delete"),
    path("children/<int:child_id>/report/", report_views.report_page, name="report"),
    path("children/<int:child_id>/report.pdf", report_views.report_pdf, name="report_pdf"),
]
