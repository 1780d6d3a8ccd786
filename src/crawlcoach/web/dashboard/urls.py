from django.urls import path

from crawlcoach.web.dashboard import views

urlpatterns = [
    path("", views.home, name="home"),
    path("children/<int:child_id>/", views.child_dashboard, name="child"),
]
