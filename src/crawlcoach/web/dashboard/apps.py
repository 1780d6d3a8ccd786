from django.apps import AppConfig


class DashboardConfig(AppConfig):
    name = "crawlcoach.web.dashboard"
    label = "dashboard"
    verbose_name = "Dashboard"
