"""Settings for every environment. Everything comes from the environment, with defaults that are safe in production:
DEBUG off, secure cookies, no secret key invented. `./wijkmarkt` sets WIJKMARKT_ENV=development or test."""

from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from wijkmarkt.platform.observability.errors import init_error_reporting
from wijkmarkt.platform.observability.logformat import logging_config

REPO_ROOT = Path(__file__).resolve().parents[2]

env = environ.Env()

ENVIRONMENT = env.str("WIJKMARKT_ENV", default="production")
if ENVIRONMENT not in {"development", "test", "production"}:
    raise ImproperlyConfigured(f"WIJKMARKT_ENV must be development, test or production, not {ENVIRONMENT!r}.")
PRODUCTION = ENVIRONMENT == "production"

DEBUG = env.bool("DEBUG", default=False)

SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if PRODUCTION:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. In production Wijkmarkt needs a long random SECRET_KEY in the environment "
            "(python -c 'import secrets; print(secrets.token_urlsafe(50))')."
        )
    SECRET_KEY = "development-only-not-secret"  # noqa: S105 - never used in production (checked above)

# Wijk sites live at <slug>.<base domain>; the portal at the base domain itself.
WIJKMARKT_BASE_DOMAIN = env.str("WIJKMARKT_BASE_DOMAIN", default="localhost")
WIJKMARKT_PORT = env.int("WIJKMARKT_PORT", default=8000 if not PRODUCTION else 443)
# How long a process trusts its cached host -> wijk lookup (platform/wijken/hosts.py): a change to a wijk made by
# another process shows within this time.
WIJKMARKT_HOST_CACHE_SECONDS = env.int("WIJKMARKT_HOST_CACHE_SECONDS", default=30)
WIJKMARKT_HTTPS = env.bool("WIJKMARKT_HTTPS", default=PRODUCTION)
ALLOWED_HOSTS = [WIJKMARKT_BASE_DOMAIN, f".{WIJKMARKT_BASE_DOMAIN}", *env.list("ALLOWED_HOSTS", default=[])]

if "DATABASE_URL" not in env:
    raise ImproperlyConfigured(
        "DATABASE_URL is not set. Start Wijkmarkt with ./wijkmarkt (it starts an embedded PostgreSQL), "
        "or set DATABASE_URL=postgres://user:password@host:5432/name."
    )
DATABASES = {"default": env.db("DATABASE_URL")}
DATABASES["default"]["ENGINE"] = "django_tenants.postgresql_backend"
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0)
DATABASES["default"]["OPTIONS"] = {**DATABASES["default"].get("OPTIONS", {}), "connect_timeout": 5}
# TEST_DATABASE_NAME lets two suites share one server (CI's two runs, or two developers' sessions).
DATABASES["default"]["TEST"] = {"NAME": env.str("TEST_DATABASE_NAME", default=f"test_{DATABASES['default']['NAME']}")}
DATABASE_ROUTERS = ("django_tenants.routers.TenantSyncRouter",)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

SHARED_APPS = [
    "django_tenants",
    "wijkmarkt.platform.wijken",
    "wijkmarkt.platform.accounts",
    "wijkmarkt.platform.search",
    "wijkmarkt.platform.partners",
    "wijkmarkt.platform.console",
    "wijkmarkt.platform.ledger",
    "wijkmarkt.platform.scheduler",
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    # Registers PostgreSQL's search lookups (trigram similarity for the citywide search).
    "django.contrib.postgres",
    "axes",
    "graphene_django",
    "channels",
    "csp",
    # The mail queue (platform/mail.py): one table of messages waiting or deferred, one log of sends.
    "mailer",
]
# Every table here is multiplied by the number of wijken: keep this list lean (ARCHITECTURE.md, scale path).
TENANT_APPS = [
    "wijkmarkt.tenants.membership",
    "wijkmarkt.tenants.marketplace",
    "wijkmarkt.tenants.chat",
    "wijkmarkt.tenants.care",
    "wijkmarkt.tenants.privacy",
    "wijkmarkt.tenants.places",
    "wijkmarkt.tenants.wijzer",
    "wijkmarkt.tenants.makelaar",
]
# The demo (tenants/demo/) has no models; it is installed for its commands, which refuse to run in production.
INSTALLED_APPS = SHARED_APPS + [app for app in TENANT_APPS if app not in SHARED_APPS] + ["wijkmarkt.tenants.demo"]

