from django.urls import path

from lifelong.plans import views

urlpatterns = [
    path("units/<int:pk>/plans/", views.unit_plans, name="unit_plans"),
    path("units/<int:pk>/plans/derive/", views.plan_derive, name="plan_derive"),
    path("units/<int:pk>/plans/new/", views.plan_create, name="plan_create"),
    path("units/<int:pk>/plans/import/", views.plan_import, name="plan_import"),
    path("units/<int:pk>/coverage/", views.coverage, name="plan_coverage"),
    path("plans/<int:pk>/", views.plan_detail, name="plan_detail"),
    path("plans/<int:pk>/edit/", views.plan_edit, name="plan_edit"),
    path("plans/<int:pk>/publish/", views.plan_publish, name="plan_publish"),
    path("plans/<int:pk>/revise/", views.plan_revise, name="plan_revise"),
    path("plans/<int:pk>/discard/", views.plan_discard, name="plan_discard"),
    path("plans/<int:pk>/changes/", views.plan_changes, name="plan_changes"),
    path("plans/<int:pk>/document.docx", views.plan_document, name="plan_document"),
]
