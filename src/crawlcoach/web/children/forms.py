from __future__ import annotations

from typing import Any, cast

from django import forms

from crawlcoach.web import family_time, form_dates
from crawlcoach.web.children.models import Child
from crawlcoach.web.guidance_bridge import date_problem, observation_choices


class ChildForm(forms.ModelForm):
    observations = forms.MultipleChoiceField(
        label="Anything you have noticed?",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Tick what you have seen at home; it is weighed together with the videos.",
    )

    class Meta:
        model = Child
        fields = ("name", "born", "due", "observations")
        widgets = {
            "born": form_dates.calendar_input(),
            "due": form_dates.calendar_input(),
        }
        error_messages = {"born": form_dates.DATE_ERRORS, "due": form_dates.DATE_ERRORS}
        help_texts = {"due": "Only if your baby came early: we then also show the corrected age."}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["observations"]).choices = observation_choices()
        self.fields["name"].widget.attrs["autocomplete"] = "off"

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        born = cleaned.get("born")
        if born is not None:
            # A child saved earlier who has since grown past the norms can still be edited.
            kept = self.instance.pk is not None and born == self.instance.born
            problem = date_problem(
                born, cleaned.get("due"), family_time.today(), past_norms_allowed=kept
            )
            if problem:
                raise forms.ValidationError(form_dates.in_words(problem))
        return cleaned
