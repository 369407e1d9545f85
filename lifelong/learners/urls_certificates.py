"""Addresses of certificates (included from config/urls.py). The public ones are in Vietnamese, since they
are printed on the certificates and typed from them."""

from django.urls import path

from lifelong.learners import views_certificates as views

urlpatterns = [
    path("chung-nhan/", views.certificate_lookup, name="certificate_lookup"),
    path("chung-nhan/<str:code>/", views.certificate_verify, name="certificate_verify"),
    path("chung-nhan/<str:code>/trang-thai.json", views.certificate_status, name="certificate_status"),
    path("chung-nhan/<str:code>/giay-chung-nhan.pdf", views.certificate_pdf_download, name="certificate_pdf"),
    path("chung-nhan/<str:code>/open-badge.jwt", views.certificate_credential, {"fmt": "jwt"},
         name="certificate_credential_jwt"),
    path("chung-nhan/<str:code>/open-badge.json", views.certificate_credential, {"fmt": "json"},
         name="certificate_credential_json"),
    path("chung-nhan/<str:code>/thu-hoi/", views.certificate_revoke, name="certificate_revoke"),
    path("chung-nhan/<str:code>/hien-ten/", views.certificate_show_name, name="certificate_show_name"),
    path(".well-known/jwks.json", views.credential_jwks, name="credential_jwks"),
    path("activities/<id:pk>/certificates/", views.activity_certificates, name="activity_certificates"),
    path("sessions/<id:session_id>/certificates/issue/", views.session_certificates_issue,
         name="session_certificates_issue"),
]
