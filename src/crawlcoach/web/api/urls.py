"""Routes under /api/ (namespace ``api``); anything else there is a JSON 404."""

from django.urls import path, re_path
from rest_framework.routers import SimpleRouter

from crawlcoach.web.api import docs, journal, views

app_name = "api"

router = SimpleRouter()
router.register("children", views.ChildViewSet, basename="child")
router.register("videos", views.VideoViewSet, basename="video")
router.register("milestones", journal.MilestoneViewSet, basename="milestone")
router.register("practice", journal.PracticeViewSet, basename="practice")
router.register("notes", journal.NoteViewSet, basename="note")

urlpatterns = [
    path("", views.ApiRoot.as_view(), name="root"),
    path("family/", views.FamilyView.as_view(), name="family"),
    *router.urls,
    path("schema/", docs.SchemaView.as_view(), name="schema"),
    path("docs/", docs.docs_page, name="docs"),
    re_path(r"^.*$", views.not_found, name="not-found"),
]
