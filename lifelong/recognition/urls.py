from django.urls import path

from lifelong.recognition import views, views_households, views_review

urlpatterns = [
    path("recognition/", views.schemes_page, name="recognition_schemes"),
    path("recognition/schemes/<id:pk>/", views.scheme_detail, name="recognition_scheme"),
    path("recognition/citizen/", views.citizen_page, name="recognition_citizen"),
    path("recognition/assessments/<id:pk>/", views.assessment_page, name="recognition_assessment"),
    path("recognition/assessments/<id:pk>/answers/", views.assessment_answers, name="recognition_answers"),
    path("recognition/assessments/<id:pk>/submit/", views.assessment_submit, name="recognition_submit"),
    path("recognition/assessments/<id:pk>/review/", views.assessment_review, name="recognition_review"),
    path("recognition/assessments/<id:pk>/delete/", views.assessment_delete, name="recognition_delete"),
    path("recognition/assessments/<id:pk>/evidence/", views.evidence_add, name="recognition_evidence_add"),
    path("recognition/assessments/<id:pk>/<str:kind>.docx", views.dossier_docx, name="recognition_dossier"),
    path("recognition/evidence/<id:pk>/remove/", views.evidence_remove, name="recognition_evidence_remove"),
    path("recognition/evidence/<id:pk>/file", views.evidence_file, name="recognition_evidence_file"),
    path("recognition/decisions/<id:pk>/", views_review.decision_page, name="recognition_decision"),
    path("recognition/decisions/<id:pk>/decision.docx", views_review.decision_docx, name="recognition_decision_docx"),
    path("units/<id:pk>/recognition/", views.unit_recognition, name="recognition_unit"),
    path("units/<id:pk>/recognition/reviews/", views_review.review_queue, name="recognition_reviews"),
    path("units/<id:pk>/recognition/reviews/accept/", views_review.review_bulk_accept, name="recognition_bulk_accept"),
    path("units/<id:pk>/recognition/decision/", views_review.decision_prepare, name="recognition_decision_prepare"),
    path("units/<id:pk>/recognition/rates/", views_review.rates_page, name="recognition_rates"),
    path("units/<id:pk>/households/", views_households.household_list, name="recognition_households"),
    path("units/<id:pk>/households/import/", views_households.household_import, name="recognition_households_import"),
    path("units/<id:pk>/households/sample.xlsx", views_households.household_import_sample,
         name="recognition_households_sample"),
    path("households/<id:pk>/assess/", views_households.household_assess, name="recognition_household_assess"),
    path("households/<id:pk>/erase/", views_households.household_erase, name="recognition_household_erase"),
]
