from django.apps import AppConfig


class ChildrenConfig(AppConfig):
    name = "crawlcoach.web.children"
    label = "children"
    verbose_name = "Children"
