"""Django settings: embedded defaults (SQLite, Huey on SQLite, media on disk), overridable by env.

Environment: CRAWLCOACH_DATA_DIR (default ./var), DATABASE_URL, REDIS_URL, CRAWLCOACH_SECRET_KEY,
CRAWLCOACH_MAX_UPLOAD_MB (default 500), CRAWLCOACH_UPLOADS_PER_HOUR, CRAWLCOACH_FAMILY_DISK_GB,
CRAWLCOACH_ALLOWED_HOSTS, CRAWLCOACH_CSRF_TRUSTED_ORIGINS,
CRAWLCOACH_HTTPS, CRAWLCOACH_OPEN_SIGNUP, CRAWLCOACH_SITE_URL, CRAWLCOACH_DEBUG,
CRAWLCOACH_TRUSTED_PROXIES, CRAWLCOACH_RESET_HOURS, CRAWLCOACH_RESET_EMAILS_PER_HOUR,
CRAWLCOACH_RESET_ASKS_PER_HOUR, EMAIL_URL (or EMAIL_HOST...),
CRAWLCOACH_EMAIL_FROM.
"""

from __future__ import annotations

import os
from pathlib import Path

from crawlcoach.web import config

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = config.data_dir()
MEDIA_ROOT = DATA_DIR / "media"  # never served as a folder: every file goes through a family check
UPLOAD_TMP_DIR = DATA_DIR / "uploads"
STATIC_ROOT = DATA_DIR / "static"
for _folder in (MEDIA_ROOT, UPLOAD_TMP_DIR, STATIC_ROOT):
    _folder.mkdir(mode=0o700, exist_ok=True)

SECRET_KEY = config.secret_key(DATA_DIR)
DEBUG = config.flag("CRAWLCOACH_DEBUG")
ALLOWED_HOSTS = config.csv_list("CRAWLCOACH_ALLOWED_HOSTS", "*")
CSRF_TRUSTED_ORIGINS = config.csv_list("CRAWLCOACH_CSRF_TRUSTED_ORIGINS", "")
# Where families open the app: invitation links are built from it, never from the request's
# Host header (with ALLOWED_HOSTS '*' anyone could make a link point elsewhere).
SITE_URL = config.site_url()

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "huey.contrib.djhuey",
    "crawlcoach.web.families",
    "crawlcoach.web.children",
    "crawlcoach.web.videos",
    "crawlcoach.web.dashboard",
    "crawlcoach.web.journal",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "crawlcoach.web.content_security.ContentSecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "crawlcoach.web.private_cache.PrivateCacheMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "crawlcoach.web.families.middleware.FamilyMiddleware",
    # A full or read-only data folder, wherever a view writes: a calm 507, never a 500.
    "crawlcoach.web.storage_errors.StorageProblemMiddleware",
    # Before any view reads the body (the CSRF check reads POST in process_view).
    "crawlcoach.web.request_size.RequestSizeMiddleware",
]

ROOT_URLCONF = "crawlcoach.web.urls"
WSGI_APPLICATION = "crawlcoach.web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": False,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "crawlcoach.web.families.context.family",
            ],
        },
    },
]

