from django.apps import AppConfig


class RecognitionConfig(AppConfig):
    name = "lifelong.recognition"
    label = "recognition"
    verbose_name = "Recognition of learning models"
