"""A caregiver's API token: only its hash is stored, the token itself is shown once."""

from __future__ import annotations

from django.db import models

from crawlcoach.web.families.models import Caregiver


class ApiToken(models.Model):
    caregiver = models.ForeignKey(Caregiver, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=100)
    # SHA-256 of the token: the token is long and random, so a fast hash is enough to make a
    # leaked database useless for calling the API.
    key_hash = models.CharField(max_length=64, unique=True)
    prefix = models.CharField(max_length=12)  # the token's first characters, to tell them apart
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"
