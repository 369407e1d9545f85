from django.apps import AppConfig


class PartnersConfig(AppConfig):
    name = "lifelong.partners"
    label = "partners"
    verbose_name = "School–business links"
