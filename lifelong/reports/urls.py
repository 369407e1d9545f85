from django.urls import path

from lifelong.reports import views

urlpatterns = [
    path("units/<int:pk>/report/", views.report_edit, name="report_edit"),
    path("units/<int:pk>/report/check/", views.report_check, name="report_check"),
    path("units/<int:pk>/report/review/", views.report_review, name="report_review"),
    path("units/<int:pk>/report.docx", views.report_document, name="report_document"),
    path("units/<int:pk>/totals/", views.report_totals, name="report_totals"),
    path("units/<int:pk>/totals.xlsx", views.report_totals_export, {"fmt": "xlsx"}, name="report_totals_xlsx"),
    path("units/<int:pk>/totals.csv", views.report_totals_export, {"fmt": "csv"}, name="report_totals_csv"),
    path("units/<int:pk>/completeness/", views.completeness, name="report_completeness"),
    path("units/<int:pk>/completeness/action/", views.completeness_action, name="completeness_action"),
    path("notifications/", views.notifications, name="notifications"),
    path("campaigns/<int:campaign_id>/report-form/", views.form_editor, name="report_form_editor"),
]
