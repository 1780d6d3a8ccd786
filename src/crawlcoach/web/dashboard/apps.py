from django.apps import AppConfig


class DashboardConfig(AppConfig):
    name = "crawlcoach.web.dashboard"
    label = "dashboard"
    verbose_name = "Dashboard"

    def ready(self) -> None:
        from crawlcoach.web import deploy_checks  # noqa: F401  (registers the HTTPS checks)