TENANT_MODEL = "wijken.Wijk"
TENANT_DOMAIN_MODEL = "wijken.Domain"
# New wijken are cloned from this schema instead of replaying every migration (tests/performance/bench_provisioning.py).
TENANT_BASE_SCHEMA = "wijk_template"
TENANT_CREATION_FAKES_MIGRATIONS = True
# One `SET search_path` per schema change instead of one per query. Safe with django-tenants 4: it forgets the
# cached path on rollback and savepoint rollback (tests/platform/test_search_path.py proves it).
TENANT_LIMIT_SET_CALLS = True
PUBLIC_SCHEMA_URLCONF = "wijkmarkt.platform.config.urls_portal"
ROOT_URLCONF = "wijkmarkt.platform.config.urls_wijk"

MIDDLEWARE = [
    # /healthz and /readyz on any Host (a probe uses the pod's address), before the wijk middleware (health.py).
    "wijkmarkt.platform.config.health.HealthMiddleware",
    # /metrics for Prometheus, only to WIJKMARKT_METRICS_ALLOWED and never through the proxy (observability/metrics.py).
    "wijkmarkt.platform.observability.metrics.MetricsMiddleware",
    # One JSON line per request (WIJKMARKT_LOG_FORMAT=json) and the X-Request-ID header (observability/logs.py).
    "wijkmarkt.platform.observability.logs.RequestLogMiddleware",
    "wijkmarkt.platform.wijken.middleware.WijkMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "wijkmarkt.tenants.membership.middleware.MembershipMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "wijkmarkt.platform.config.cache_headers.NoStoreMiddleware",
    "axes.middleware.AxesMiddleware",
]

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "OPTIONS": {
            # Cached per theme, because the same template name resolves to another file in another theme.
            "loaders": [
                (
                    "wijkmarkt.themes.loader.CachedThemeLoader",
                    ["wijkmarkt.themes.loader.ThemeLoader", "django.template.loaders.app_directories.Loader"],
                )
            ],
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wijkmarkt.themes.context_processors.site",
            ],
        },
    }
]

ASGI_APPLICATION = "wijkmarkt.platform.config.asgi.application"
REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    # redis-py 8's default socket timeout (5 s) equals channels-redis' 5 s BZPOPMIN: consumers died with TimeoutError
    # under load and their sockets closed (tests/performance/bench_chat.py found it).
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            # The default capacity, 100 pending messages per process, silently dropped live chat messages under the
            # reliability test (tests/realtime/test_chat_reliability.py).
            "CONFIG": {"hosts": [{"address": REDIS_URL, "socket_timeout": None}], "capacity": 2000},
        }
    }
    # Shared by every process: chat presence and rate limits, and the host -> wijk cache.
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
else:
    # One process (./wijkmarkt run): no Redis needed. The same capacity as with Redis.
    CHANNEL_LAYERS = {"default": {"BACKEND": "wijkmarkt.realtime.layers.InProcessChannelLayer"}}
