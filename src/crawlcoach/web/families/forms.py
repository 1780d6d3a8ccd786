"""Sign-up, joining by invitation, and a log-in form that honours the lock-out."""

from __future__ import annotations

from typing import Any, ClassVar

from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm, UserCreationForm
from django.contrib.auth.models import User
from django.utils import timezone

from crawlcoach.web.families import lockout


class CaregiverCreationForm(UserCreationForm):
    """A new caregiver account: a name to greet them by, a username and a password."""

    first_name = forms.CharField(
        label="Your name",
        max_length=150,
        help_text="How the app greets you, e.g. Sam.",
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )

    class Meta(UserCreationForm.Meta):
        model = User
        fields: ClassVar[tuple[str, ...]] = ("first_name", "username")


class SignupForm(CaregiverCreationForm):
    family_name = forms.CharField(
        label="Family name",
        max_length=100,
        help_text="Shown at the top of every page, e.g. The Okafor family.",
    )

    class Meta(CaregiverCreationForm.Meta):
        fields = ("family_name", "first_name", "username")


class LockoutAuthenticationForm(AuthenticationForm):
    error_messages = {
        **AuthenticationForm.error_messages,
        "locked": (
            "Too many wrong passwords for this account. For your family's safety it is locked "
            "for %(minutes)d more minutes; try again after that."
        ),
    }

    def clean(self) -> dict[str, Any]:
        username = self.cleaned_data.get("username") or ""
        if not username or not self.cleaned_data.get("password"):
            return super().clean()  # nothing is checked, so nothing is counted or cleared
        if not lockout.count_attempt(username):
            self._refuse_locked(username)
        try:
            cleaned = super().clean()
        except forms.ValidationError:
            self._refuse_if_locked(username)
            raise
        if self.get_user() is not None:
            lockout.clear(username)
        return cleaned

    def _refuse_if_locked(self, username: str) -> None:
        if lockout.locked_until(username) is not None:
            self._refuse_locked(username)

    def _refuse_locked(self, username: str) -> None:
        until = lockout.locked_until(username)
        left = (until - timezone.now()).total_seconds() if until else 60 * settings.LOCKOUT_MINUTES
        raise forms.ValidationError(
            self.error_messages["locked"],
            code="locked",
            params={"minutes": max(1, round(left / 60))},
        )