DATABASES = {"default": config.database(os.environ.get("DATABASE_URL"), DATA_DIR)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

HUEY = config.task_queue(os.environ.get("REDIS_URL"), DATA_DIR)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Lock a username out after this many failed log-ins in a row, for this long.
LOCKOUT_ATTEMPTS = int(os.environ.get("CRAWLCOACH_LOCKOUT_ATTEMPTS", "5"))
LOCKOUT_MINUTES = int(os.environ.get("CRAWLCOACH_LOCKOUT_MINUTES", "15"))
# The lock-out counts per username and client address; behind a reverse proxy, name it here so
# its X-Forwarded-For is read (client_address.py), else REMOTE_ADDR is the address.
TRUSTED_PROXIES = config.trusted_proxies()
# Reset links (families/reset.py) work this long, once; by email only when a mail server is set.
RESET_EMAILS_PER_ACCOUNT_HOUR, RESET_ASKS_PER_ADDRESS_HOUR = config.reset_email_caps()
PASSWORD_RESET_TIMEOUT = int(config.number("CRAWLCOACH_RESET_HOURS", 24, "hours, e.g. 24") * 3600)
_EMAIL = config.email()
EMAIL_ENABLED: bool = _EMAIL.pop("EMAIL_ENABLED")
globals().update(_EMAIL)  # EMAIL_HOST, EMAIL_PORT, ... and DEFAULT_FROM_EMAIL
# After the first account, new families need this (a server shared by several families).
OPEN_SIGNUP = config.flag("CRAWLCOACH_OPEN_SIGNUP")
INVITATION_DAYS = 7

MAX_UPLOAD_BYTES = config.max_upload_bytes()
# What one family may put on the server (docs/web.md); 0 means no limit.
UPLOADS_PER_HOUR = int(config.number("CRAWLCOACH_UPLOADS_PER_HOUR", 30, "a count, e.g. 30"))
FAMILY_DISK_BYTES = int(
    config.number("CRAWLCOACH_FAMILY_DISK_GB", 20, "gigabytes, e.g. 20") * 1024**3
)
FILE_UPLOAD_TEMP_DIR = str(UPLOAD_TMP_DIR)
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
FILE_UPLOAD_PERMISSIONS = 0o600
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o700
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024

# The analysis queue (docs/web.md, "Analysis limits"): every analysis runs in a child process
# capped in memory (address space) and time; long videos are analysed in their first part.
ANALYSIS_MEMORY_BYTES = int(
    config.number("CRAWLCOACH_ANALYSIS_MEMORY_MB", 2048, "megabytes, e.g. 2048 (0: no cap)")
    * 1024
    * 1024
)
ANALYSIS_MIN_SECONDS = config.number("CRAWLCOACH_ANALYSIS_MIN_SECONDS", 120, "seconds, e.g. 120")
ANALYSIS_TIME_FACTOR = config.number("CRAWLCOACH_ANALYSIS_TIME_FACTOR", 3, "a factor, e.g. 3")
MAX_ANALYSED_MINUTES = config.number("CRAWLCOACH_MAX_ANALYSED_MINUTES", 20, "minutes (0: all)")
QUEUE_POLL_MAX_S = 0.5  # an idle queue worker looks for new videos at least this often
# A worker renews the heartbeat of the video it analyses this often; a video "analysing" whose
# heartbeat is older than WORKER_STALE_S has lost its worker and is queued again (docs/web.md).
WORKER_STALE_S = max(1.0, config.number("CRAWLCOACH_WORKER_STALE_S", 30, "seconds, e.g. 30"))
WORKER_HEARTBEAT_S = min(5.0, WORKER_STALE_S / 3)

LANGUAGE_CODE = "en"
TIME_ZONE = os.environ.get("TZ", "UTC")
# Without TZ, pages also show each moment in the browser's own zone (videos/templatetags).
TIME_ZONE_FROM_TZ = bool(os.environ.get("TZ", "").strip())
USE_I18N = False
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
# `crawlcoach serve` collects (and gzips) the static files first; anything else (tests, a bare
# WSGI server) serves them straight from the package.
WHITENOISE_USE_FINDERS = not config.flag("CRAWLCOACH_STATIC_COLLECTED")
WHITENOISE_MAX_AGE = 24 * 3600

SESSION_COOKIE_AGE = 60 * 60 * 24 * 30  # parents stay logged in on their phone for a month
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
CRAWLCOACH_HTTPS = config.flag("CRAWLCOACH_HTTPS")
if CRAWLCOACH_HTTPS:
    # Behind a TLS proxy that sets X-Forwarded-Proto; `crawlcoach serve` refuses to start while a
    # deployment check fails (deploy_checks.py).
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = True
    # A day by default: long enough to protect, short enough to undo a mistake.
    SECURE_HSTS_SECONDS = int(os.environ.get("CRAWLCOACH_HSTS_SECONDS", "86400"))
    # Subdomains and the browsers' preload list are the domain owner's call, not the app's.
    SILENCED_SYSTEM_CHECKS = ["security.W005", "security.W021"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {"crawlcoach": {"level": "INFO"}, "huey": {"level": "INFO"}},
}

# The REST API under /api/ (crawlcoach.web.api): per-caregiver tokens or the browser's session
# (with CSRF), JSON only, every error as {"error": {"kind", "message"}}; see docs/web.md.
INSTALLED_APPS += ["rest_framework", "drf_spectacular", "crawlcoach.web.api"]
STATICFILES_FINDERS += ["crawlcoach.web.api.docs.SwaggerUIFinder"]
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "crawlcoach.web.api.tokens.ApiTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["crawlcoach.web.api.permissions.FamilyMember"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [
        "rest_framework.parsers.JSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_PAGINATION_CLASS": "crawlcoach.web.api.pagination.Pages",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "crawlcoach.web.api.errors.handle_exception",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "crawlcoach API",
    "DESCRIPTION": "A family's children, videos, analyses and assessments. Authenticate with a "
    "token from the Family page (Authorization: Bearer ...) or a logged-in session.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "crawlcoach.web.api.docs.add_error_responses",
    ],
}
