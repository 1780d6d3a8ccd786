"""Add, edit and delete a child (deleting one deletes every file of that child)."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from crawlcoach.web.children.forms import ChildForm
from crawlcoach.web.children.models import Child
from crawlcoach.web.families.access import family_of, family_required
from crawlcoach.web.videos import storage


def family_child(request: HttpRequest, child_id: int) -> Child:
    """The child with this id in the request's family, else 404 (never another family's)."""
    return get_object_or_404(Child, pk=child_id, family=family_of(request))


@family_required
def add_child(request: HttpRequest) -> HttpResponse:
    form = ChildForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        child = form.save(commit=False)
        child.family = family_of(request)
        child.save()
        messages.success(request, f"{child.name} is added. Film a minute of floor play to begin.")
        return redirect("child", child_id=child.pk)
    return render(request, "children/form.html", {"form": form, "title": "Add your baby"})


@family_required
def edit_child(request: HttpRequest, child_id: int) -> HttpResponse:
    child = family_child(request, child_id)
    form = ChildForm(request.POST or None, instance=child)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Saved.")
        return redirect("child", child_id=child.pk)
    return render(
        request, "children/form.html", {"form": form, "child": child, "title": f"Edit {child.name}"}
    )


@require_http_methods(["GET", "POST"])
@family_required
def delete_child(request: HttpRequest, child_id: int) -> HttpResponse:
    child = family_child(request, child_id)
    if request.method == "POST":
        name = child.name
        storage.delete_child_files(child)
        child.delete()
        messages.success(request, f"{name} and all of {name}'s videos are deleted.")
        return redirect("home")
    return render(request, "children/delete.html", {"child": child})
