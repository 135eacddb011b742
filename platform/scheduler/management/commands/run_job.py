"""`manage run_job <name>`: run one scheduled job once, under the same advisory lock as the scheduler (what a
Kubernetes CronJob calls). Skipped, with exit code 0, when the job is running elsewhere; exit code 1 when it fails."""

from django.core.management.base import BaseCommand, CommandError

from wijkmarkt.platform.scheduler.jobs import Skipped, jobs, run_job
from wijkmarkt.platform.scheduler.models import Outcome


class Command(BaseCommand):
    help = "Voer één geplande taak nu uit (WIJKMARKT_JOBS), niet als die al elders draait."

    def add_arguments(self, parser):
        parser.add_argument("name", help="de naam van de taak in WIJKMARKT_JOBS")

    def handle(self, *args, name, **options):
        known = jobs()
        if name not in known:
            raise CommandError(f"Onbekende taak {name!r}; bekend: {', '.join(known)}")
        try:
            run = run_job(known[name], out=self.stdout)
        except Skipped:
            self.stdout.write(f"{name}: skipped, running elsewhere (overgeslagen, draait al elders)")
            return
        if run.outcome == Outcome.FAILED:
            raise CommandError(f"{name}: mislukt ({run.error})")
        self.stdout.write(f"{name}: klaar")
