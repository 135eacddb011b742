"""The LOGGING setting: today's plain lines, or with WIJKMARKT_LOG_FORMAT=json one JSON object a line for a log
shipper. Only the standard library: the settings import this module before Django is set up."""

import json
import logging
from datetime import UTC, datetime
from typing import Any

REQUEST_LOGGER = "wijkmarkt.requests"

# A LogRecord's own attributes; anything else on a record was passed as `extra`.
_RECORD_ATTRIBUTES = frozenset(vars(logging.makeLogRecord({}))) | {"message", "asctime"}
_PLAIN_TYPES = (str, int, float, bool, type(None))


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


def logging_config(log_format: str, level: str) -> dict[str, Any]:
    """The LOGGING setting: today's plain lines on stderr, or JSON lines (with the request log at INFO)."""
    if log_format not in {"text", "json"}:
        raise ValueError(f"WIJKMARKT_LOG_FORMAT must be text or json, not {log_format!r}.")
    config: dict[str, Any] = {
        "version": 1,
        "disable_existing_loggers": False,
        "handlers": {"console": {"class": "logging.StreamHandler"}},
        "root": {"handlers": ["console"], "level": level},
        # django-mailer names the recipient in its INFO lines (sending, deferring): never below WARNING, whatever
        # LOG_LEVEL says, so the logs hold no e-mail addresses.
        "loggers": {"mailer": {"level": "WARNING"}},
    }
    if log_format == "json":
        config["formatters"] = {"json": {"()": f"{__name__}.JsonFormatter"}}
        config["handlers"]["console"]["formatter"] = "json"
        config["loggers"][REQUEST_LOGGER] = {"level": "INFO"}
    return config