# How many Wijkmarkt processes serve this city together: every web and socket process of every replica, and the
# scheduler (it publishes to sockets too). The deployment sets it (deploy/); one by default. Without Redis each
# process has its own channel layer and cache, so a chat message, a rate limit or a changed wijk would stay in the
# process that saw it: production refuses to start that way.
WIJKMARKT_PROCESSES = env.int("WIJKMARKT_PROCESSES", default=1)
if PRODUCTION and WIJKMARKT_PROCESSES > 1 and not REDIS_URL:
    raise ImproperlyConfigured(
        f"WIJKMARKT_PROCESSES is {WIJKMARKT_PROCESSES} but REDIS_URL is not set. More than one Wijkmarkt process "
        "needs a shared Redis for chat, rate limits and the wijk cache: set REDIS_URL=redis://host:6379/0, "
        "or run one process (WIJKMARKT_PROCESSES=1)."
    )

# What the citywide search index holds, one source per kind of item (platform/search/sources.py).
SEARCH_SOURCES = [
    "wijkmarkt.tenants.marketplace.citywide.ListingSource",
    "wijkmarkt.tenants.places.citywide.MeetingPlaceSource",
    "wijkmarkt.platform.partners.citywide.PartnerOfferSource",
]
# The evaluation figures of the console, one source per wijk app that has figures, in the order of the CSV's columns
# (platform/console/sources.py).
EVALUATION_SOURCES = [
    "wijkmarkt.tenants.marketplace.evaluation.MarketplaceFigures",
    "wijkmarkt.tenants.care.evaluation.CareFigures",
    "wijkmarkt.tenants.makelaar.evaluation.MakelaarFigures",
]
# What each wijk app above privacy holds about a member, for the export, the erasure and the retention
# (tenants/privacy/contributors.py). The export shows them in this order, an erasure and the daily purge run them in it.
PRIVACY_CONTRIBUTORS = [
    "wijkmarkt.tenants.marketplace.privacy.CONTRIBUTOR",
    "wijkmarkt.tenants.chat.privacy.CONTRIBUTOR",
    "wijkmarkt.tenants.care.privacy.CONTRIBUTOR",
    "wijkmarkt.tenants.wijzer.privacy.CONTRIBUTOR",
    "wijkmarkt.tenants.makelaar.privacy.CONTRIBUTOR",
]

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
# Our own validators: Dutch messages of our catalogue, and a password of only spaces refused (passwords.py says why).
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "wijkmarkt.platform.accounts.passwords.NotOnlySpacesValidator"},
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "wijkmarkt.platform.accounts.passwords.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"

AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = env.float("AXES_COOLOFF_HOURS", default=0.25)
# Locked out is the pair (address, client address): a stranger who guesses at a neighbour's address locks out only
# himself, while the neighbour still logs in from home. By address alone he could lock out anyone; by client
# address alone he could lock out everyone behind the same proxy or shared connection (a library, a care home).
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# Behind a reverse proxy every request comes from the proxy: the client's own address is the one the outermost
# trusted proxy put in X-Forwarded-For. WIJKMARKT_TRUSTED_PROXIES is how many proxies stand in front of Wijkmarkt
# (0: clients connect directly, and X-Forwarded-For, which anyone can send, is ignored).
WIJKMARKT_TRUSTED_PROXIES = env.int("WIJKMARKT_TRUSTED_PROXIES", default=0)
AXES_CLIENT_IP_CALLABLE = "wijkmarkt.platform.accounts.client_address.client_address"
AXES_LOCKOUT_TEMPLATE = "accounts/locked.html"
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_FORM_FIELD = "username"
AXES_VERBOSE = False
# How long the log-in attempt log (e-mail, IP address, browser) is kept; ./wijkmarkt manage purge_expired removes older.
LOGIN_LOG_RETENTION_DAYS = env.int("LOGIN_LOG_RETENTION_DAYS", default=90)

