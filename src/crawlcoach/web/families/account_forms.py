"""The forms of one's own account and of looking after the family: email, leaving, deleting the
account, renaming the family, asking for a reset link by email."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.models import User

from crawlcoach.web import notices
from crawlcoach.web.families import membership
from crawlcoach.web.families.models import Caregiver


class EmailForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ("email",)
        help_texts = {"email": "Only used to send you a link when you forget your password."}


class RenameFamilyForm(forms.Form):
    name = forms.CharField(
        label="Family name",
        max_length=100,
        help_text="Shown at the top of every page, e.g. The Okafor family.",
    )


class CaregiverChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.display_name)


class SuccessorForm(forms.Form):
    """Leaving: when the caregiver is the family's only admin, who looks after it next."""

    successor = CaregiverChoiceField(
        label="Who looks after the family next",
        queryset=Caregiver.objects.none(),
        required=False,
        empty_label=None,
        help_text="They can rename the family, remove caregivers and make reset links.",
    )

    def __init__(self, caregiver: Caregiver | None, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.caregiver = caregiver
        successor = self.fields["successor"]
        assert isinstance(successor, forms.ModelChoiceField)
        if caregiver is not None and membership.needs_successor(caregiver):
            successor.queryset = caregiver.family.caregivers.exclude(pk=caregiver.pk)
            successor.required = True
            # Also when the other admin left a moment ago (two leaving at once): say why.
            successor.error_messages["required"] = notices.LAST_ADMIN
        else:
            del self.fields["successor"]

    def chosen(self) -> Caregiver | None:
        chosen: Caregiver | None = self.cleaned_data.get("successor")
        return chosen


class DeleteAccountForm(SuccessorForm):
    password = forms.CharField(
        label="Your password, to confirm",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, user: User, *args: Any, **kwargs: Any) -> None:
        self.user = user
        caregiver = Caregiver.objects.select_related("family").filter(user=user).first()
        super().__init__(caregiver, *args, **kwargs)

    def clean_password(self) -> str:
        password: str = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(notices.WRONG_PASSWORD_TO_CONFIRM)
        return password


class ForgotPasswordForm(forms.Form):
    name_or_email = forms.CharField(
        label="Your username or email address",
        max_length=254,
        widget=forms.TextInput(attrs={"autocomplete": "username"}),
    )
