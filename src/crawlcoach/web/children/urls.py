from django.urls import path

from crawlcoach.web.children import views

urlpatterns = [
    path("children/add/", views.add_child, name="child_add"),
    path("children/<int:child_id>/edit/", views.edit_child, name="child_edit"),
    path("children/<int:child_id>/delete/", views.delete_child, name="child_delete"),
]
