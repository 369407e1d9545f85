from django.urls import path

from lifelong.plans import views

urlpatterns = [
    path("units/<id:pk>/plans/", views.unit_plans, name="unit_plans"),
    path("units/<id:pk>/plans/derive/", views.plan_derive, name="plan_derive"),
    path("units/<id:pk>/plans/new/", views.plan_create, name="plan_create"),
    path("units/<id:pk>/plans/import/", views.plan_import, name="plan_import"),
    path("units/<id:pk>/coverage/", views.coverage, name="plan_coverage"),
    path("plans/<id:pk>/", views.plan_detail, name="plan_detail"),
    path("plans/<id:pk>/edit/", views.plan_edit, name="plan_edit"),
    path("plans/<id:pk>/publish/", views.plan_publish, name="plan_publish"),
    path("plans/<id:pk>/revise/", views.plan_revise, name="plan_revise"),
    path("plans/<id:pk>/discard/", views.plan_discard, name="plan_discard"),
    path("plans/<id:pk>/changes/", views.plan_changes, name="plan_changes"),
    path("plans/<id:pk>/document.docx", views.plan_document, name="plan_document"),
]
