"""ASGI middleware for sockets: the wijk from the Host header (exactly as the HTTP side resolves it), the origin
check, and the logged-in account from the session cookie."""

from http.cookies import SimpleCookie
from importlib import import_module
from urllib.parse import urlsplit

from channels.security.websocket import WebsocketDenier
from django.conf import settings
from django.contrib.auth import get_user
from django.http import HttpRequest
from django_tenants.utils import get_public_schema_name

from wijkmarkt.platform.wijken.hosts import hostname_of, tenant_for_hostname
from wijkmarkt.realtime.db import in_public


def _header(scope, name: bytes) -> str:
    for key, value in scope.get("headers", []):
        if key == name:
            return value.decode("latin-1")
    return ""


DEFAULT_PORTS = {"http": 80, "https": 443}


def _site_scheme(scope) -> str:
    """http or https, decided as Django's request.is_secure() decides it: by the proxy's header when
    SECURE_PROXY_SSL_HEADER is set and the header is there, otherwise by the connection itself."""
    if settings.SECURE_PROXY_SSL_HEADER:
        meta_name, secure_value = settings.SECURE_PROXY_SSL_HEADER
        forwarded = _header(scope, meta_name.removeprefix("HTTP_").lower().replace("_", "-").encode())
        if forwarded:
            return "https" if forwarded.split(",")[0].strip() == secure_value else "http"
    return "https" if scope.get("scheme") in ("wss", "https") else "http"


def _origin(scheme: str, host: str, port: int | None) -> tuple[str, str, int]:
    return scheme, host.lower(), port or DEFAULT_PORTS.get(scheme, 0)


def same_origin(scope) -> bool:
    """Is the page that opens this socket the site itself: the same scheme, host and port? A page on another port of
    the same host, or the http page of an https site, is another origin and must not use the visitor's cookie."""
    try:
        origin = urlsplit(_header(scope, b"origin"))
        site = urlsplit(f"//{_header(scope, b'host')}")
        if not origin.hostname:
            return False
        return _origin(origin.scheme, origin.hostname, origin.port) == _origin(
            _site_scheme(scope), site.hostname or "", site.port
        )
    except ValueError:  # a port that is not a number
        return False


class WijkSocketMiddleware:
    """Refuses (HTTP 403 before accept) sockets to unknown hosts, to the portal, and from foreign origins."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        hostname = hostname_of(_header(scope, b"host"))
        wijk = await in_public(tenant_for_hostname, hostname)
        if (
            wijk is None
            or wijk.schema_name == get_public_schema_name()
            or not wijk.site_visible
            or not same_origin(scope)
        ):
            return await WebsocketDenier()(scope, receive, send)
        return await self.app({**scope, "wijk": wijk}, receive, send)


def _user_for_session(session_key: str | None):
    request = HttpRequest()  # get_user reads only request.session
    request.session = import_module(settings.SESSION_ENGINE).SessionStore(session_key)
    return get_user(request)


class SessionUserMiddleware:
    """Puts the account of the session cookie in scope["user"] (anonymous without one). Sessions are per host, so a
    cookie from one wijk's site is never sent to another's socket."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        cookies = SimpleCookie()
        cookies.load(_header(scope, b"cookie"))
        morsel = cookies.get(settings.SESSION_COOKIE_NAME)
        user = await in_public(_user_for_session, morsel.value if morsel else None)
        return await self.app({**scope, "user": user}, receive, send)
