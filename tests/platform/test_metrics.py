"""Prometheus metrics at /metrics: requests by route, method and status and their duration, the scheduled jobs' runs,
answered only to an allowed network and never through the proxy; a plain 404 for anyone else."""

from datetime import UTC, datetime, timedelta

import pytest
from django.test import Client

from tests.builders.clients import client_for
from wijkmarkt.platform.scheduler.models import JobRun, Outcome

CLUSTER = ["10.0.0.0/8", "127.0.0.0/8"]


def scrape(host: str = "10.1.2.3", **extra):
    """A scrape the way Prometheus makes it: by pod address, from inside the cluster unless REMOTE_ADDR says else."""
    return Client(HTTP_HOST=host).get("/metrics", **{"REMOTE_ADDR": "10.9.8.7", **extra})


def sample(text: str, name: str, **labels) -> float:
    wanted = ",".join(f'{key}="{value}"' for key, value in labels.items())
    for line in text.splitlines():
        if line.startswith(f"{name}{{") and all(f'{k}="{v}"' in line for k, v in labels.items()):
            return float(line.rsplit(" ", 1)[1])
    raise AssertionError(f"no {name}{{{wanted}}} in the metrics")


def test_requests_are_counted_by_route_and_status_with_their_duration(parkwijk, settings):
    settings.WIJKMARKT_METRICS_ALLOWED = CLUSTER
    before = scrape().content.decode()
    try:
        count_before = sample(before, "wijkmarkt_http_requests_total", route="-", method="GET", status="404")
    except AssertionError:
        count_before = 0.0

    client_for("bestaat-niet").get("/")
    client_for("bestaat-niet").get("/")
    response = scrape(host="wijkmarkt.example.nl")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert sample(text, "wijkmarkt_http_requests_total", route="-", method="GET", status="404") == count_before + 2
    assert sample(text, "wijkmarkt_http_request_duration_seconds_count", route="-") >= 2
    assert "wijkmarkt_http_request_duration_seconds_bucket" in text


def test_a_page_is_counted_under_its_url_pattern(parkwijk, settings):
    settings.WIJKMARKT_METRICS_ALLOWED = CLUSTER
    client_for("parkwijk").get("/account/inloggen/")

    text = scrape().content.decode()
    assert sample(text, "wijkmarkt_http_requests_total", route="account/inloggen/", method="GET", status="200") >= 1


@pytest.mark.parametrize(
    "allowed, extra",
    [
        ([], {}),  # the default: metrics are off
        (CLUSTER, {"REMOTE_ADDR": "203.0.113.9"}),  # from outside the allowed networks
        (CLUSTER, {"HTTP_X_FORWARDED_FOR": "203.0.113.9"}),  # through the Ingress or the reverse proxy
    ],
)
def test_anyone_else_gets_a_plain_404(settings, allowed, extra):
    settings.WIJKMARKT_METRICS_ALLOWED = allowed

    response = scrape(**extra)

    assert response.status_code == 404
    assert b"wijkmarkt_http" not in response.content


@pytest.mark.django_db
def test_job_runs_and_their_last_success_and_failure_come_from_the_scheduler_records(settings):
    settings.WIJKMARKT_METRICS_ALLOWED = CLUSTER
    day = datetime(2026, 12, 1, 3, 0, tzinfo=UTC)
    JobRun.objects.create(job="check_ledger", started_at=day, finished_at=day, outcome=Outcome.FINISHED)
    JobRun.objects.create(
        job="check_ledger", started_at=day, finished_at=day + timedelta(days=1), outcome=Outcome.FAILED
    )
    JobRun.objects.create(job="marketplace_tasks", started_at=day, outcome=Outcome.RUNNING)

    text = scrape().content.decode()

    assert sample(text, "wijkmarkt_job_runs", job="check_ledger", outcome="finished") == 1
    assert sample(text, "wijkmarkt_job_runs", job="check_ledger", outcome="failed") == 1
    assert sample(text, "wijkmarkt_job_runs", job="marketplace_tasks", outcome="running") == 1
    assert sample(text, "wijkmarkt_job_last_success_timestamp_seconds", job="check_ledger") == day.timestamp()
    failure = sample(text, "wijkmarkt_job_last_failure_timestamp_seconds", job="check_ledger")
    assert failure == (day + timedelta(days=1)).timestamp()
    assert 'wijkmarkt_job_last_success_timestamp_seconds{job="marketplace_tasks"}' not in text
