"""Settings for the registry: one module, every deploy-time value read from the environment.

A malformed value fails at start-up with the variable's name (django-environ raises
ImproperlyConfigured). Without DATABASE_URL the registry runs on SQLite in the project folder.
"""

from datetime import timedelta
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env")


def env_bool(name, default):
    """Like env.bool, but a value that is neither true nor false is an error, not False."""
    raw = env.str(name, default=str(default)).strip().lower()
    if raw not in {"true", "false", "1", "0", "yes", "no", "on", "off"}:
        raise ImproperlyConfigured(f"{name} must be true or false, not {raw!r}.")
    return raw in {"true", "1", "yes", "on"}


DEBUG = env_bool("DJANGO_DEBUG", default=False)
SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("Set DJANGO_SECRET_KEY (or DJANGO_DEBUG=true for local development).")
    SECRET_KEY = "insecure-local-development-key-not-for-production-use-0123456789"
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "simple_history",
    "import_export",
    "axes",
    "measures",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "measures.middleware.RequestSizeLimitMiddleware",
    "measures.middleware.DatabaseUnavailableMiddleware",
    "registry.routers.ReplicaReadsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before sessions, locale and DRF: a repeated public read is answered without them (measures.response_cache).
    "measures.response_cache.PublicResponseCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "measures.site.middleware.SiteLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes requires: turns a lockout into its page
]

