"""Settings, all read from environment variables.

DEBUG is off unless the environment turns it on (DEBUG=1: the Makefile's development commands and
config/settings_test.py do); every other value has a safe default. Production sets SECRET_KEY,
ALLOWED_HOSTS, DATABASE_URL and the HTTPS settings (see docs/deployment.md). The helpers below are
strict: a value that cannot be read stops the process instead of being silently ignored.
"""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent

# The development secret is public; lifelong.core.checks refuses to run with it when DEBUG is off.
DEV_SECRET_KEY = "dev-only-insecure-secret-key-change-me"


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    value = raw.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (1/0, true/false), got {raw!r}")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be an integer, got {raw!r}") from exc


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_str(name: str, default: str) -> str:
    return os.environ.get(name) or default


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env_str("SECRET_KEY", DEV_SECRET_KEY)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "ninja",  # serves the Swagger UI of /api/v1/docs from its own static files, not a CDN
    "django_htmx",
    "axes",
    "csp",  # its system checks catch settings written for django-csp 3
    "lifelong.core",
    "lifelong.orgs",
    "lifelong.campaigns",
    "lifelong.plans",
    "lifelong.reports",
    "lifelong.activities",
    "lifelong.learners",
    "lifelong.recognition",
    "lifelong.library",
    "lifelong.contests",
    "lifelong.communities",
    "lifelong.partners",
    "lifelong.assistant",
    "allauth",
    "allauth.account",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "lifelong.core.replica.PinToPrimaryMiddleware",
    "lifelong.core.middleware.VietnameseFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # After sessions, auth and messages: its refusals render the page with the user and language.
    "lifelong.core.middleware.RequestGuardMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # Last, so that it sees the authenticated user and the outcome of the login view.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "lifelong.reports.context_processors.notifications",
            ],
        },
    },
]

# SQLite under var/ by default; DATABASE_URL=postgres://... selects PostgreSQL.
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'var' / 'lifelong.sqlite3'}"),
        conn_max_age=env_int("DB_CONN_MAX_AGE", 0),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers work while a writer holds the lock; the timeout waits instead of failing.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }

# A PostgreSQL streaming replica for the reads of read-only pages and exports (lifelong/core/replica.py,
# docs/deployment.md); unset, everything reads from the primary. In tests it mirrors the test database.
if env_str("DATABASE_REPLICA_URL", ""):
    DATABASES["replica"] = dj_database_url.parse(env_str("DATABASE_REPLICA_URL", ""),
                                                 conn_max_age=env_int("DB_CONN_MAX_AGE", 0))
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
DATABASE_ROUTERS = ["lifelong.core.replica.ReplicaRouter"]
# After a write, the same browser reads from the primary this long (a replica lags by a fraction of a second).
REPLICA_PIN_SECONDS = env_int("REPLICA_PIN_SECONDS", 10)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "orgs.User"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    # Logs in by user name (officials), e-mail or phone (learners): django-allauth (lifelong/learners).
    "allauth.account.auth_backends.AuthenticationBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 8}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"

# Accounts (django-allauth; lifelong/learners/accounts.py, docs/learners.md). One login page for everyone:
# officials type their user name, learners their e-mail or phone. A learner signs up with an e-mail
# (verified by a link; needed to claim earlier registrations and to reset the password) or a phone and a
# password (phones are not verified: there is no SMS gateway yet).
ACCOUNT_ADAPTER = "lifelong.learners.accounts.LearnerAccountAdapter"
ACCOUNT_LOGIN_METHODS = {"username", "email", "phone"}
ACCOUNT_SIGNUP_FIELDS = ["email", "phone", "password1*", "password2*"]
# allauth warns that no login field is required at sign-up; LearnerSignupForm requires one of the two.
SILENCED_SYSTEM_CHECKS = ["account.W001"]
ACCOUNT_FORMS = {"signup": "lifelong.learners.accounts.LearnerSignupForm",
                 "login": "lifelong.learners.accounts.OneLoginForm"}
