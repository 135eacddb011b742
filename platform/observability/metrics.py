"""Prometheus metrics at /metrics, answered only to an address in WIJKMARKT_METRICS_ALLOWED (the cluster's or the
monitoring host's networks) and only when no proxy forwarded the request: through the Ingress or the reverse proxy
the peer is a cluster address too, so a request carrying X-Forwarded-For is refused. Anyone else gets a plain 404.

The figures are this process's: requests by route (the URL pattern, so ids do not multiply the series), method and
status, and their duration. A wijk is deliberately not a label: a city has hundreds. The scheduled jobs' figures come
from the scheduler's JobRun rows at each scrape, so they are the city's, whichever process is scraped: runs by job and
outcome, and each job's last success and last failure (alert when the failure is the later one)."""

import logging
from collections.abc import Iterator
from ipaddress import ip_address, ip_network

from django.conf import settings
from django.db import DatabaseError
from django.db.models import Count, Max, Q
from django.http import HttpRequest, HttpResponse, HttpResponseBase, HttpResponseNotFound
from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, Counter, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.registry import Collector

from wijkmarkt.platform.scheduler.models import JobRun, Outcome
from wijkmarkt.platform.wijken.connection import tenant_connection

logger = logging.getLogger(__name__)

METRICS_PATH = "/metrics"

REQUESTS = Counter("wijkmarkt_http_requests", "HTTP requests answered", ["route", "method", "status"])
LATENCY = Histogram(
    "wijkmarkt_http_request_duration_seconds",
    "Time to answer an HTTP request",
    ["route"],
    buckets=(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
)


def _job_families() -> tuple[GaugeMetricFamily, GaugeMetricFamily, GaugeMetricFamily]:
    runs = GaugeMetricFamily("wijkmarkt_job_runs", "Recorded runs of a scheduled job", labels=["job", "outcome"])
    success = GaugeMetricFamily(
        "wijkmarkt_job_last_success_timestamp_seconds", "When a scheduled job last finished", labels=["job"]
    )
    failure = GaugeMetricFamily(
        "wijkmarkt_job_last_failure_timestamp_seconds", "When a scheduled job last failed", labels=["job"]
    )
    return runs, success, failure


class JobRunCollector(Collector):
    def describe(self) -> Iterator[Metric]:
        # Registering asks for the metric names; without describe() the registry would call collect(), which reads
        # the database, when this module is imported (at start-up, before any database may be there).
        yield from _job_families()

    def collect(self) -> Iterator[Metric]:
        runs, success, failure = _job_families()
        try:
            tenant_connection().set_schema_to_public()
            counts = list(JobRun.objects.values("job", "outcome").annotate(runs=Count("id")))
            latest = list(
                JobRun.objects.values("job").annotate(
                    success=Max("finished_at", filter=Q(outcome=Outcome.FINISHED)),
                    failure=Max("finished_at", filter=Q(outcome=Outcome.FAILED)),
                )
            )
        except DatabaseError:
            logger.warning("job metrics left out: the database did not answer")
            return
        for count in counts:
            runs.add_metric([count["job"], count["outcome"]], count["runs"])
        for job in latest:
            if job["success"] is not None:
                success.add_metric([job["job"]], job["success"].timestamp())
            if job["failure"] is not None:
                failure.add_metric([job["job"]], job["failure"].timestamp())
        yield from (runs, success, failure)


REGISTRY.register(JobRunCollector())


def observe_request(route: str, method: str, status: int, seconds: float) -> None:
    REQUESTS.labels(route=route, method=method, status=str(status)).inc()
    LATENCY.labels(route=route).observe(seconds)


def may_scrape(request: HttpRequest) -> bool:
    if "x-forwarded-for" in request.headers:
        return False
    try:
        peer = ip_address(request.META.get("REMOTE_ADDR", ""))
    except ValueError:
        return False
    return any(peer in ip_network(network, strict=False) for network in settings.WIJKMARKT_METRICS_ALLOWED)


class MetricsMiddleware:
    """Before the wijk middleware, so a scrape by pod address works on any Host, and before the request log."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if request.path != METRICS_PATH:
            return self.get_response(request)
        if not may_scrape(request):
            return HttpResponseNotFound()
        return HttpResponse(generate_latest(REGISTRY), content_type=CONTENT_TYPE_LATEST)
