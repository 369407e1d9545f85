from django.apps import AppConfig


class ContestsConfig(AppConfig):
    name = "lifelong.contests"
    label = "contests"
    verbose_name = "Online contests"
