from django.urls import path

from crawlcoach.web.videos import details, sharing_views, views

urlpatterns = [
    path("children/<int:child_id>/upload/", views.upload_video, name="video_upload"),
    path("videos/<uuid:video_id>/", views.video_page, name="video"),
    path("videos/<uuid:video_id>/status.json", views.video_status, name="video_status"),
    path("videos/<uuid:video_id>/file/<str:kind>", views.video_file, name="video_file"),
    path("videos/<uuid:video_id>/delete/", views.delete_video, name="video_delete"),
    path("videos/<uuid:video_id>/retry/", views.retry_video, name="video_retry"),
    path("videos/<uuid:video_id>/cancel/", views.cancel_video, name="video_cancel"),
    path("videos/<uuid:video_id>/details/", details.edit_video_details, name="video_details"),
    path(
        "videos/<uuid:video_id>/share/<str:kind>/",
        sharing_views.make_shared_copy,
        name="video_share",
    ),
    path(
        "videos/<uuid:video_id>/share/<str:kind>/status.json",
        sharing_views.shared_copy_status,
        name="video_share_status",
    ),
    path(
        "videos/<uuid:video_id>/share/<str:kind>/download",
        sharing_views.download_shared_copy,
        name="video_share_file",
    ),
]