SESSION_COOKIE_SECURE = WIJKMARKT_HTTPS
CSRF_COOKIE_SECURE = WIJKMARKT_HTTPS
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=False)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if WIJKMARKT_HTTPS else None
# HSTS: a browser that saw the site over HTTPS never tries plain HTTP again, for a year. On by default wherever the
# site is served over HTTPS in production; wijken are subdomains, so they are included.
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000 if PRODUCTION and WIJKMARKT_HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)
# `check --deploy` is clean in production (tests/platform/test_deploy_guards.py); two checks are silenced on purpose:
SILENCED_SYSTEM_CHECKS = [
    # W008 (SECURE_SSL_REDIRECT off): TLS ends at the reverse proxy or Ingress, which redirects HTTP to HTTPS, and
    # HSTS is on. Django redirecting as well would send the cluster's plain-HTTP probes and scrapes (pod address,
    # no X-Forwarded-Proto) to HTTPS. SECURE_SSL_REDIRECT=true turns it on where no proxy redirects.
    "security.W008",
    # W021 (SECURE_HSTS_PRELOAD off): preloading binds the city's whole registrable domain to HTTPS in browsers for
    # months, beyond Wijkmarkt's own hosts: the city decides that (SECURE_HSTS_PRELOAD=true), not a default.
    "security.W021",
]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy: scripts, styles, images and fonts only from the site itself, so injected markup can run
# nothing and style nothing (no inline scripts, styles or style attributes anywhere: tests/platform/test_headers.py).
# The chat socket is on the same host (/ws/); 'self' covers ws/wss in current browsers, the explicit source covers
# the rest. GraphiQL (DEBUG only) gets its own exception in urls_common.py.
_SOCKET_SCHEME = "wss" if WIJKMARKT_HTTPS else "ws"
_SOCKET_PORT = "" if WIJKMARKT_PORT in (80, 443) else f":{WIJKMARKT_PORT}"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'"],
        "connect-src": ["'self'", f"{_SOCKET_SCHEME}://*.{WIJKMARKT_BASE_DOMAIN}{_SOCKET_PORT}"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands")), ("en", _("English"))]
LOCALE_PATHS = [REPO_ROOT / "themes" / "locale"]
USE_I18N = True
TIME_ZONE = "Europe/Amsterdam"
USE_TZ = True

MEDIA_URL = "/media/"
MEDIA_ROOT = env.str("MEDIA_ROOT", default=str(REPO_ROOT / ".wijkmarkt" / "media"))
# Photos: what a phone makes, not more; larger files are refused with a message (tenants/marketplace/actions/photos.py).
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 6 * 1024 * 1024

STATIC_URL = "/static/"
# Production serves collected files from here; development serves straight from the theme folders.
STATIC_ROOT = env.str("STATIC_ROOT", default=str(REPO_ROOT / "staticfiles")) if PRODUCTION else None
STATICFILES_DIRS = [path for path in sorted((REPO_ROOT / "themes").glob("*/static")) if path.is_dir()]
# Development and tests serve straight from the theme folders; production serves the collected, hashed files.
WHITENOISE_USE_FINDERS = not PRODUCTION
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

EMAIL_CONFIG = env.email("EMAIL_URL", default="consolemail://" if not PRODUCTION else "smtp://localhost:25")
vars().update(EMAIL_CONFIG)
# Mail is queued in the database (django-mailer) and sent, with retries, by the scheduler's send_mail and
# retry_deferred; EMAIL_URL names the server it finally goes to. Development prints mail directly unless
# WIJKMARKT_MAIL_QUEUE is set; the suite uses Django's locmem backend (tests/platform/test_mail_outbox.py).
MAILER_EMAIL_BACKEND = EMAIL_CONFIG["EMAIL_BACKEND"]
if env.bool("WIJKMARKT_MAIL_QUEUE", default=PRODUCTION):
    EMAIL_BACKEND = "mailer.backend.DbBackend"
# Two senders never send one message twice: each locks its row (SELECT ... FOR UPDATE NOWAIT), no lock file needed.
MAILER_USE_FILE_LOCK = False
# A deferred message is retried this many times (retry_deferred), then stays in the queue for a person to look at.
MAILER_EMAIL_MAX_RETRIES = env.int("MAILER_EMAIL_MAX_RETRIES", default=10)
# The send log keeps the outcome, not the message: bodies hold log-in and password links.
MAILER_EMAIL_LOG_MESSAGE_DATA = False
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default=f"noreply@{WIJKMARKT_BASE_DOMAIN}")

