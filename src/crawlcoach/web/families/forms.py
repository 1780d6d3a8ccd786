"""Sign-up, joining by invitation, and a log-in form that honours the lock-out."""

from __future__ import annotations

from typing import Any, ClassVar

from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm, UserCreationForm
from django.contrib.auth.models import User
from django.utils import timezone

from crawlcoach.web import notices
from crawlcoach.web.client_address import client_address
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
        fields: ClassVar[tuple[str, ...]] = ("first_name", "username", "email")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields[
            "email"
        ].help_text = "Only used to send you a link when you forget your password."


class SignupForm(CaregiverCreationForm):
    family_name = forms.CharField(
        label="Family name",
        max_length=100,
        help_text="Shown at the top of every page, e.g. The Okafor family.",
    )

    class Meta(CaregiverCreationForm.Meta):
        fields = ("family_name", "first_name", "username", "email")


class LockoutAuthenticationForm(AuthenticationForm):
    """Django's log-in form, counted per username and client address (``lockout``): it warns
    before the last attempt and pauses the pair after it, with the same words for every name."""

    def clean(self) -> dict[str, Any]:
        username = self.cleaned_data.get("username") or ""
        if not username or not self.cleaned_data.get("password"):
            return super().clean()  # nothing is checked, so nothing is counted or cleared
        address = client_address(self.request) if self.request is not None else ""
        if not lockout.count_attempt(username, address):
            self._refuse_locked(username, address)
        try:
            cleaned = super().clean()
        except forms.ValidationError as wrong:
            if lockout.locked_until(username, address) is not None:
                self._refuse_locked(username, address)
            if lockout.attempts_left(username, address) == 1:
                message = notices.one_try_left(settings.LOCKOUT_MINUTES)
                raise forms.ValidationError([*wrong.error_list, message]) from None
            raise
        if self.get_user() is not None:
            lockout.clear(username, address)
        return cleaned

    def _refuse_locked(self, username: str, address: str) -> None:
        until = lockout.locked_until(username, address)
        left = (until - timezone.now()).total_seconds() if until else 60 * settings.LOCKOUT_MINUTES
        raise forms.ValidationError(notices.sign_in_paused(max(1, round(left / 60))), code="locked")
