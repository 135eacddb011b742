"""The scheduled work: the jobs of settings.WIJKMARKT_JOBS, run by one scheduler process or by CronJobs, each run
under a PostgreSQL advisory lock and recorded in the public schema (JobRun)."""

from django.apps import AppConfig


class SchedulerConfig(AppConfig):
    name = "wijkmarkt.platform.scheduler"
    label = "scheduler"
    verbose_name = "Geplande taken"
