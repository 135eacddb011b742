"""The scheduled jobs (platform/scheduler): the list names real commands, run_job runs a job under its advisory lock
and records it, one failing wijk does not stop the others, a failed invariant check alerts, and the next due time."""

import datetime
import logging
from io import StringIO
from zoneinfo import ZoneInfo

import psycopg
import pytest
from django.conf import settings
from django.core.management import call_command, get_commands, load_command_class
from django.core.management.base import CommandError
from django.db import connection

from wijkmarkt.platform.scheduler.jobs import Job, jobs, lock_key, next_due
from wijkmarkt.platform.scheduler.models import JobRun, Outcome

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def test_every_job_names_a_command_that_exists():
    commands = get_commands()
    assert {"marketplace_tasks", "clearsessions", "purge_expired", "check_ledger", "check_search_index"} <= set(jobs())
    for job in jobs().values():
        assert job.command in commands, job.name
        load_command_class(commands[job.command], job.command)


def test_a_job_has_a_time_or_a_period(settings):
    settings.WIJKMARKT_JOBS = [{"name": "x", "command": "check_ledger"}]
    with pytest.raises(ValueError, match="'x'"):
        jobs()


@pytest.mark.parametrize(
    ("after", "due"),
    [
        (
            datetime.datetime(2026, 12, 7, 2, 59, tzinfo=AMSTERDAM),
            datetime.datetime(2026, 12, 7, 3, 0, tzinfo=AMSTERDAM),
        ),
        (
            datetime.datetime(2026, 12, 7, 3, 0, tzinfo=AMSTERDAM),
            datetime.datetime(2026, 12, 8, 3, 0, tzinfo=AMSTERDAM),
        ),
        (
            datetime.datetime(2026, 12, 7, 23, 0, tzinfo=datetime.UTC),
            datetime.datetime(2026, 12, 8, 3, 0, tzinfo=AMSTERDAM),
        ),
        # Summer time starts in the night of 28 to 29 March 2026: still 03:00 on the wall clock, an hour less apart.
        (
            datetime.datetime(2026, 3, 28, 3, 0, tzinfo=AMSTERDAM),
            datetime.datetime(2026, 3, 29, 3, 0, tzinfo=AMSTERDAM),
        ),
    ],
)
def test_a_daily_job_is_due_at_its_local_time(after, due):
    job = Job(name="daily", command="check_ledger", at=datetime.time(3, 0))
    assert next_due(job, after) == due
    assert next_due(job, after).utcoffset() == due.utcoffset()


def test_a_periodic_job_is_due_on_the_multiples_of_its_period():
    job = Job(name="often", command="check_ledger", every_minutes=5)
    after = datetime.datetime(2026, 12, 7, 10, 2, 30, tzinfo=datetime.UTC)
    assert next_due(job, after) == datetime.datetime(2026, 12, 7, 10, 5, tzinfo=datetime.UTC)
    assert next_due(job, next_due(job, after)) == datetime.datetime(2026, 12, 7, 10, 10, tzinfo=datetime.UTC)


def test_lock_keys_are_stable_and_distinct():
    assert lock_key("check_ledger") == lock_key("check_ledger")
    assert len({lock_key(name) for name in jobs()}) == len(jobs())
    assert all(-(2**63) <= lock_key(name) < 2**63 for name in jobs())


@pytest.mark.django_db
def test_run_job_runs_every_wijk_and_a_failing_wijk_does_not_stop_the_others(monkeypatch, parkwijk, centrum):
    from wijkmarkt.tenants.marketplace.management.commands import marketplace_tasks

    real = marketplace_tasks.expire_listings

    def expire_listings():
        if connection.schema_name == parkwijk.schema_name:
            raise RuntimeError("kapot")
        return real()

    monkeypatch.setattr(marketplace_tasks, "expire_listings", expire_listings)
    out = StringIO()
    with pytest.raises(CommandError, match="marketplace_tasks: mislukt \\(CommandError\\)"):
        call_command("run_job", "marketplace_tasks", stdout=out)
    assert f"{parkwijk.name}: mislukt (RuntimeError)" in out.getvalue()
    assert f"{centrum.name}: " in out.getvalue() and "afgerond" in out.getvalue()
    run = JobRun.objects.get(job="marketplace_tasks")
    assert (run.outcome, run.error) == (Outcome.FAILED, "CommandError")
    assert run.finished_at is not None


