from django.urls import path

from lifelong.communities import views

urlpatterns = [
    path("cong-dong/", views.community_list, name="community_list"),
    path("cong-dong/<id:pk>/", views.community_detail, name="community_detail"),
    path("cong-dong/<id:pk>/thanh-vien/", views.community_membership, name="community_membership"),
    path("cong-dong/<id:pk>/su-kien/", views.community_event, name="community_event"),
    path("cong-dong/chu-de/<id:pk>/", views.topic_detail, name="community_topic"),
    path("cong-dong/bai/<id:pk>/tep", views.post_attachment, name="community_attachment"),
    path("cong-dong/bai/<id:pk>/bao-cao/", views.post_report, name="community_report"),
    path("cong-dong/bai/<id:pk>/kiem-duyet/", views.post_moderate, name="community_moderate"),
    path("units/<id:pk>/cong-dong/", views.unit_communities, name="unit_communities"),
]
