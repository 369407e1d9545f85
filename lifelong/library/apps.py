from django.apps import AppConfig


class LibraryConfig(AppConfig):
    name = "lifelong.library"
    label = "library"
    verbose_name = "Library of learning resources"
