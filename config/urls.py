from allauth.account import views as account_views
from django.contrib.auth import views as auth_views
from django.urls import include, path, re_path, register_converter

from config.views import home
from lifelong.core.api import api, api_not_found
from lifelong.core.converters import IdConverter
from lifelong.core.ratelimits import rate_limited
from lifelong.core.views import healthz, logout, readyz, service_worker, set_language, web_manifest

register_converter(IdConverter, "id")
handler403 = "lifelong.core.views.permission_denied"
handler404 = "lifelong.core.views.page_not_found"  # before the apps' urls.py, which use <id:pk>

urlpatterns = [
    path("", home, name="home"),
    path("healthz", healthz, name="healthz"),
    path("readyz", readyz, name="readyz"),
    path("sw.js", service_worker, name="service_worker"),
    path("manifest.webmanifest", web_manifest, name="web_manifest"),
    path("i18n/setlang/", set_language, name="set_language"),
    # One login for officials (user name) and learners (e-mail or phone): django-allauth (lifelong/learners).
    path("accounts/login/", rate_limited("login", methods=("POST",))(account_views.LoginView.as_view()),
         name="login"),
    path("accounts/logout/", logout, name="logout"),
    path("accounts/password/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path("accounts/password/done/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path("accounts/reset/<uidb64>/<token>/", auth_views.PasswordResetConfirmView.as_view(),
         name="password_reset_confirm"),
    path("accounts/reset/done/", auth_views.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
    path("accounts/", include("allauth.account.urls")),
    path("api/v1/", api.urls),
    re_path(r"^api/", api_not_found),  # unknown API paths answer the JSON error shape too
    path("", include("lifelong.orgs.urls")),
    path("", include("lifelong.campaigns.urls")),
    path("", include("lifelong.plans.urls")),
    path("", include("lifelong.reports.urls")),
    path("", include("lifelong.activities.urls")),
    path("", include("lifelong.learners.urls")),
    path("", include("lifelong.learners.urls_certificates")),
    path("", include("lifelong.recognition.urls")),
    path("", include("lifelong.library.urls")),
    path("", include("lifelong.contests.urls")),
    path("", include("lifelong.communities.urls")),
    path("", include("lifelong.partners.urls")),
    path("", include("lifelong.assistant.urls")),
]
