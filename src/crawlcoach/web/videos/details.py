"""What the parent says about a video: when it was filmed, a title and a note.

The recording date comes from the file's metadata at upload when it has one; a parent corrects
it here (a phone that lost its clock, a clip sent through a chat app that stripped the tags)."""

from __future__ import annotations

import uuid
from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from crawlcoach.web import family_time, form_dates
from crawlcoach.web.families.access import family_required
from crawlcoach.web.videos.models import Video


class VideoDetailsForm(forms.ModelForm):
    class Meta:
        model = Video
        fields = ("title", "recorded_at", "note")
        labels = {"recorded_at": "Filmed on", "title": "Title", "note": "Note"}
        widgets = {
            "recorded_at": forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
            ),
            "note": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {"recorded_at": "Leave empty to date the video by when it was added."}
        error_messages = {"recorded_at": form_dates.DATETIME_ERRORS}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["title"].widget.attrs["placeholder"] = self.instance.original_name

    def clean_recorded_at(self) -> Any:
        moment = self.cleaned_data.get("recorded_at")
        if moment is None:
            return None
        child = self.instance.child
        if family_time.local_date(moment) < child.born:
            raise forms.ValidationError(
                f"That is before {child.name}'s birth date ({child.born:%-d %B %Y}). "
                "Check the date, or the birth date on the child's page."
            )
        if moment > timezone.now():
            raise forms.ValidationError("That moment has not come yet. Check the date and time.")
        return moment


@require_POST
@family_required
def edit_video_details(request: HttpRequest, video_id: uuid.UUID) -> HttpResponse:
    from crawlcoach.web.videos.views import family_video

    video = family_video(request, video_id)
    form = VideoDetailsForm(request.POST, instance=video)
    if form.is_valid():
        form.save()
        messages.success(request, "Saved.")
        return redirect("video", video_id=video.pk)
    context = {"video": video, "child": video.child, "details_form": form}
    return render(request, "videos/details.html", context, status=400)
