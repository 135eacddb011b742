"""The request log middleware (JSON lines with WIJKMARKT_LOG_FORMAT=json, formatted by `logformat.py`).

It writes one line per request on the `wijkmarkt.requests` logger: request id, wijk schema, route
(the URL pattern, never the raw path with its ids or the query string), method, status and duration. The request id
comes from the proxy's X-Request-ID when it is a sane token, else it is made here; the response carries it back."""

import logging
import re
import time
import uuid

from django.http import HttpRequest, HttpResponseBase

from wijkmarkt.platform.observability.logformat import REQUEST_LOGGER
from wijkmarkt.platform.observability.metrics import observe_request

REQUEST_ID_HEADER = "X-Request-ID"

_SANE_REQUEST_ID = re.compile(r"[A-Za-z0-9._:-]{1,128}")

logger = logging.getLogger(REQUEST_LOGGER)


def request_id_for(request: HttpRequest) -> str:
    offered = request.headers.get(REQUEST_ID_HEADER, "")
    return offered if _SANE_REQUEST_ID.fullmatch(offered) else uuid.uuid4().hex


def _schema_of(request: HttpRequest) -> str:
    tenant = getattr(request, "tenant", None)
    return getattr(tenant, "schema_name", "") or "-"


def _route_of(request: HttpRequest) -> str:
    match = getattr(request, "resolver_match", None)
    if match is None:
        return "-"
    return match.route or match.view_name or "-"


class RequestLogMiddleware:
    """Before the tenant middleware, so a request for an unknown host is logged too; the wijk and the route are
    read after the response, when the inner middleware and the URL resolver have set them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        request_id = request_id_for(request)
        request.request_id = request_id  # type: ignore[attr-defined]
        started = time.perf_counter()
        response = self.get_response(request)
        seconds = time.perf_counter() - started
        response[REQUEST_ID_HEADER] = request_id
        route = _route_of(request)
        observe_request(route, request.method or "-", response.status_code, seconds)
        if logger.isEnabledFor(logging.INFO):
            logger.info(
                "request",
                extra={
                    "request_id": request_id,
                    "schema": _schema_of(request),
                    "route": route,
                    "method": request.method,
                    "status": response.status_code,
                    "duration_ms": round(seconds * 1000, 1),
                },
            )
        return response
