"""What an operator watches: one JSON log line per request, without personal data, with a request id that goes back
in the response; error reports through sentry-sdk only when SENTRY_DSN is set, and without personal data."""

import io
import json
import logging

import pytest
from django.conf import settings

from tests.builders.clients import client_for
from tests.builders.members import make_member
from tests.builders.processes import run_python
from wijkmarkt.platform.observability.errors import scrub
from wijkmarkt.platform.observability.logformat import REQUEST_LOGGER, JsonFormatter, logging_config

SETTINGS = {"DJANGO_SETTINGS_MODULE": "wijkmarkt.platform.config.settings", "WIJKMARKT_ENV": "test"}


@pytest.fixture
def request_log():
    """The request logger's lines, formatted as WIJKMARKT_LOG_FORMAT=json formats them."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    logger = logging.getLogger(REQUEST_LOGGER)
    level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    logger.removeHandler(handler)
    logger.setLevel(level)


def test_a_page_request_logs_one_line_with_schema_route_status_and_duration(parkwijk, request_log):
    anna = make_member(parkwijk, "Anna").user
    response = client_for("parkwijk", anna).get("/vraag-en-aanbod/")

    [line] = request_log()
    assert line["message"] == "request" and line["level"] == "INFO"
    assert line["schema"] == "parkwijk"
    assert line["route"] == "vraag-en-aanbod/"
    assert line["method"] == "GET" and line["status"] == response.status_code == 200
    assert isinstance(line["duration_ms"], float) and line["duration_ms"] >= 0
    assert line["request_id"] == response["X-Request-ID"]


def test_the_route_is_the_pattern_not_the_path_with_its_ids(parkwijk, request_log):
    client_for("parkwijk").get("/vraag-en-aanbod/987654/")

    [line] = request_log()
    assert "987654" not in json.dumps(line)
    assert line["route"] == "-" or "<" in line["route"]


def test_the_portal_and_an_unknown_host_are_logged_too(parkwijk, request_log):
    client_for(None).get("/")
    client_for("bestaat-niet").get("/")

    portal, unknown = request_log()
    assert portal["schema"] == "public" and portal["status"] == 200
    assert unknown["schema"] == "-" and unknown["route"] == "-" and unknown["status"] == 404


def test_no_e_mail_address_from_a_query_string_or_form_reaches_the_log(parkwijk, request_log):
    client = client_for("parkwijk", make_member(parkwijk, "Anna").user)
    client.get("/vraag-en-aanbod/", {"q": "jan.jansen@example.nl"})
    client.logout()
    client.post("/account/inloggen/", {"username": "jan.jansen@example.nl", "password": "geheim-wachtwoord"})

    lines = request_log()
    assert len(lines) == 2
    text = json.dumps(lines)
    assert "jan.jansen" not in text and "example.nl" not in text and "geheim" not in text
    assert lines[1]["method"] == "POST"


def test_a_sane_request_id_from_the_proxy_round_trips_and_anything_else_is_replaced(parkwijk, request_log):
    client = client_for("parkwijk")
    kept = client.get("/", HTTP_X_REQUEST_ID="f3b1c2d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d")
    replaced = client.get("/", HTTP_X_REQUEST_ID="jan@example.nl <script>")

    assert kept["X-Request-ID"] == "f3b1c2d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d"
    assert replaced["X-Request-ID"] != "jan@example.nl <script>"
    assert len(replaced["X-Request-ID"]) == 32
    assert [line["request_id"] for line in request_log()] == [kept["X-Request-ID"], replaced["X-Request-ID"]]


def test_the_formatter_leaves_out_objects_whose_text_would_carry_the_query_string():
    record = logging.makeLogRecord(
        {"name": "django.request", "msg": "Not Found: %s", "args": ("/x/",), "levelno": 30, "levelname": "WARNING"}
    )
    record.request = object()
    record.status_code = 404

    line = json.loads(JsonFormatter().format(record))
    assert line == {**line, "message": "Not Found: /x/", "status_code": 404, "logger": "django.request"}
    assert "request" not in line


def test_json_logs_are_switched_on_by_the_environment():
    code = "import django, logging; django.setup(); logging.getLogger('wijkmarkt.requests').info('hallo')"
    json_run = run_python(code, **SETTINGS, WIJKMARKT_LOG_FORMAT="json")
    text_run = run_python(code, **SETTINGS)

    [line] = [json.loads(text) for text in json_run.stderr.splitlines()]
    assert line["message"] == "hallo" and line["logger"] == "wijkmarkt.requests"
    assert text_run.stderr == ""  # today's plain format, quiet below WARNING


def test_an_unknown_log_format_is_a_start_up_error():
    result = run_python("import django; django.setup()", **SETTINGS, WIJKMARKT_LOG_FORMAT="xml")

    assert result.returncode != 0 and "WIJKMARKT_LOG_FORMAT must be text or json" in result.stderr


def test_error_reporting_starts_with_a_dsn_and_without_personal_data():
    code = (
        "import django, sentry_sdk; django.setup(); options = sentry_sdk.get_client().options; "
        "print(sentry_sdk.get_client().is_active(), options['send_default_pii'], options['environment'], "
        "options['max_request_body_size'], options['include_local_variables'], options['before_send'].__name__)"
    )
    with_dsn = run_python(code, **SETTINGS, SENTRY_DSN="https://public@glitchtip.example.nl/1")
    without = run_python(
        "import django, sentry_sdk; django.setup(); print(sentry_sdk.get_client().is_active())", **SETTINGS
    )

    assert with_dsn.stdout.split() == ["True", "False", "test", "never", "False", "scrub"], with_dsn.stderr
    assert without.stdout.split() == ["False"], without.stderr


def test_scrub_removes_bodies_cookies_query_strings_and_the_user():
    event = {
        "request": {
            "url": "https://parkwijk.example.nl/zoeken/?q=jan@example.nl",
            "query_string": "q=jan@example.nl",
            "data": {"email": "jan@example.nl"},
            "cookies": {"sessionid": "abc"},
            "headers": {"Cookie": "sessionid=abc", "User-Agent": "Firefox", "X-Forwarded-For": "203.0.113.9"},
        },
        "user": {"id": 7, "email": "jan@example.nl", "ip_address": "203.0.113.9"},
        "message": "boom",
    }

    cleaned = scrub(event)

    assert cleaned["request"] == {"url": "https://parkwijk.example.nl/zoeken/", "headers": {"User-Agent": "Firefox"}}
    assert "user" not in cleaned and cleaned["message"] == "boom"


@pytest.mark.parametrize("log_format", ["text", "json"])
def test_mail_queue_lines_naming_recipients_stay_out_even_at_info(log_format):
    """django-mailer writes the recipient's address in its INFO lines; an operator who turns LOG_LEVEL up to INFO
    must still not get e-mail addresses in the logs."""
    import logging.config

    stream = io.StringIO()
    config = logging_config(log_format, level="INFO")
    logging.config.dictConfig(config)
    handler = logging.StreamHandler(stream)
    logging.getLogger().addHandler(handler)
    try:
        logging.getLogger("mailer.engine").info("sending message 'Welkom' to ['els@example.nl']")
        logging.getLogger("mailer.engine").warning("message deferred")
    finally:
        logging.getLogger().removeHandler(handler)
        logging.config.dictConfig(settings.LOGGING)  # back to what the suite runs with
    assert "els@example.nl" not in stream.getvalue()
    assert "message deferred" in stream.getvalue()
