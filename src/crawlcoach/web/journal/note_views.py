"""Dated notes per child, optionally with a photo."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from crawlcoach.web import family_time, form_dates
from crawlcoach.web.children.models import Child
from crawlcoach.web.children.views import family_child
from crawlcoach.web.families.access import family_of, family_required
from crawlcoach.web.journal import photos
from crawlcoach.web.journal.models import Note
from crawlcoach.web.videos import storage

PHOTO_TYPES = {
    ".jpg": "image/jpeg",
    ".png": "image/png",
    ".webp": "image/webp",
    ".gif": "image/gif",
}


class NoteForm(forms.Form):
    on = form_dates.date_field("Day")
    text = forms.CharField(label="Note", widget=forms.Textarea(attrs={"rows": 4}))
    photo = forms.FileField(
        label="Photo",
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "image/*"}),
    )

    def __init__(self, child: Child, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.child = child

    def clean_on(self) -> Any:
        return form_dates.day_in_life(
            self.cleaned_data["on"], self.child.born, family_time.today(), self.child.name
        )

    def clean_photo(self) -> Any:
        photo = self.cleaned_data.get("photo")
        if photo:
            try:
                self.photo_suffix = photos.image_suffix(photo)
            except photos.PhotoRejected as exc:
                raise forms.ValidationError(str(exc)) from exc
        return photo


def family_note(request: HttpRequest, note_id: int) -> Note:
    return get_object_or_404(
        Note.objects.select_related("child"),
        pk=note_id,
        child__family=family_of(request),
    )


@require_http_methods(["GET", "POST"])
@family_required
def notes(request: HttpRequest, child_id: int) -> HttpResponse:
    child = family_child(request, child_id)
    if request.method == "POST":
        form = NoteForm(child, request.POST, request.FILES)
        if form.is_valid():
            note = Note.objects.create(
                child=child, on=form.cleaned_data["on"], text=form.cleaned_data["text"]
            )
            if form.cleaned_data.get("photo"):
                note.photo_file = photos.store(note, form.cleaned_data["photo"], form.photo_suffix)
                note.save(update_fields=["photo_file"])
            messages.success(request, "The note is saved.")
            return redirect("notes", child_id=child.pk)
        status = 400
    else:
        form = NoteForm(child, initial={"on": family_time.today()})
        status = 200
    context = {"child": child, "form": form, "notes": child.notes.all()}
    return render(request, "journal/notes.html", context, status=status)


@require_GET
@family_required
def note_photo(request: HttpRequest, note_id: int) -> FileResponse:
    note = family_note(request, note_id)
    if not note.photo_file:
        raise Http404("This note has no photo.")
    path = storage.absolute(note.photo_file)
    if not path.is_file():
        raise Http404("This photo is no longer there.")
    content_type = PHOTO_TYPES.get(path.suffix, "application/octet-stream")
    return FileResponse(path.open("rb"), content_type=content_type)


@require_POST
@family_required
def delete_note(request: HttpRequest, note_id: int) -> HttpResponse:
    note = family_note(request, note_id)
    child_id = note.child_id
    photos.delete(note)
    note.delete()
    messages.success(request, "The note is deleted.")
    return redirect("notes", child_id=child_id)
