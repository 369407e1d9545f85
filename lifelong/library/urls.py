from django.urls import path

from lifelong.library import views

urlpatterns = [
    path("oai", views.oai_endpoint, name="oai"),
]
