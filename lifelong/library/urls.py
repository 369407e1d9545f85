from django.urls import path

from lifelong.library import views, views_public, views_shelf

urlpatterns = [
    path("oai", views.oai_endpoint, name="oai"),
    path("thu-vien/", views_public.library_home, name="library_home"),
    path("thu-vien/<id:pk>/", views_public.resource_detail, name="library_resource"),
    path("thu-vien/<id:pk>/tep", views_public.resource_file, name="library_file"),
    path("thu-vien/<id:pk>/go/", views_shelf.resource_withdraw, name="library_withdraw"),
    path("thu-vien/<id:pk>/hoat-dong/", views_shelf.resource_activity, name="library_resource_activity"),
    path("units/<id:pk>/thu-vien/", views_shelf.unit_shelf, name="library_shelf"),
    path("units/<id:pk>/thu-vien/nhap/", views_shelf.shelf_import, name="library_import"),
    path("units/<id:pk>/thu-vien/bo-suu-tap/", views_shelf.collection_create, name="library_collection_create"),
    path("thu-vien/<id:pk>/bo-suu-tap/", views_shelf.resource_collection, name="library_resource_collection"),
    path("units/<id:pk>/thu-vien/nhap/mau.xlsx", views_shelf.shelf_import_sample, name="library_import_sample"),
]
