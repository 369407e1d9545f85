from django.urls import path

from lifelong.contests import views, views_organiser

urlpatterns = [
    path("cuoc-thi/", views.contest_list, name="contest_list"),
    path("cuoc-thi/<id:pk>/", views.contest_detail, name="contest_detail"),
    path("cuoc-thi/vong/<id:pk>/bat-dau/", views.attempt_start, name="contest_start"),
    path("cuoc-thi/bai-thi/<id:pk>/", views.attempt_page, name="contest_attempt"),
    path("cuoc-thi/bai-thi/<id:pk>/tra-loi/", views.answer_save, name="contest_answer"),
    path("cuoc-thi/bai-thi/<id:pk>/nop/", views.attempt_submit, name="contest_submit"),
    path("units/<id:pk>/cuoc-thi/", views_organiser.unit_contests, name="unit_contests"),
    path("cuoc-thi/<id:pk>/quan-ly/", views_organiser.contest_manage, name="contest_manage"),
    path("cuoc-thi/<id:pk>/vong/", views_organiser.round_add, name="contest_round_add"),
    path("cuoc-thi/<id:pk>/cau-hoi/", views_organiser.questions_upload, name="contest_questions"),
    path("cuoc-thi/<id:pk>/cau-hoi/mau.xlsx", views_organiser.questions_sample, name="contest_questions_sample"),
    path("cuoc-thi/vong/<id:pk>/ket-qua/", views_organiser.round_results, name="contest_results"),
    path("cuoc-thi/vong/<id:pk>/ket-qua.xlsx", views_organiser.round_results_xlsx, name="contest_results_xlsx"),
]
