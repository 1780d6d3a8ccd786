from django.urls import include, path

urlpatterns = [
    path("", include("crawlcoach.web.dashboard.urls")),
    path("", include("crawlcoach.web.families.urls")),
    path("", include("crawlcoach.web.children.urls")),
    path("", include("crawlcoach.web.videos.urls")),
    path("", include("crawlcoach.web.journal.urls")),
    path("api/", include("crawlcoach.web.api.urls")),
]