ACCOUNT_EMAIL_VERIFICATION = "optional"
ACCOUNT_EMAIL_VERIFICATION_BY_CODE_ENABLED = False
ACCOUNT_PHONE_VERIFICATION_ENABLED = False
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_UNIQUE_EMAIL = True
# Signing up with an address or phone already used says so (as allauth does when e-mails are not mandatory):
# the sign-up rate limit (20 a minute per address) keeps that from being used to list accounts.
ACCOUNT_PREVENT_ENUMERATION = False
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http" if DEBUG else "https"
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
# allauth's own rate limits (sign-ups, password resets, e-mail confirmations) stay at its defaults; failed logins
# are django-axes' (5 for a name from an address lock it for 30 minutes, with its page), not counted twice.
ACCOUNT_RATE_LIMITS = {"login_failed": None}
AXES_USERNAME_CALLABLE = "lifelong.learners.accounts.axes_username"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

# Lockout after repeated failed logins: 5 failures for one username from one address lock it for 30 min.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("AXES_COOLOFF_MINUTES", 30) / 60
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
# Only failed attempts are kept (to lock out guessing), and only until the lockout ends or a login
# succeeds; successful logins are not logged with the address and browser (data minimisation).
AXES_DISABLE_ACCESS_LOG = True

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_TZ = True
FORMAT_MODULE_PATH = ["lifelong.core.formats"]

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "var" / "static")))  # collectstatic writes here
STATICFILES_DIRS = [BASE_DIR / "static"]
# Uploaded files (library resources, recognition evidence): the local disk (MEDIA_ROOT) by default; any
# S3-compatible object store (AWS, MinIO, Viettel/VNPT/CMC object storage ...) when S3_BUCKET is set. Files are
# always served through the app's views (permissions, licence, counts), so the bucket stays private.
S3_BUCKET = env_str("S3_BUCKET", "")
DEFAULT_FILE_STORAGE_BACKEND = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
if S3_BUCKET:
    DEFAULT_FILE_STORAGE_BACKEND = {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": {
        "bucket_name": S3_BUCKET,
        "endpoint_url": env_str("S3_ENDPOINT_URL", "") or None,
        "region_name": env_str("S3_REGION", "") or None,
        "access_key": env_str("S3_ACCESS_KEY_ID", "") or None,
        "secret_key": env_str("S3_SECRET_ACCESS_KEY", "") or None,
        "location": env_str("S3_PREFIX", ""),
        "default_acl": "private", "querystring_auth": True, "file_overwrite": False,
    }}
