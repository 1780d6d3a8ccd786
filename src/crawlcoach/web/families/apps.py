from django.apps import AppConfig


class FamiliesConfig(AppConfig):
    name = "crawlcoach.web.families"
    label = "families"
    verbose_name = "Families"
