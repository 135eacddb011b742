"""`manage scheduler`: the one long-running process that runs the jobs of WIJKMARKT_JOBS when they are due. It
sleeps until the next due job, runs it under its advisory lock (so a second replica skips it) and stops cleanly on
SIGTERM or SIGINT, after the job it is running."""

import logging
import signal
import threading

from django.core.management.base import BaseCommand
from django.db import close_old_connections
from django.utils import timezone

from wijkmarkt.platform.scheduler.jobs import Skipped, jobs, next_due, run_job

logger = logging.getLogger("wijkmarkt.scheduler")


class Command(BaseCommand):
    help = "Voer de geplande taken uit wanneer ze aan de beurt zijn, tot SIGTERM."

    def handle(self, *args, **options):
        stop = threading.Event()
        for number in (signal.SIGTERM, signal.SIGINT):
            signal.signal(number, lambda *_: stop.set())
        schedule = jobs()
        now = timezone.now()
        due = {name: next_due(job, now) for name, job in schedule.items()}
        for name, at in sorted(due.items(), key=lambda item: item[1]):
            self.stdout.write(f"{name}: volgende keer {timezone.localtime(at):%Y-%m-%d %H:%M}")
        while not stop.is_set():
            first = min(due.values())
            if stop.wait(max(0.0, (first - timezone.now()).total_seconds())):
                break
            for name, at in sorted(due.items(), key=lambda item: item[1]):
                if stop.is_set() or at > timezone.now():
                    continue
                close_old_connections()
                self.stdout.write(f"{name}: begonnen")
                try:
                    run = run_job(schedule[name], out=self.stdout)
                except Skipped:
                    self.stdout.write(f"{name}: overgeslagen, draait al elders")
                except Exception as error:  # the database away for a moment: alert, and try at the next due time
                    logger.error("Scheduled job %s could not start (%s)", name, type(error).__name__)
                else:
                    self.stdout.write(f"{name}: {run.get_outcome_display()}")
                due[name] = next_due(schedule[name], timezone.now())
        self.stdout.write("Gestopt.")
