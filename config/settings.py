"""Settings, read from the environment (docs/deployment.md lists every variable)."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from config.local_db import local_database_url

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


DEBUG = env_bool("DJANGO_DEBUG", True)
# A development key is used only while DEBUG is on; production must set DJANGO_SECRET_KEY.
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY") or (
    "dev-only-insecure-key-set-DJANGO_SECRET_KEY-in-production" if DEBUG else ""
)
if not SECRET_KEY:
    raise RuntimeError("DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off")

ALLOWED_HOSTS = [
    h.strip()
    for h in os.environ.get("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",")
    if h.strip()
]
CSRF_TRUSTED_ORIGINS = [
    o.strip() for o in os.environ.get("DJANGO_CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_tasks",
    "django_tasks_db",
    "corpus",
    "annotations",
    "frontend",
    "axes",
]

MIDDLEWARE = [
    "config.body_limit.BodyLimitMiddleware",  # first: a body over the limit is never read
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "config.middleware.ContentSecurityPolicyMiddleware",
    "config.cache_control.NoStoreWhenSignedInMiddleware",
    # Last, so that it sees a locked-out attempt after the view ran (django-axes).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# PostgreSQL only. The default is the project-local server that `make run` starts.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or local_database_url("claimlens"),
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
# Server-side parameter binding lets psycopg prepare statements a connection repeats, so
# PostgreSQL plans the hot queries once per connection instead of on every request.
# Turn it off (CLAIMLENS_DB_PREPARED=0) behind PgBouncer in transaction mode.
if env_bool("CLAIMLENS_DB_PREPARED", True):
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"server_side_binding": True, "prepare_threshold": 3}
    )
# Parallel test runs on one server each need their own test database name.
DATABASES["default"]["TEST"] = {"NAME": os.environ.get("CLAIMLENS_TEST_DB_NAME", "test_claimlens")}
if DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
    raise RuntimeError("Claimlens runs on PostgreSQL only: DATABASE_URL must be postgres://")

# Failed log-ins (the log-in page, the admin's, the token endpoint) are counted per username
# and per client address in PostgreSQL, so every web replica sees them (django-axes).
# AxesStandaloneBackend comes first: a locked-out attempt is refused before any password is
# hashed, which is what keeps a flood of wrong passwords from slowing everyone else down.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("CLAIMLENS_LOGIN_FAILURE_LIMIT", "10"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("CLAIMLENS_LOGIN_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_DISABLE_ACCESS_LOG = True
AXES_CLIENT_IP_CALLABLE = "config.login_throttle.client_address"
AXES_LOCKOUT_CALLABLE = "config.login_throttle.lockout_response"
AXES_VERBOSE = False
# Who may create projects: "permitted" (staff, superusers and holders of the "Can create
# projects" permission) or "anyone" signed in.
CLAIMLENS_PROJECT_CREATORS = os.environ.get("CLAIMLENS_PROJECT_CREATORS", "permitted")
if CLAIMLENS_PROJECT_CREATORS not in ("permitted", "anyone"):
    raise ImproperlyConfigured("CLAIMLENS_PROJECT_CREATORS is 'permitted' or 'anyone'")
# An API token stops working this many days after it was made; ask for a new one then.
CLAIMLENS_TOKEN_LIFETIME = timedelta(days=int(os.environ.get("CLAIMLENS_TOKEN_DAYS", "30")))

# Applied wherever a password is chosen (the password page, the admin, `changepassword`,
# `createsuperuser`); the demo loader's fixed logins are set directly and are not checked.
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Behind HTTPS (the default once DEBUG is off): cookies only over TLS, and trust the proxy's
# X-Forwarded-Proto. CLAIMLENS_HTTPS=0 for a plain-HTTP deployment on a private network.
HTTPS = env_bool("CLAIMLENS_HTTPS", not DEBUG)
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
if HTTPS:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Over HTTPS, a plain-HTTP request is redirected to https:// (the proxy in front may do it
# first; CLAIMLENS_SSL_REDIRECT=0 then), and browsers are told to use HTTPS only for a year
# (HSTS), on subdomains too unless CLAIMLENS_HSTS_SUBDOMAINS=0. `manage.py check --deploy`
# is clean with the image's settings (tests/access/test_deploy_check.py).
SECURE_SSL_REDIRECT = env_bool("CLAIMLENS_SSL_REDIRECT", HTTPS)
SECURE_HSTS_SECONDS = int(os.environ.get("CLAIMLENS_HSTS_SECONDS", 365 * 24 * 3600 if HTTPS else 0))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("CLAIMLENS_HSTS_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("CLAIMLENS_HSTS_PRELOAD", False)
# Asking browsers to preload HSTS for the whole domain is hard to undo: the operator opts in
# (CLAIMLENS_HSTS_PRELOAD=1), so the check's reminder about it is not shown.
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]

LOGIN_URL = "/login/"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/login/"

DATA_UPLOAD_MAX_MEMORY_SIZE = int(os.environ.get("CLAIMLENS_MAX_REQUEST_BYTES", 50 * 2**20))
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 2**20
# Largest single uploaded file an import accepts.
CLAIMLENS_MAX_UPLOAD_BYTES = int(os.environ.get("CLAIMLENS_MAX_UPLOAD_BYTES", 50 * 2**20))
# Requests per person (config/rate_limits.py): "N/sec|min|hour|day"; empty is no limit.
CLAIMLENS_RATE_LIMITS = {
    "writes": os.environ.get("CLAIMLENS_WRITE_RATE", "600/min"),
    "imports": os.environ.get("CLAIMLENS_IMPORT_RATE", "60/hour"),
    "exports": os.environ.get("CLAIMLENS_EXPORT_RATE", "120/hour"),
}
# Spans one annotation set may hold, and spans + relations + stances one set write may carry
# (annotations/services/set_caps.py): 400 too_many_rows past them.
CLAIMLENS_MAX_SPANS_PER_SET = int(os.environ.get("CLAIMLENS_MAX_SPANS_PER_SET", "20000"))
CLAIMLENS_MAX_ROWS_PER_REQUEST = int(os.environ.get("CLAIMLENS_MAX_ROWS_PER_REQUEST", "50000"))
# Largest request body, refused from its Content-Length before it is read (config/body_limit.py):
# the largest upload and 1 MiB for the form around it, or the JSON limit if that is larger.
CLAIMLENS_MAX_BODY_BYTES = int(
    os.environ.get(
        "CLAIMLENS_MAX_BODY_BYTES",
        max(CLAIMLENS_MAX_UPLOAD_BYTES, DATA_UPLOAD_MAX_MEMORY_SIZE) + 2**20,
    )
)
# Where background exports write their files (served to the people who asked for them).
CLAIMLENS_EXPORT_DIR = Path(os.environ.get("CLAIMLENS_EXPORT_DIR", BASE_DIR / ".data" / "exports"))
# ... or an S3-compatible bucket when CLAIMLENS_S3_BUCKET is set (annotations/services/
# export_files.py; credentials from boto3's usual AWS_* variables). Files are deleted after
# CLAIMLENS_EXPORT_MAX_AGE_DAYS.
CLAIMLENS_S3_BUCKET = os.environ.get("CLAIMLENS_S3_BUCKET", "")
CLAIMLENS_S3_ENDPOINT_URL = os.environ.get("CLAIMLENS_S3_ENDPOINT_URL", "")
CLAIMLENS_S3_PREFIX = os.environ.get("CLAIMLENS_S3_PREFIX", "exports")
CLAIMLENS_EXPORT_MAX_AGE_DAYS = int(os.environ.get("CLAIMLENS_EXPORT_MAX_AGE_DAYS", "7"))

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "config.authentication.FastTokenAuthentication",
    ],
    "DEFAULT_RENDERER_CLASSES": [
        "config.renderers.OrjsonRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
    "DEFAULT_PARSER_CLASSES": [
        "config.renderers.OrjsonParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PAGINATION_CLASS": "config.api.Pagination",
    "PAGE_SIZE": 50,
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "annotations.api.openapi_errors.ErrorDocumentingAutoSchema",
    "EXCEPTION_HANDLER": "config.errors.exception_handler",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
    # Per-person limits on writes, imports and exports: config/rate_limits.py.
    "DEFAULT_THROTTLE_CLASSES": ["config.rate_limits.PersonRateThrottle"],
    # Password guessing against the token endpoint is throttled per client address.
    "DEFAULT_THROTTLE_RATES": {"auth": os.environ.get("CLAIMLENS_AUTH_RATE", "20/min")},
    # Proxies in front that append to X-Forwarded-For; 0 means the client address is
    # REMOTE_ADDR and a forged header earns no fresh allowance.
    "NUM_PROXIES": int(os.environ.get("CLAIMLENS_NUM_PROXIES", "0")),
}

SPECTACULAR_SETTINGS = {
    "TITLE": "Claimlens API",
    "DESCRIPTION": "Claims, sources and stance in news articles. Offsets are Unicode code "
    "points, half-open [start, end), over the stored document text.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    # Swagger UI's files are served from this server, never from a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": STATIC_URL + "frontend/img/favicon.svg",  # the site's own
    "REDOC_DIST": "SIDECAR",
    # Fields named "kind" hold several choice sets (a set's kind, a rewrite row's kind, a
    # source's kind): the source registry's gets a name of its own instead of "Kind293Enum".
    "ENUM_NAME_OVERRIDES": {"SourceKindEnum": "annotations.models.sources.SourceKind.values"},
    # OpenAPI links for the create -> read/change/delete chains (annotations/api/openapi_links.py).
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "annotations.api.openapi_links.add_links",
    ],
}

# Caches every process shares, tables in PostgreSQL made by migrations (corpus/migrations/
# 0004_cache_table.py, 0006_computed_cache_table.py); docs/deployment.md says when to move to
# Redis. "default" holds counts: rate limits (config/rate_limits.py) and mails per address,
# which must be shared by all gunicorn workers and web replicas and never pushed out by other
# entries. "computed" holds answers worth keeping (rewrite pairs and alignments, the curation
# queue's scores): Django culls a third of a table past MAX_ENTRIES, and that cull must not
# reset anyone's counts.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "claimlens_cache",
        "OPTIONS": {"MAX_ENTRIES": 100_000},
    },
    "computed": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "claimlens_computed_cache",
        "OPTIONS": {"MAX_ENTRIES": 20_000},
    },
}

TASKS = {
    "default": {
        "BACKEND": os.environ.get("CLAIMLENS_TASK_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}
# A running job's lease (annotations/services/jobs.py): renewed every HEARTBEAT seconds while
# it works; a running job not renewed for LEASE seconds lost its worker and is failed.
CLAIMLENS_JOB_LEASE_SECONDS = int(os.environ.get("CLAIMLENS_JOB_LEASE_SECONDS", "300"))
CLAIMLENS_JOB_HEARTBEAT_SECONDS = int(os.environ.get("CLAIMLENS_JOB_HEARTBEAT_SECONDS", "30"))
# A running task worker looks for such jobs this often, besides at its start and reconnects.
CLAIMLENS_LEASE_CHECK_SECONDS = float(os.environ.get("CLAIMLENS_LEASE_CHECK_SECONDS", "30"))

# E-mail (invitations, password resets): printed on the console unless an SMTP server is set.
# CLAIMLENS_EMAIL_HOST switches to SMTP; docs/deployment.md "E-mail".
EMAIL_HOST = os.environ.get("CLAIMLENS_EMAIL_HOST", "")
EMAIL_BACKEND = os.environ.get(
    "CLAIMLENS_EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_PORT = int(os.environ.get("CLAIMLENS_EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("CLAIMLENS_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("CLAIMLENS_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = env_bool("CLAIMLENS_EMAIL_TLS", EMAIL_PORT == 587)
EMAIL_USE_SSL = env_bool("CLAIMLENS_EMAIL_SSL", EMAIL_PORT == 465)
EMAIL_TIMEOUT = int(os.environ.get("CLAIMLENS_EMAIL_TIMEOUT", "10"))
DEFAULT_FROM_EMAIL = os.environ.get("CLAIMLENS_EMAIL_FROM", "Claimlens <claimlens@localhost>")
# How long a set-password link (reset or invitation) works, in days.
PASSWORD_RESET_TIMEOUT = 86400 * int(os.environ.get("CLAIMLENS_PASSWORD_LINK_DAYS", "3"))
# Password-reset mails one address may be sent in an hour (annotations/services/people.py).
CLAIMLENS_RESET_MAILS_PER_HOUR = int(os.environ.get("CLAIMLENS_RESET_MAILS_PER_HOUR", "5"))


LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
}
