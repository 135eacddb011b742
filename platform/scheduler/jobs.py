"""The scheduled jobs and how one is run. The list is data in settings (WIJKMARKT_JOBS): a name, the management
command it calls, and when: daily at a local time ("at": "03:00") or every N minutes ("every_minutes": 5). The
platform calls the commands by name (call_command), so it names no wijk app.

A run takes a PostgreSQL advisory lock keyed by the job's name first: when another process (a second scheduler
replica, a CronJob) holds it, the run is skipped. A run is recorded in JobRun; a failure is logged at ERROR (the
alert: log shipping or Sentry picks it up) with the job's name and the error's class, nothing personal."""

import datetime
import hashlib
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from io import StringIO, TextIOBase
from typing import Any, cast

from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from wijkmarkt.platform.scheduler.models import JobRun, Outcome
from wijkmarkt.platform.wijken.connection import tenant_connection

logger = logging.getLogger("wijkmarkt.scheduler")


@dataclass(frozen=True)
class Job:
    name: str
    command: str
    at: datetime.time | None = None  # daily, local time
    every_minutes: int | None = None


def jobs() -> dict[str, Job]:
    found = {}
    # Settings are plain data: strings for "at", numbers for "every_minutes"; the checks below are the type.
    for spec in cast("list[Mapping[str, Any]]", settings.WIJKMARKT_JOBS):
        at = datetime.time.fromisoformat(spec["at"]) if "at" in spec else None
        every = int(spec["every_minutes"]) if "every_minutes" in spec else None
        if (at is None) == (every is None):
            raise ValueError(f"Job {spec['name']!r}: give either 'at' or 'every_minutes'.")
        found[spec["name"]] = Job(name=spec["name"], command=spec["command"], at=at, every_minutes=every)
    return found


def next_due(job: Job, after: datetime.datetime) -> datetime.datetime:
    """The first time strictly after `after` (aware) when the job is due. Daily jobs are due at their local time
    (settings.TIME_ZONE, through summer and winter time); every-N-minutes jobs on the multiples of N minutes since
    midnight UTC, so every replica agrees on the times."""
    if job.every_minutes is not None:
        step = job.every_minutes * 60
        seconds = int(after.timestamp()) // step * step + step
        return datetime.datetime.fromtimestamp(seconds, tz=datetime.UTC)
    assert job.at is not None
    local = timezone.localtime(after)
    day = local.date()
    while True:
        due = datetime.datetime.combine(day, job.at, tzinfo=local.tzinfo)
        if due > after:
            return due
        day += datetime.timedelta(days=1)


def lock_key(name: str) -> int:
    """A stable signed 64-bit advisory-lock key for the job's name (the same in every process and release)."""
    return int.from_bytes(hashlib.sha256(f"wijkmarkt.job:{name}".encode()).digest()[:8], "big", signed=True)


class Skipped(Exception):
    """The job is running elsewhere: its advisory lock is held."""


def run_job(job: Job, out: TextIOBase | None = None) -> JobRun:
    """Run the job once under its advisory lock and record it. Raises Skipped when the lock is held; returns the
    recorded run (failed or finished) otherwise. The command's output goes to `out`."""
    tenant_connection().set_schema_to_public()
    key = lock_key(job.name)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s)", [key])
        (locked,) = cursor.fetchone()
    if not locked:
        raise Skipped(job.name)
    try:
        run = JobRun.objects.create(job=job.name, started_at=timezone.now())
        try:
            call_command(job.command, stdout=out or StringIO(), stderr=out or StringIO())
        except Exception as error:  # recorded and alerted; the scheduler goes on with the next job
            tenant_connection().set_schema_to_public()
            run.outcome, run.error = Outcome.FAILED, type(error).__name__
            logger.error("Scheduled job %s failed (%s)", job.name, run.error)
        else:
            tenant_connection().set_schema_to_public()
            run.outcome = Outcome.FINISHED
        run.finished_at = timezone.now()
        run.save(update_fields=["outcome", "error", "finished_at"])
        return run
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock(%s)", [key])
