"""Error reports through sentry-sdk when SENTRY_DSN is set: Sentry, or a self-hosted GlitchTip (same protocol).
No personal data leaves: send_default_pii is off, request bodies are never attached, and `scrub` removes what an
integration might still add (cookies, query string, identifying headers, the user). Frames carry no local variables:
they could hold a form's values."""

from typing import Any

_REQUEST_KEYS_DROPPED = ("data", "cookies", "query_string", "env")
_HEADERS_DROPPED = frozenset({"cookie", "authorization", "x-forwarded-for", "x-real-ip", "referer"})


def scrub(event: dict[str, Any], hint: dict[str, Any] | None = None) -> dict[str, Any]:
    request = event.get("request")
    if isinstance(request, dict):
        for key in _REQUEST_KEYS_DROPPED:
            request.pop(key, None)
        if isinstance(request.get("url"), str):
            request["url"] = request["url"].split("?", 1)[0]
        headers = request.get("headers")
        if isinstance(headers, dict):
            request["headers"] = {k: v for k, v in headers.items() if k.lower() not in _HEADERS_DROPPED}
    event.pop("user", None)
    return event


def init_error_reporting(dsn: str, environment: str) -> None:
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        integrations=[DjangoIntegration()],
        send_default_pii=False,
        max_request_body_size="never",
        include_local_variables=False,
        before_send=scrub,  # type: ignore[arg-type]
        traces_sample_rate=0.0,
    )
