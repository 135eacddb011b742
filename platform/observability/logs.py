"""JSON logs for a log shipper, switched on by WIJKMARKT_LOG_FORMAT=json, and the request log middleware.

The middleware writes one line per request on the `wijkmarkt.requests` logger: request id, wijk schema, route
(the URL pattern, never the raw path with its ids or the query string), method, status and duration. The request id
comes from the proxy's X-Request-ID when it is a sane token, else it is made here; the response carries it back."""

import json
import logging
import re
import time
import uuid
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from wijkmarkt.platform.observability.metrics import observe_request

if TYPE_CHECKING:
    from django.http import HttpRequest, HttpResponseBase

REQUEST_LOGGER = "wijkmarkt.requests"
REQUEST_ID_HEADER = "X-Request-ID"

_SANE_REQUEST_ID = re.compile(r"[A-Za-z0-9._:-]{1,128}")
# A LogRecord's own attributes; anything else on a record was passed as `extra`.
_RECORD_ATTRIBUTES = frozenset(vars(logging.makeLogRecord({}))) | {"message", "asctime"}
_PLAIN_TYPES = (str, int, float, bool, type(None))

logger = logging.getLogger(REQUEST_LOGGER)


class JsonFormatter(logging.Formatter):
    """One JSON object a line: time (UTC), level, logger, message, the record's plain `extra` values and the
    traceback. Extras that are objects (Django's `request` on django.request records) are left out: their text
    would carry the full path with its query string."""

    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for key, value in vars(record).items():
            if key not in _RECORD_ATTRIBUTES and key not in line and isinstance(value, _PLAIN_TYPES):
                line[key] = value
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        return json.dumps(line, ensure_ascii=False)


def request_id_for(request: "HttpRequest") -> str:
    offered = request.headers.get(REQUEST_ID_HEADER, "")
    return offered if _SANE_REQUEST_ID.fullmatch(offered) else uuid.uuid4().hex


def _schema_of(request: "HttpRequest") -> str:
    tenant = getattr(request, "tenant", None)
    return getattr(tenant, "schema_name", "") or "-"


def _route_of(request: "HttpRequest") -> str:
    match = getattr(request, "resolver_match", None)
    if match is None:
        return "-"
    return match.route or match.view_name or "-"


class RequestLogMiddleware:
    """Before the tenant middleware, so a request for an unknown host is logged too; the wijk and the route are
    read after the response, when the inner middleware and the URL resolver have set them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: "HttpRequest") -> "HttpResponseBase":
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


def logging_config(log_format: str, level: str) -> dict[str, Any]:
    """The LOGGING setting: today's plain lines on stderr, or JSON lines (with the request log at INFO)."""
    if log_format not in {"text", "json"}:
        raise ValueError(f"WIJKMARKT_LOG_FORMAT must be text or json, not {log_format!r}.")
    config: dict[str, Any] = {
        "version": 1,
        "disable_existing_loggers": False,
        "handlers": {"console": {"class": "logging.StreamHandler"}},
        "root": {"handlers": ["console"], "level": level},
    }
    if log_format == "json":
        config["formatters"] = {"json": {"()": f"{__name__}.JsonFormatter"}}
        config["handlers"]["console"]["formatter"] = "json"
        config["loggers"] = {REQUEST_LOGGER: {"level": "INFO"}}
    return config
