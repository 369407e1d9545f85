from django.urls import path

from lifelong.partners import views

urlpatterns = [
    path("doanh-nghiep/", views.offer_list, name="offer_list"),
    path("doanh-nghiep/<id:pk>/", views.offer_detail, name="offer_detail"),
    path("doanh-nghiep/ung-tuyen/<id:pk>/", views.application_decide, name="application_decide"),
    path("units/<id:pk>/doanh-nghiep/", views.unit_partners, name="unit_partners"),
]
