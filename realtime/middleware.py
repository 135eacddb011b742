"""ASGI middleware for sockets: the wijk from the Host header (exactly as the HTTP side resolves it), the origin
check, and the logged-in account from the session cookie."""

from http.cookies import SimpleCookie
from importlib import import_module
from types import SimpleNamespace
from urllib.parse import urlsplit

from channels.security.websocket import WebsocketDenier
from django.conf import settings
from django.contrib.auth import get_user
from django_tenants.utils import get_public_schema_name

from wijkmarkt.platform.wijken.hosts import hostname_of, tenant_for_hostname
from wijkmarkt.realtime.db import in_public


def _header(scope, name: bytes) -> str:
    for key, value in scope.get("headers", []):
        if key == name:
            return value.decode("latin-1")
    return ""


class WijkSocketMiddleware:
    """Refuses (HTTP 403 before accept) sockets to unknown hosts, to the portal, and from foreign origins."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        hostname = hostname_of(_header(scope, b"host"))
        wijk = await in_public(tenant_for_hostname, hostname)
        origin = urlsplit(_header(scope, b"origin"))
        if (
            wijk is None
            or wijk.schema_name == get_public_schema_name()
            or not wijk.site_visible
            or origin.hostname != hostname
        ):
            return await WebsocketDenier()(scope, receive, send)
        return await self.app({**scope, "wijk": wijk}, receive, send)


def _user_for_session(session_key: str | None):
    engine = import_module(settings.SESSION_ENGINE)
    return get_user(SimpleNamespace(session=engine.SessionStore(session_key)))


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
