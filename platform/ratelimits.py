"""How often one account (or, logged out, one client address) may try something that could be used to probe who
has an account or lives where: giving points, registering a proxy, signing up. The action counts the attempt, so
the page and GraphQL share one count and refuse alike (rate_limited, on the whole input). Counted in the shared
cache in fixed windows; settings.WIJKMARKT_RATE_LIMITS holds each limit as (attempts, seconds)."""

import math
import time

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import ngettext

from wijkmarkt.platform.errors import fail

RATE_LIMITED = "rate_limited"


def count_attempt(action: str, who: str) -> None:
    """Count one attempt at `action` by `who` ("user:12", "ip:192.0.2.1"); past the limit, raise rate_limited."""
    attempts, seconds = settings.WIJKMARKT_RATE_LIMITS[action]
    now = time.time()
    window = int(now // seconds)
    key = f"rate:{action}:{who}:{window}"
    cache.add(key, 0, seconds)
    try:
        count = cache.incr(key)
    except ValueError:  # the window's key expired between add and incr: this is its first attempt
        cache.add(key, 1, seconds)
        count = 1
    if count > attempts:
        minutes = math.ceil(((window + 1) * seconds - now) / 60)
        message = ngettext(
            "U heeft dit te vaak geprobeerd. Probeer het over %(minutes)s minuut opnieuw.",
            "U heeft dit te vaak geprobeerd. Probeer het over %(minutes)s minuten opnieuw.",
            minutes,
        ) % {"minutes": minutes}
        raise fail(None, message, RATE_LIMITED)