STORAGES = {
    "default": DEFAULT_FILE_STORAGE_BACKEND,
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
MEDIA_ROOT = BASE_DIR / "var" / "media"

# Requests: a body announced larger than this is refused (413) before it is read; form and JSON data
# above DATA_UPLOAD_MAX_MEMORY_SIZE are refused by Django (413 too, lifelong.core.middleware).
MAX_REQUEST_BYTES = env_int("MAX_REQUEST_BYTES", 25 * 1024 * 1024)
# Uploads: the import of sub-units reads files of up to 5 MB in memory.
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
UNIT_IMPORT_MAX_BYTES = env_int("UNIT_IMPORT_MAX_BYTES", 5 * 1024 * 1024)
UNIT_IMPORT_MAX_ROWS = env_int("UNIT_IMPORT_MAX_ROWS", 20000)
ACTIVITY_IMPORT_MAX_ROWS = env_int("ACTIVITY_IMPORT_MAX_ROWS", 5000)
# The library's OAI-PMH repository (lifelong/library/oai.py): its name, the domain in its identifiers
# (oai:<id>:resource/<n>) and the address harvesters may write to.
OAI_REPOSITORY_NAME = env_str("OAI_REPOSITORY_NAME", "Thư viện học tập suốt đời")
OAI_REPOSITORY_ID = env_str("OAI_REPOSITORY_ID", "hoctapsuotdoi.edu.vn")
OAI_ADMIN_EMAIL = env_str("OAI_ADMIN_EMAIL", "thuvien@hoctapsuotdoi.edu.vn")
# Library uploads (lifelong/library/services.py): a file's size, and what a zip package may unpack to.
LIBRARY_UPLOAD_MAX_BYTES = env_int("LIBRARY_UPLOAD_MAX_BYTES", 200 * 1024 * 1024)
LIBRARY_UNZIPPED_MAX_BYTES = env_int("LIBRARY_UNZIPPED_MAX_BYTES", 500 * 1024 * 1024)
# Imports of many resources (a spreadsheet, a MARCXML catalogue): read in memory, checked whole.
LIBRARY_IMPORT_MAX_BYTES = env_int("LIBRARY_IMPORT_MAX_BYTES", 20 * 1024 * 1024)
LIBRARY_IMPORT_MAX_ROWS = env_int("LIBRARY_IMPORT_MAX_ROWS", 20000)
# Evidence attached to a recognition self-assessment (PDF, photos, Word/Excel), served to those who may see it.
RECOGNITION_EVIDENCE_MAX_BYTES = env_int("RECOGNITION_EVIDENCE_MAX_BYTES", 10 * 1024 * 1024)

# Django's cache: local memory of each process by default; CACHE_URL=redis://host:6379/0 shares one
# Redis between all app servers (docs/deployment.md).
CACHE_URL = env_str("CACHE_URL", "")
CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL}
          if CACHE_URL.startswith(("redis://", "rediss://", "unix://"))
          else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Public pages seen by anonymous visitors are kept this many seconds (lifelong.core.cache); 0: off.
PUBLIC_PAGE_CACHE_SECONDS = env_int("PUBLIC_PAGE_CACHE_SECONDS", 30)

EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend" if DEBUG else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
# A mail server that hangs must not hang the request that sends a ticket or an invitation.
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "lifelong <no-reply@localhost>")

# HTTPS. Off by default, so that a server reached over plain HTTP (a benchmark, a health check) still
# answers; production turns them on (docs/deployment.md, checked by `manage.py check --deploy`).
# HSTS is sticky in browsers: raise SECURE_HSTS_SECONDS only once HTTPS works on every subdomain.
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", not DEBUG)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("BEHIND_TLS_PROXY", False) else None
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", False)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
SECURE_CONTENT_TYPE_NOSNIFF = True
# No Referer to other sites: a ticket's address is the ticket, and activities link to outside pages.
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy (django-csp): everything from our own origin, no inline script, no inline
# style, no eval. Templates load static/js/app.js and static/css/app.css instead; htmx is told not to
# inject its indicator <style> (meta htmx-config in templates/base.html). The camera of the check-in
# page (static/js/scan.js) needs nothing more: the MediaStream it sets as the video's srcObject is not
# a URL, so media-src does not apply (checked in Chromium with a fake camera); the camera itself is
# allowed by PERMISSIONS_POLICY below. img-src allows data: and blob: (Swagger UI's icons, previews).
# Swagger UI on /api/v1/docs runs under the same policy, unrelaxed: django-ninja 1.7.1's template has
# no inline script (its settings are a JSON data block read by the static swagger-ui-init.js) and
# React sets styles through the DOM, which CSP allows (lifelong/core/tests/test_deployment.py).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", "blob:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "media-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    },
}

