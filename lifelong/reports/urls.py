from django.urls import path

from lifelong.reports import views

urlpatterns = [
    path("units/<id:pk>/report/", views.report_edit, name="report_edit"),
    path("units/<id:pk>/report/check/", views.report_check, name="report_check"),
    path("units/<id:pk>/report/review/", views.report_review, name="report_review"),
    path("units/<id:pk>/report.docx", views.report_document, name="report_document"),
    path("units/<id:pk>/totals/", views.report_totals, name="report_totals"),
    path("units/<id:pk>/totals.xlsx", views.report_totals_export, {"fmt": "xlsx"}, name="report_totals_xlsx"),
    path("units/<id:pk>/totals.csv", views.report_totals_export, {"fmt": "csv"}, name="report_totals_csv"),
    path("units/<id:pk>/totals/chart.csv", views.report_totals_chart_csv, name="report_totals_chart_csv"),
    path("units/<id:pk>/completeness/", views.completeness, name="report_completeness"),
    path("units/<id:pk>/completeness/levels.csv", views.completeness_levels_csv, name="report_completeness_csv"),
    path("units/<id:pk>/completeness/action/", views.completeness_action, name="completeness_action"),
    path("notifications/", views.notifications, name="notifications"),
    path("campaigns/<id:campaign_id>/report-form/", views.form_editor, name="report_form_editor"),
]
