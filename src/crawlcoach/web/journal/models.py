"""What parents write down about a child: milestones, practice minutes, a running timer, notes.

Every row hangs off the child, so deleting the child deletes them (the photo files go with the
child's media folder)."""

from __future__ import annotations

from django.db import models

from crawlcoach.web.children.models import Child
from crawlcoach.web.videos.models import Video


class MilestoneRecord(models.Model):
    """A milestone (an id of ``journal/data/milestones.toml``) and the day it was first seen."""

    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="milestones")
    milestone = models.CharField(max_length=64)
    seen_on = models.DateField("first seen on")
    note = models.TextField(blank=True)
    video = models.ForeignKey(Video, on_delete=models.SET_NULL, null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["seen_on"]
        constraints = [
            models.UniqueConstraint(fields=["child", "milestone"], name="one_record_per_milestone")
        ]


class PracticeKind(models.TextChoices):
    TUMMY_TIME = "tummy_time", "Tummy time"
    CRAWLING = "crawling", "Crawling practice"
    ACTIVITY = "activity", "An activity from the plan"


class PracticeEntry(models.Model):
    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="practice")
    on = models.DateField("day")
    minutes = models.PositiveIntegerField()
    kind = models.CharField(max_length=16, choices=PracticeKind.choices)
    activity = models.CharField(max_length=64, blank=True)  # a guidance activity id
    started_at = models.DateTimeField(null=True, blank=True)  # entries saved by the timer
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-on", "-created_at"]
        verbose_name_plural = "practice entries"


class RunningTimer(models.Model):
    """A practice timer that was started and not yet stopped: its start lives on the server, so
    it keeps running while the phone sleeps or the page reloads. One per child."""

    child = models.OneToOneField(Child, on_delete=models.CASCADE, related_name="running_timer")
    kind = models.CharField(max_length=16, choices=PracticeKind.choices)
    activity = models.CharField(max_length=64, blank=True)
    started_at = models.DateTimeField()


class Note(models.Model):
    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="notes")
    on = models.DateField("day")
    text = models.TextField()
    photo_file = models.CharField(max_length=255, blank=True)  # relative to MEDIA_ROOT
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-on", "-created_at"]