# Permissions-Policy (django-permissions-policy): every powerful browser feature is off, for our pages
# and anything they could embed, except the camera (check-in scanning) and geolocation ("near me"
# search), for our own origin only. Only features that Chromium recognises are listed (an unknown
# name makes it log a console error on every page).
PERMISSIONS_POLICY = {
    feature: [] for feature in [
        "accelerometer", "autoplay", "browsing-topics", "clipboard-read", "clipboard-write", "display-capture",
        "encrypted-media", "fullscreen", "gamepad", "gyroscope", "hid", "identity-credentials-get",
        "idle-detection", "interest-cohort", "local-fonts", "magnetometer", "microphone", "midi",
        "otp-credentials", "payment", "picture-in-picture", "publickey-credentials-create",
        "publickey-credentials-get", "screen-wake-lock", "serial", "usb", "window-management",
        "xr-spatial-tracking",
    ]
} | {"camera": "self", "geolocation": "self"}

# One JSON object per line (lifelong/core/logs.py) unless LOG_FORMAT=text; text by default while developing.
LOG_FORMAT = env_str("LOG_FORMAT", "text" if DEBUG else "json")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "lifelong.core.logs.JsonFormatter"}},
    "handlers": {"console": {"class": "logging.StreamHandler",
                             **({"formatter": "json"} if LOG_FORMAT == "json" else {})}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {"axes": {"level": "WARNING"}},
}

# What `manage.py load_demo` runs, in order (each app contributes its part of the demo).
DEMO_LOADERS = [
    "lifelong.orgs.demo.load_demo_units_and_users",
    "lifelong.plans.demo.load_demo_plans",
    "lifelong.activities.demo.load_demo_activities",
    "lifelong.reports.demo.load_demo_reports",
    "lifelong.learners.demo.load_demo_learners",
    "lifelong.recognition.demo.load_demo_recognition",
    "lifelong.library.demo.load_demo_library",
    "lifelong.contests.demo.load_demo_contests",
    "lifelong.communities.demo.load_demo_communities",
    "lifelong.partners.demo.load_demo_partners",
    "lifelong.contests.demo.load_demo_more_contests",
    "lifelong.activities.demo_catalogue.load_demo_catalogue",
]
# Logins that `load_demo --print-logins` lists after the officials' (the learners log in by e-mail or phone).
DEMO_EXTRA_LOGINS = ["lifelong.learners.demo.DEMO_LOGINS", "lifelong.recognition.demo.DEMO_LOGINS"]

# How apps built on others react to their events, without the lower app importing the higher one.
CAMPAIGN_CREATED_HOOKS = ["lifelong.reports.services.report_form_install_default"]
PLAN_PUBLISHED_HOOKS = [
    "lifelong.reports.services.expected_reporters_from_plan",
    "lifelong.activities.services.opening_from_plan",
]
# Totals and completeness counts of units at this depth or above (0 the Ministry, 1 the provinces) are
# changed through pending deltas folded about once a second, not by every submit (lifelong/reports/folding.py,
# docs/reporting.md); -1 writes every level at each submit, as before issue 18.
REPORT_DEFERRED_DEPTH = env_int("REPORT_DEFERRED_DEPTH", 1)
# Where the results form finds its proposed (pre-filled) values: each app proposes its own indicators.
REPORT_PROPOSALS = ["lifelong.activities.prefill.proposals", "lifelong.library.prefill.proposals",
                    "lifelong.communities.prefill.proposals", "lifelong.partners.prefill.proposals",
                    "lifelong.contests.prefill.proposals"]

# Background work (reminders): stored in the database and run by `manage.py db_worker`.
TASKS = {"default": {"BACKEND": env_str("TASKS_BACKEND", "django_tasks_db.DatabaseBackend")}}

# Personal data of registrations (name, phone, e-mail) is erased this many days after the session ends
# (manage.py purge_personal_data, daily); counts are kept (docs/security.md).
REGISTRATION_RETENTION_DAYS = env_int("REGISTRATION_RETENTION_DAYS", 180)
# A ticket is e-mailed again to its holder (after a repeated sign-up) at most once in this many hours.
TICKET_RESEND_HOURS = env_int("TICKET_RESEND_HOURS", 6)

