from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "lifelong.core"
    label = "core"
    verbose_name = "Core"

    def ready(self) -> None:
        from lifelong.core import checks  # noqa: F401  (registers the system checks)
