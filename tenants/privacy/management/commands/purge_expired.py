"""Daily: delete what is kept past its retention (tenants/privacy/retention.py), the log-in attempt log once and
what each wijk app purges (the makelaar's closed work) in every wijk, each wijk in its own schema and transaction.
A wijk that fails is reported and the others are still purged; the command then exits non-zero. Run from cron or a
systemd timer: ./wijkmarkt manage purge_expired"""

from django.core.management.base import BaseCommand, CommandError
from django_tenants.utils import tenant_context

from wijkmarkt.platform.wijken.selectors import wijken_listed
from wijkmarkt.tenants.privacy.retention import login_log_cutoff, purge_login_log, purge_wijk


class Command(BaseCommand):
    help = "Delete log-in attempts and the makelaar's closed signals and cases that are past their retention."

    def handle(self, *args, **options):
        failed = []
        try:
            removed = purge_login_log()
        except Exception as error:  # reported; the wijken must still be purged
            failed.append("inlogpogingen")
            self.stderr.write(f"Inlogpogingen: mislukt ({error!r})")
        else:
            self.stdout.write(f"Inlogpogingen van vóór {login_log_cutoff():%d-%m-%Y}: {removed} verwijderd")
        # Paused and ended wijken too: keeping data past its retention is not suspended by a pause.
        for wijk in wijken_listed():
            try:
                with tenant_context(wijk):
                    lines = purge_wijk(wijk)
            except Exception as error:  # one wijk's fault must not keep the others' data
                failed.append(wijk.name)
                self.stderr.write(f"{wijk.name}: mislukt ({error!r})")
                continue
            for line in lines:
                self.stdout.write(f"{wijk.name}: {line}")
        if failed:
            raise CommandError(f"Niet gelukt voor: {', '.join(failed)}")