ROOT_URLCONF = "registry.urls"
WSGI_APPLICATION = "registry.wsgi.application"

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
            "libraries": {"site": "measures.site.templatetags"},
        },
    },
]

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "connect_timeout": env.int("DATABASE_CONNECT_TIMEOUT", default=3),
            # A database host that dies or is cut off sends no reset. Keepalives notice it on an idle connection,
            # and TCP_USER_TIMEOUT drops a connection whose sent query goes unacknowledged, so the request gets a
            # 503 in seconds instead of waiting until gunicorn kills the worker.
            "keepalives": 1,
            "keepalives_idle": env.int("DATABASE_KEEPALIVES_IDLE", default=5),
            "keepalives_interval": env.int("DATABASE_KEEPALIVES_INTERVAL", default=2),
            "keepalives_count": env.int("DATABASE_KEEPALIVES_COUNT", default=3),
            "tcp_user_timeout": env.int("DATABASE_TCP_USER_TIMEOUT_MS", default=5000),
            # A runaway query is cancelled rather than holding a worker and a connection.
            "options": f"-c statement_timeout={env.int('DATABASE_STATEMENT_TIMEOUT_MS', default=10000)}",
            "pool": {
                "min_size": env.int("DATABASE_POOL_MIN_SIZE", default=2),
                "max_size": env.int("DATABASE_POOL_MAX_SIZE", default=10),
                # Seconds a request waits for a connection before failing, so an outage fails fast.
                "timeout": env.float("DATABASE_POOL_TIMEOUT", default=5),
            },
        }
    )
    # The pool hands out only connections that still work, so the app recovers when the database returns.
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    if env.str("DATABASE_REPLICA_URL", default=""):
        DATABASES["replica"] = {
            **env.db("DATABASE_REPLICA_URL"),
            "OPTIONS": DATABASES["default"]["OPTIONS"],
            "CONN_HEALTH_CHECKS": True,
            "TEST": {"MIRROR": "default"},
        }
        DATABASE_ROUTERS = ["registry.routers.ReplicaRouter"]
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            # SELECT ... FOR UPDATE does nothing on SQLite: a write transaction takes the write lock when it
            # begins, so a second writer waits for the first, then reads what it wrote (and its If-Match fails
            # with a 412) instead of failing half-way with "database is locked".
            "transaction_mode": "IMMEDIATE",
            # Seconds a writer waits for that lock before the request gets a 503 (SQLite's busy timeout).
            "timeout": env.float("DATABASE_SQLITE_TIMEOUT", default=20),
            # Run on every new connection. WAL lets readers go on while a writer writes (and is kept in the file);
            # with WAL, synchronous=NORMAL is still safe against corruption and syncs only at checkpoints; a
            # 64 MiB page cache and a 256 MiB memory map per connection keep hot pages out of read() calls.
            "init_command": (
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                f"PRAGMA cache_size=-{env.int('DATABASE_SQLITE_CACHE_KIB', default=65536)}; "
                f"PRAGMA mmap_size={env.int('DATABASE_SQLITE_MMAP_BYTES', default=256 * 1024 * 1024)};"
            ),
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Throttling counts requests in the cache: set CACHE_URL (e.g. redis://host:6379/0) when several
# processes serve the API, so they share one count.
CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://")}
# List counts and the registry download are cached until a registry record changes (measures.caching); this
# bounds how long they can miss a change the cache does not hear of (another process's memory cache, raw SQL).
CACHE_SECONDS = env.int("API_CACHE_SECONDS", default=60)
# Public responses (measures.response_cache): cached under the same version for at most CACHE_SECONDS when their
# body is at most this size, and held by shared caches (nginx, a CDN) for HTTP_CACHE_SECONDS, which no change
# cuts short: the longest a proxy may show a response older than the last publish. A maximum of 0 stores none.
RESPONSE_CACHE_MAX_BYTES = env.int("RESPONSE_CACHE_MAX_BYTES", default=1024 * 1024)
HTTP_CACHE_SECONDS = env.int("HTTP_CACHE_SECONDS", default=5)
DATA_UPLOAD_MAX_MEMORY_SIZE = env.int("DJANGO_MAX_REQUEST_BYTES", default=1024 * 1024)
# The admin's spreadsheet import (measures.imports): a larger file, or one with more rows, is refused unread.
IMPORT_MAX_BYTES = env.int("IMPORT_MAX_BYTES", default=5 * 1024 * 1024)
IMPORT_MAX_ROWS = env.int("IMPORT_MAX_ROWS", default=20_000)
IMPORT_MAX_UNPACKED_BYTES = env.int("IMPORT_MAX_UNPACKED_BYTES", default=50 * 1024 * 1024)  # an XLSX is a zip
# Deeper JSON bodies are a 400 (measures.api.parsers): Python's json module would otherwise run out of stack.
API_MAX_JSON_DEPTH = env.int("API_MAX_JSON_DEPTH", default=32)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# The lockout check comes first, so a locked-out user is refused before the password is even checked.
AUTHENTICATION_BACKENDS = ["measures.lockout.LockoutBackend", "django.contrib.auth.backends.ModelBackend"]
# Admin login lockout (django-axes, counted in the database so every app process sees the same count): a user
# at one address is locked out after this many wrong passwords in a row, for the cool-off period.
AXES_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("LOGIN_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]  # one attacker cannot lock every curator out
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "measures.lockout.client_address"  # as throttling reads it, with API_NUM_PROXIES
AXES_LOCKOUT_CALLABLE = "measures.lockout.locked_out"
AXES_VERBOSE = False  # no start-up banner on every process; lockouts are still logged

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", _("Simplified Chinese")), ("en", _("English"))]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        # Not the manifest storage: the app serves from its packages' static folders whether or not
        # collectstatic has run (the Docker image runs it; `make run` and the tests do not need to).
        "BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = True

SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = env.int("DJANGO_SECURE_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "rest_framework.authentication.TokenAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.DjangoModelPermissionsOrAnonReadOnly"],
    "DEFAULT_FILTER_BACKENDS": ["measures.api.filters.FilterBackend"],
    # A JSON API: other body types are a 415, which keeps HTML-form quirks (blank means null) out.
    "DEFAULT_PARSER_CLASSES": ["measures.api.parsers.JSONParser"],
    "DEFAULT_PAGINATION_CLASS": "measures.api.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_RENDERER_CLASSES": [
        "drf_orjson_renderer.renderers.ORJSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
        "measures.api.renderers.CSVRenderer",
    ],
    "DEFAULT_SCHEMA_CLASS": "measures.api.schema.RegistrySchema",
    "EXCEPTION_HANDLER": "measures.api.errors.exception_handler",
    "DEFAULT_THROTTLE_CLASSES": [
        "rest_framework.throttling.AnonRateThrottle",
        "rest_framework.throttling.UserRateThrottle",
    ],
    # Proxies in front of the app (the load balancer): throttling then counts the client's address. Never None:
    # DRF would then trust the whole X-Forwarded-For, which any client can make up; 0 means REMOTE_ADDR only.
    "NUM_PROXIES": env.int("API_NUM_PROXIES", default=0),
    "DEFAULT_THROTTLE_RATES": {
        "anon": env.str("API_THROTTLE_ANON", default="300/minute"),
        "user": env.str("API_THROTTLE_USER", default="1200/minute"),
        "export": env.str("API_THROTTLE_EXPORT", default="20/hour"),  # the whole-registry download, per client
    },
    "UNICODE_JSON": True,
    "COERCE_DECIMAL_TO_STRING": False,
}

SPECTACULAR_SETTINGS = {
    "TITLE": "Zhongguancun policy measure registry API",
    "DESCRIPTION": "Science-and-technology policy measures, targets, parks and their sources for Beijing's "
    "Zhongguancun parks. Every measure and target quotes its source verbatim.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "measures.api.schema.add_error_responses",
    ],
    "ENUM_NAME_OVERRIDES": {
        "ParkKindEnum": "measures.choices.ParkKind",
        "SourceKindEnum": "measures.choices.SourceKind",
        "OrganizationKindEnum": "measures.choices.OrganizationKind",
        "PolicyKindEnum": "measures.choices.PolicyKind",
        "EventKindEnum": "measures.choices.EventKind",
        "TargetPeriodEnum": "measures.choices.TargetPeriod",
        "ObservationPeriodEnum": "measures.choices.ObservationPeriod",
    },
}

IMPORT_EXPORT_USE_TRANSACTIONS = True  # an import with any error changes nothing
IMPORT_EXPORT_SKIP_ADMIN_ACTION_EXPORT_UI = False
# Not IMPORT_EXPORT_ESCAPE_FORMULAE_ON_EXPORT: it only strips a leading "=", turns every cell (numbers, blanks) into
# text, and only on the admin's path. measures.resources escapes formulae for the admin and the registry download.

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("DJANGO_LOG_LEVEL", default="INFO")},
}
