from django.urls import path

from lifelong.orgs import views

urlpatterns = [
    path("units/", views.unit_browser, name="unit_browser"),
    path("units/<id:pk>/", views.unit_detail, name="unit_detail"),
    path("units/<id:pk>/add/", views.unit_add, name="unit_add"),
    path("units/<id:pk>/edit/", views.unit_edit, name="unit_edit"),
    path("units/<id:pk>/import/", views.unit_import, name="unit_import"),
    path("units/<id:pk>/import/template.csv", views.unit_import_template, name="unit_import_template"),
    path("units/<id:pk>/members/", views.unit_members, name="unit_members"),
    path("units/<id:pk>/members/invite/", views.member_invite, name="member_invite"),
    path("members/<id:pk>/remove/", views.member_remove, name="member_remove"),
    path("account/", views.account, name="account"),
    path("account/tokens/", views.token_create, name="token_create"),
    path("account/tokens/<id:pk>/revoke/", views.token_revoke, name="token_revoke"),
]
