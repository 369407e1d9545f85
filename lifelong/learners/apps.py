from django.apps import AppConfig


class LearnersConfig(AppConfig):
    name = "lifelong.learners"
    label = "learners"
    verbose_name = "Learners"
