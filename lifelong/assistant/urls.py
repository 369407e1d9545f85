from django.urls import path

from lifelong.assistant import views

urlpatterns = [
    path("tro-ly/", views.assistant_page, name="assistant"),
]
