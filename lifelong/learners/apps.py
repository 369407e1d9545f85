from django.apps import AppConfig


class LearnersConfig(AppConfig):
    name = "lifelong.learners"
    label = "learners"
    verbose_name = "Learners"

    def ready(self) -> None:
        from lifelong.learners import checks  # noqa: F401  (registers the system checks)
