"""A family: the caregivers who share it, the invitations that let a new caregiver join."""

from __future__ import annotations

import secrets
from datetime import datetime

from django.conf import settings
from django.db import models


class Family(models.Model):
    name = models.CharField(max_length=100)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.name


class Caregiver(models.Model):
    """Membership of one user in one family; everything the user sees is scoped by it."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="caregiver"
    )
    family = models.ForeignKey(Family, on_delete=models.CASCADE, related_name="caregivers")
    joined_at = models.DateTimeField(auto_now_add=True)
    # An admin may rename the family, remove caregivers and make reset links for them; the
    # first caregiver is one, and a family always keeps at least one (membership.py).
    is_admin = models.BooleanField(default=False)

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return self.user.first_name or self.user.get_username()


def new_token() -> str:
    return secrets.token_urlsafe(24)


class Invitation(models.Model):
    family = models.ForeignKey(Family, on_delete=models.CASCADE, related_name="invitations")
    token = models.CharField(max_length=64, unique=True, default=new_token)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    accepted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def is_open(self, now: datetime) -> bool:
        return self.accepted_at is None and now < self.expires_at


class LoginLock(models.Model):
    """Failed log-ins in a row for one username from one client address, and until when that
    pair is locked out: guesses from elsewhere never lock the parent's own phone out."""

    username = models.CharField(max_length=150)
    address = models.CharField(max_length=64, default="")
    failures = models.PositiveIntegerField(default=0)
    last_failure_at = models.DateTimeField(null=True)
    locked_until = models.DateTimeField(null=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["username", "address"], name="one_lock_per_pair")
        ]


class ResetAsk(models.Model):
    """One use of "Forgot your password?" from one client address, whatever was typed: counted
    so one address cannot send reset emails without end (``families.reset_caps``)."""

    address = models.CharField(max_length=64)
    at = models.DateTimeField(db_index=True)


class ResetEmail(models.Model):
    """One reset email sent to one account: counted so an inbox is not flooded."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    at = models.DateTimeField(db_index=True)