@pytest.mark.django_db
def test_a_job_that_works_is_recorded_finished(parkwijk):
    out = StringIO()
    call_command("run_job", "check_ledger", stdout=out)
    assert "check_ledger: klaar" in out.getvalue()
    run = JobRun.objects.get(job="check_ledger")
    assert (run.outcome, run.error) == (Outcome.FINISHED, "")


@pytest.mark.django_db
def test_a_job_running_elsewhere_is_skipped(monkeypatch):
    from wijkmarkt.platform.ledger.management.commands import check_ledger

    ran = []
    monkeypatch.setattr(check_ledger, "ledger_problems", lambda: ran.append(1) or [])
    # The same server, database and way in (TCP or the embedded database's socket) as Django's own connection.
    with psycopg.connect(**connection.get_connection_params()) as other:
        other.execute("SELECT pg_advisory_lock(%s)", [lock_key("check_ledger")])
        out = StringIO()
        call_command("run_job", "check_ledger", stdout=out)
    assert "skipped, running elsewhere" in out.getvalue()
    assert ran == []
    assert not JobRun.objects.filter(job="check_ledger").exists()
    call_command("run_job", "check_ledger", stdout=StringIO())  # the lock is free again once the other one is gone
    assert ran == [1]


@pytest.mark.django_db
def test_a_failed_invariant_check_logs_an_error_and_is_recorded_failed(monkeypatch, caplog):
    from wijkmarkt.platform.ledger.management.commands import check_ledger

    monkeypatch.setattr(check_ledger, "ledger_problems", lambda: ["rekening 7 staat onder nul"])
    with caplog.at_level(logging.ERROR, logger="wijkmarkt.scheduler"), pytest.raises(CommandError):
        call_command("run_job", "check_ledger", stdout=StringIO())
    [record] = [r for r in caplog.records if r.name == "wijkmarkt.scheduler"]
    assert record.levelno == logging.ERROR
    assert record.getMessage() == "Scheduled job check_ledger failed (CommandError)"
    assert "rekening 7" not in record.getMessage()
    assert JobRun.objects.get(job="check_ledger").outcome == Outcome.FAILED


@pytest.mark.django_db
def test_an_unknown_job_is_refused():
    with pytest.raises(CommandError, match="Onbekende taak 'nope'"):
        call_command("run_job", "nope")
    assert settings.WIJKMARKT_JOBS


def test_the_scheduler_runs_a_due_job_and_stops_on_sigterm(monkeypatch):
    import os
    import signal

    from wijkmarkt.platform.scheduler.management.commands import scheduler

    now = datetime.datetime.now(tz=datetime.UTC)
    dues = iter([now - datetime.timedelta(seconds=1)])
    monkeypatch.setattr(
        scheduler, "jobs", lambda: {"often": Job(name="often", command="check_ledger", every_minutes=1)}
    )
    monkeypatch.setattr(scheduler, "next_due", lambda job, after: next(dues, now + datetime.timedelta(hours=1)))
    monkeypatch.setattr(scheduler, "close_old_connections", lambda: None)
    ran = []

    def run_job(job, out):
        ran.append(job.name)
        os.kill(os.getpid(), signal.SIGTERM)  # the stop arrives while the job runs: it finishes, then the loop ends
        return JobRun(job=job.name, outcome=Outcome.FINISHED)

    monkeypatch.setattr(scheduler, "run_job", run_job)
    before = {number: signal.getsignal(number) for number in (signal.SIGTERM, signal.SIGINT)}
    out = StringIO()
    try:
        call_command("scheduler", stdout=out)
    finally:
        for number, handler in before.items():
            signal.signal(number, handler)
    assert ran == ["often"]
    assert out.getvalue().splitlines()[-3:] == ["often: begonnen", "often: klaar", "Gestopt."]