GRAPHENE = {
    "SCHEMA": "wijkmarkt.graphql.schema.schema",
    "RELAY_CONNECTION_MAX_LIMIT": 50,
    "RELAY_CONNECTION_ENFORCE_FIRST_OR_LAST": False,
    "ATOMIC_MUTATIONS": True,
    # `./wijkmarkt manage graphql_schema` rewrites the committed SDL; tests/graphql/test_schema_sdl.py compares.
    "SCHEMA_OUTPUT": str(REPO_ROOT / "graphql" / "schema.graphql"),
}
GRAPHQL_MAX_DEPTH = 8
# What someone may try how often (platform/ratelimits.py), as (attempts, seconds): per account for giving points and
# registering a proxy, per client address for signing up; password reset mails per e-mail address (nobody's mailbox
# flooded) and per client address. Enough for a resident (and a makelaar helping several at one desk), too few to
# find out who has an account or lives in which wijk.
WIJKMARKT_RATE_LIMITS = {
    "give_points": (env.int("RATE_LIMIT_GIVE_POINTS", default=10), 600),
    "register_proxy": (env.int("RATE_LIMIT_REGISTER_PROXY", default=10), 600),
    "sign_up": (env.int("RATE_LIMIT_SIGN_UP", default=10), 900),
    "password_reset_address": (env.int("RATE_LIMIT_PASSWORD_RESET_ADDRESS", default=3), 3600),
    "password_reset_client": (env.int("RATE_LIMIT_PASSWORD_RESET_CLIENT", default=20), 3600),
}
# The scheduled jobs (platform/scheduler): run by `manage scheduler` or one CronJob each (`manage run_job <name>`).
# Each calls a management command by name; "at" is a daily local time, "every_minutes" a period.
WIJKMARKT_JOBS = [
    {"name": "marketplace_tasks", "command": "marketplace_tasks", "at": "03:00"},
    {"name": "clearsessions", "command": "clearsessions", "at": "03:30"},
    {"name": "purge_expired", "command": "purge_expired", "at": "04:00"},
    {"name": "check_ledger", "command": "check_ledger", "at": "05:00"},
    {"name": "check_search_index", "command": "check_search_index", "at": "05:15"},
    # The mail queue (django-mailer): send what is queued, and give refused messages another try.
    {"name": "send_mail", "command": "send_mail", "every_minutes": 1},
    {"name": "retry_deferred", "command": "retry_deferred", "every_minutes": 15},
]
# `__schema`/`__type` queries: on while developing and testing; off in production unless GRAPHQL_INTROSPECTION=true.
GRAPHQL_INTROSPECTION = env.bool("GRAPHQL_INTROSPECTION", default=not PRODUCTION)

# WIJKMARKT_LOG_FORMAT=json: one JSON object a line, with a line per request (request id, wijk schema, route, method,
# status, duration) for the city's log shipper; text (the default) keeps plain lines.
LOGGING = logging_config(env.str("WIJKMARKT_LOG_FORMAT", default="text"), level=env.str("LOG_LEVEL", default="WARNING"))

# Error reports to Sentry or a self-hosted GlitchTip when SENTRY_DSN is set; without personal data (errors.py).
SENTRY_DSN = env.str("SENTRY_DSN", default="")
if SENTRY_DSN:
    init_error_reporting(SENTRY_DSN, environment=ENVIRONMENT)

# Networks whose addresses may read /metrics (the cluster's pod network, the monitoring host), comma-separated CIDRs,
# e.g. 10.0.0.0/8. Empty (the default): /metrics answers 404 to everyone.
WIJKMARKT_METRICS_ALLOWED = env.list("WIJKMARKT_METRICS_ALLOWED", default=[])
