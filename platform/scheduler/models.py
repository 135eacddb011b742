"""One row per run of a scheduled job (public schema): when it started and finished, and how it ended. A failure is
recorded by the error's class name only, never its message, which may name people."""

from django.db import models


class Outcome(models.TextChoices):
    RUNNING = "running", "bezig"
    FINISHED = "finished", "klaar"
    FAILED = "failed", "mislukt"


class JobRun(models.Model):
    job = models.CharField(max_length=64)
    started_at = models.DateTimeField()
    finished_at = models.DateTimeField(null=True, blank=True)
    outcome = models.CharField(max_length=8, choices=Outcome.choices, default=Outcome.RUNNING)
    error = models.CharField(max_length=100, blank=True)

    class Meta:
        indexes = [models.Index(fields=["job", "-started_at"], name="scheduler_jobrun_job_started")]

    def __str__(self) -> str:
        return f"{self.job} {self.started_at:%Y-%m-%d %H:%M} {self.outcome}"
