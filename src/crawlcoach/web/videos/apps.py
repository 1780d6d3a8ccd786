from django.apps import AppConfig


class VideosConfig(AppConfig):
    name = "crawlcoach.web.videos"
    label = "videos"
    verbose_name = "Videos"
