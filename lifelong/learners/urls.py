from django.urls import path

from lifelong.learners import views

urlpatterns = [
    path("learning/", views.record, name="learning_record"),
    path("learning/profile/", views.profile, name="learner_profile"),
    path("learning/claim/", views.claim, name="learner_claim"),
    path("learning/data.json", views.export, name="learner_export"),
    path("learning/record.pdf", views.record_pdf, name="learner_record_pdf"),
    path("learning/delete/", views.delete, name="learner_delete"),
]
