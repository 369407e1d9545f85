from django.urls import path

from lifelong.library import views, views_public

urlpatterns = [
    path("oai", views.oai_endpoint, name="oai"),
    path("thu-vien/", views_public.library_home, name="library_home"),
    path("thu-vien/<id:pk>/", views_public.resource_detail, name="library_resource"),
    path("thu-vien/<id:pk>/tep", views_public.resource_file, name="library_file"),
]
