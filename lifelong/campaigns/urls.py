from django.urls import path

from lifelong.campaigns import views

urlpatterns = [
    path("campaigns/", views.campaign_list, name="campaign_list"),
    path("campaigns/new/", views.campaign_create, name="campaign_create"),
    path("campaigns/<id:pk>/", views.campaign_detail, name="campaign_detail"),
    path("campaigns/<id:pk>/edit/", views.campaign_edit, name="campaign_edit"),
    path("campaigns/<id:pk>/categories/", views.category_save, name="category_save"),
]