# Rate limits (lifelong.core.ratelimits, django-ratelimit), per client address ("ip") and per logged-in
# user ("user"), as "count/period" (s, m, h, d). Counted in the default cache: set CACHE_URL so that
# every app server counts together. Mobile networks share addresses, hence generous limits per address
# (docs/security.md). Each can be changed with RATE_LIMIT_<GROUP>_<KEY>, e.g. RATE_LIMIT_REGISTRATION_IP=60/m.
RATE_LIMITS = {
    group: {key: env_str(f"RATE_LIMIT_{group.upper()}_{key.upper()}", rate) for key, rate in limits.items()}
    for group, limits in {
        "registration": {"ip": "20/m"},
        "ticket": {"ip": "60/m"},
        "checkin": {"ip": "300/m", "user": "120/m"},
        "login": {"ip": "30/m"},
        "certificate": {"ip": "60/m"},  # looking a certificate up by its code (docs/certificates.md)
        # Sitting a contest: a person answers 20 questions in minutes; a script answering faster is stopped.
        "contest": {"ip": "600/m", "user": "120/m"},
        # Writing and reporting in learning communities: a person writes a few posts a minute, a spammer more.
        "community": {"ip": "120/m", "user": "10/m"},
        # Asking the learning assistant: a person asks a few questions a minute; a script asking more is stopped.
        "assistant": {"ip": "60/m", "user": "30/m"},
    }.items()
}
CSRF_FAILURE_VIEW = "lifelong.core.views.csrf_failure"
RATELIMIT_IP_META_KEY = "lifelong.core.ratelimits.client_ip"
# How many proxies of ours stand in front of the app, each appending to X-Forwarded-For (the load balancer:
# 1). 0: REMOTE_ADDR is the client. Wrong here, every citizen shares one rate-limit bucket.
TRUSTED_PROXIES = env_int("TRUSTED_PROXIES", 1 if SECURE_PROXY_SSL_HEADER else 0)
RATELIMIT_ENABLE = env_bool("RATELIMIT_ENABLE", True)
# With no CACHE_URL each process counts alone in its memory: enough for one development server;
# lifelong.W001 warns when DEBUG is off.
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXIES  # allauth's rate limits see the same client address

# Certificates (lifelong/learners/credentials.py, docs/certificates.md): each is an Open Badges 3.0 credential
# signed with the platform's Ed25519 key, a PEM in CREDENTIAL_SIGNING_KEY (line breaks as "\n" on one line
# are fine). Without it, development generates one into var/ (git-ignored); DEBUG off refuses to start
# (learners.E001). Public keys of earlier signing keys (PEM, one after the other) stay published, so that the
# credentials they signed still verify.
CREDENTIAL_SIGNING_KEY = env_str("CREDENTIAL_SIGNING_KEY", "")
CREDENTIAL_SIGNING_KEY_FILE = BASE_DIR / "var" / "credential-signing-key.pem" if DEBUG else None
CREDENTIAL_RETIRED_PUBLIC_KEYS = env_str("CREDENTIAL_RETIRED_PUBLIC_KEYS", "")
# What each app adds to a unit's numbers for a campaign (the reports' totals page): callables
# (*, user, unit, campaign) -> list of figures with code, label, own and subtree.
# What other apps erase when a learner deletes their account (learners.services.account_delete).
ACCOUNT_ERASE_HOOKS = ["lifelong.recognition.services.citizen_data_erase",
                       "lifelong.communities.services.posts_erase_for_account",
                       "lifelong.partners.services.applications_erase_for_account"]
ACTIVITY_PAGE_EXTRAS = ["lifelong.library.views_shelf.activity_page_section"]
UNIT_PAGE_EXTRAS = ["lifelong.recognition.views.unit_page_section", "lifelong.library.views_shelf.unit_page_section",
                    "lifelong.contests.views_organiser.unit_page_section",
                    "lifelong.communities.views.unit_page_section", "lifelong.partners.views.unit_page_section"]
UNIT_FIGURES = ["lifelong.learners.selectors_certificates.unit_figures"]
