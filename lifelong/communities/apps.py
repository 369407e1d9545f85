from django.apps import AppConfig


class CommunitiesConfig(AppConfig):
    name = "lifelong.communities"
    label = "communities"
    verbose_name = "Learning communities"
