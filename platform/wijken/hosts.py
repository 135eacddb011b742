"""Host header <-> wijk: the one place the HTTP and socket middleware resolve a tenant, and the addresses of
the portal and the wijk sites."""

from django.conf import settings
from django.core.cache import cache
from django.http.request import split_domain_port, validate_host
from django_tenants.utils import get_public_schema_name

from wijkmarkt.platform.wijken.models import Wijk
from wijkmarkt.platform.wijken.selectors import wijk_by_host


def hostname_of(host_header: str) -> str | None:
    """The lower-case host name without port, or None when it is not one of our hosts."""
    hostname, _port = split_domain_port((host_header or "").lower())
    if not hostname or not validate_host(hostname, settings.ALLOWED_HOSTS):
        return None
    return hostname


def portal_tenant() -> Wijk:
    """The portal runs in the public schema; it is not a row, so it never shows up as a wijk."""
    portal = Wijk(schema_name=get_public_schema_name(), name="Wijkmarkt Haarlem")
    portal.domain_url = settings.WIJKMARKT_BASE_DOMAIN
    return portal


# Every request starts by resolving its host; Django's cache makes that free of SQL. That cache is per process
# without REDIS_URL and shared by every process with it. forget_hosts drops a changed wijk's entries from this
# process's cache (or the shared one) at once; other processes' own caches catch up within
# settings.WIJKMARKT_HOST_CACHE_SECONDS.
_UNKNOWN = "unknown"


def _cache_key(hostname: str) -> str:
    return f"wijkmarkt:host:{hostname}"


def tenant_for_hostname(hostname: str | None) -> Wijk | None:
    """The portal for the base domain, the wijk owning this domain, or None (unknown or template)."""
    if hostname is None:
        return None
    if hostname == settings.WIJKMARKT_BASE_DOMAIN:
        return portal_tenant()
    cached = cache.get(_cache_key(hostname))
    if cached is None:
        cached = wijk_by_host(hostname) or _UNKNOWN
        cache.set(_cache_key(hostname), cached, settings.WIJKMARKT_HOST_CACHE_SECONDS)
    return None if cached == _UNKNOWN else cached


def forget_hosts(wijk: Wijk) -> None:
    """Drop cached lookups of this wijk's hosts (after it was provisioned or changed)."""
    hosts = [domain.domain for domain in wijk.domains.all()]
    cache.delete_many([_cache_key(host) for host in hosts])


def wijk_url(wijk: Wijk) -> str:
    domain = wijk.domains.all()[0].domain if wijk.domains.all() else f"{wijk.slug}.{settings.WIJKMARKT_BASE_DOMAIN}"
    return f"{_scheme()}://{domain}{_port_suffix()}/"


def portal_url() -> str:
    return f"{_scheme()}://{settings.WIJKMARKT_BASE_DOMAIN}{_port_suffix()}/"


def _scheme() -> str:
    return "https" if settings.WIJKMARKT_HTTPS else "http"


def _port_suffix() -> str:
    default = 443 if settings.WIJKMARKT_HTTPS else 80
    return "" if default == settings.WIJKMARKT_PORT else f":{settings.WIJKMARKT_PORT}"
