"""Django settings for Duiding, read from environment variables.

DATABASE_URL (default: SQLite in the working directory), SECRET_KEY, DEBUG, ALLOWED_HOSTS,
SITE_URL (links in e-mails sent without a request), DEMO (the local demo of `make run`).
With DEBUG off, a real SECRET_KEY is required (except for the local demo).
"""

import os
import sys
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from duiding.env import env_bool, env_int, env_list

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent.parent

TESTING = "pytest" in sys.modules or env_bool("DUIDING_TESTING", False)
DEBUG = env_bool("DEBUG", False)
# DEMO=true: the demo of `make run` on this machine. It behaves like production (DEBUG off: the
# styled error pages, no list of URLs), but on http://127.0.0.1 with the development key, cookies
# over http and static files served by whitenoise straight from the source folders.
DEMO = env_bool("DEMO", False) and not DEBUG
LOCAL_HOSTS = ["127.0.0.1", "localhost"]

_DEV_KEY = "dev-only-insecure-key-do-not-use-in-production"
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if DEBUG or TESTING or DEMO:
        SECRET_KEY = _DEV_KEY
    else:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set a long random SECRET_KEY, or DEBUG=true for development."
        )
elif not (DEBUG or TESTING or DEMO) and (SECRET_KEY == _DEV_KEY or len(SECRET_KEY) < 32):
    raise ImproperlyConfigured(
        "SECRET_KEY is too short or the development key: use 32+ random characters."
    )

ALLOWED_HOSTS = env_list(
    "ALLOWED_HOSTS",
    [*LOCAL_HOSTS, "testserver"] if (DEBUG or TESTING) else LOCAL_HOSTS if DEMO else [],
)
if DEMO and SECRET_KEY == _DEV_KEY and set(ALLOWED_HOSTS) - {*LOCAL_HOSTS, "testserver"}:
    raise ImproperlyConfigured(
        "DEMO runs on this machine only (ALLOWED_HOSTS 127.0.0.1, localhost): set a real "
        "SECRET_KEY and leave DEMO off to serve other hosts."
    )

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",  # the widget templates, for FORM_RENDERER below
    "django_tasks",
    "django_tasks_db",
    "django_htmx",
    "axes",
    "duiding.core",
    "duiding.accounts",
    "duiding.jobs",
    "duiding.areas",
    "duiding.indicators",
    "duiding.frameworks",
    "duiding.areaprofile",
    "duiding.programmes",
    "duiding.results",
    "duiding.activities",
    "duiding.outcomes",
    "duiding.reflections",
    "duiding.api",
    "duiding.home",
    "duiding.demo",
]

MIDDLEWARE = [
    # First: on the public answer routes nothing after it sees the client address or user agent.
    "duiding.core.middleware.PublicAnonymityMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.gzip.GZipMiddleware",
    "duiding.api.errors.ApiJsonErrorsMiddleware",  # JSON errors under /api/
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "duiding.core.middleware.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "duiding.core.middleware.RequestSizeLimitMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "duiding.urls"
WSGI_APPLICATION = "duiding.wsgi.application"
AUTH_USER_MODEL = "accounts.User"

# Forms render with the project's templates, so that templates/django/forms/ can set the house
# style once for every form (the Dutch placeholder of a select box instead of "---------").
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "duiding.core.context_processors.site",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{Path.cwd() / 'duiding.sqlite3'}",
        conn_max_age=env_int("CONN_MAX_AGE", 0),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].update(
        {
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
if TESTING:
    # Fast hashing in tests only; production always uses argon2.
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher", *PASSWORD_HASHERS]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home:home"
LOGOUT_REDIRECT_URL = "accounts:login"

# Brute-force lockout (django-axes): 5 failures per username+IP lock for 15 minutes.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands")), ("en", _("Engels"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", PROJECT_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", PROJECT_DIR / "media"))
WHITENOISE_USE_FINDERS = DEBUG or TESTING or DEMO

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "duiding@localhost")
# SMTP (EMAIL_BACKEND=django.core.mail.backends.smtp.EmailBackend): the server from the environment.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 30)
# The address of the site, for links in e-mails sent without a request (the demo, tasks).
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")

# Uploads: files up to 50 MB are accepted by the import form (said in the form). Every other
# request body is refused above MAX_REQUEST_MB (core.middleware.RequestSizeLimitMiddleware, a
# Dutch 413 page, before anything is read); form fields other than files are held in memory up
# to DATA_UPLOAD_MAX_MEMORY_SIZE, files above FILE_UPLOAD_MAX_MEMORY_SIZE go to a temporary file.
MAX_UPLOAD_MB = env_int("MAX_UPLOAD_MB", 50)
MAX_REQUEST_MB = env_int("MAX_REQUEST_MB", 10)
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
IMPORT_UPLOAD_DIR = Path(os.environ.get("IMPORT_UPLOAD_DIR", MEDIA_ROOT / "imports"))

TASKS = {
    "default": {
        "BACKEND": os.environ.get(
            "TASKS_BACKEND",
            "django_tasks.backends.immediate.ImmediateBackend"
            if TESTING
            else "django_tasks_db.DatabaseBackend",
        )
    }
}

if not DEBUG and not TESTING and not DEMO:
    SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
    CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
    SECURE_CONTENT_TYPE_NOSNIFF = True
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
CSRF_FAILURE_VIEW = "duiding.core.views.csrf_failure"  # a Dutch 403 page, also with DEBUG on

# Phone questionnaires: submissions accepted per questionnaire per minute (0: no limit). The count
# lives in Django's cache: with several processes configure a shared cache (CACHES).
OUTCOME_RATE_LIMIT_PER_MINUTE = env_int("OUTCOME_RATE_LIMIT_PER_MINUTE", 120)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
