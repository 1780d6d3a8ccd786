from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "crawlcoach.web.api"
    label = "api"
    verbose_name = "REST API"
