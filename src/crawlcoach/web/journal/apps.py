from django.apps import AppConfig


class JournalConfig(AppConfig):
    name = "crawlcoach.web.journal"
    label = "journal"
    verbose_name = "Journal"
