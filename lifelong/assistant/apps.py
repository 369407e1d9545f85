from django.apps import AppConfig


class AssistantConfig(AppConfig):
    name = "lifelong.assistant"
    label = "assistant"
    verbose_name = "Learning assistant"
