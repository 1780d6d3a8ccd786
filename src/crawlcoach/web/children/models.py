"""A child of a family: the dates that give the age the guidance judges against."""

from __future__ import annotations

from django.db import models

from crawlcoach.web.families.models import Family


class Child(models.Model):
    family = models.ForeignKey(Family, on_delete=models.CASCADE, related_name="children")
    name = models.CharField(max_length=100)
    born = models.DateField("birth date")
    due = models.DateField("due date", null=True, blank=True)
    # What the parents have noticed (guidance observation ids), weighed in every assessment.
    observations = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["born", "name"]
        verbose_name_plural = "children"

    def __str__(self) -> str:
        return self.name
