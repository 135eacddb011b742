"""The address a request really comes from, for the log-in throttle (axes) and rate limits (platform/ratelimits.py)."""

from django.conf import settings


def client_address(request) -> str:
    """REMOTE_ADDR, or behind settings.WIJKMARKT_TRUSTED_PROXIES reverse proxies the address the outermost of them
    saw. Each proxy appends the address it was connected from to X-Forwarded-For, so the client's is that many places
    from the right (counting REMOTE_ADDR, the nearest proxy); whatever stands further left the client wrote itself.
    A request with fewer addresses than proxies did not come through them all: only REMOTE_ADDR is trusted then."""
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = settings.WIJKMARKT_TRUSTED_PROXIES
    if proxies <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    chain = [*forwarded, remote]
    if len(chain) <= proxies:
        return remote
    return chain[-(proxies + 1)]
