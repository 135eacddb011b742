"""For benchmarks that time requests through django.test.Client: a middleware first in the chain records the time
Django's handler spends on a request (middleware, session, view or GraphQL, SQL, rendering), without the test
client's own work around it."""

import time


class ServerTiming:
    last = 0.0

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        response = self.get_response(request)
        ServerTiming.last = time.perf_counter() - started
        return response


def timed_middleware() -> list[str]:
    """The project's middleware with ServerTiming first; use with override_settings(MIDDLEWARE=...)."""
    from django.conf import settings

    return ["server_timing.ServerTiming", *settings.MIDDLEWARE]
