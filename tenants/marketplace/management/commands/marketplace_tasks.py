"""Daily housekeeping for every wijk: expiry reminders, expiry, and exchanges done without objection.
A wijk that fails is reported (the error's class, nothing personal) and the others are still done; the command then
exits non-zero. Scheduled as the job marketplace_tasks (settings.WIJKMARKT_JOBS, platform/scheduler)."""

from django.core.management.base import BaseCommand, CommandError
from django_tenants.utils import tenant_context

from wijkmarkt.platform.accounts.permissions import wijk_paused
from wijkmarkt.platform.wijken.selectors import wijken_listed
from wijkmarkt.tenants.marketplace.actions.exchanges import complete_unopposed_exchanges
from wijkmarkt.tenants.marketplace.actions.listings import expire_listings


class Command(BaseCommand):
    help = "Send expiry reminders, expire listings and complete unopposed exchanges in every wijk."

    def handle(self, *args, **options):
        failed = []
        for wijk in wijken_listed():
            # A paused wijk changes nothing, the timed writes included: its residents cannot renew a listing or
            # object to "done" while it is paused (permissions.require_writes_open), so nothing may expire or be
            # completed for lack of an answer they could not give. The clock resumes when the wijk does.
            if wijk_paused(wijk):
                self.stdout.write(f"{wijk.name}: gepauzeerd, niets gedaan")
                continue
            try:
                with tenant_context(wijk):
                    reminded, expired = expire_listings()
                    completed = complete_unopposed_exchanges(wijk=wijk)
            except Exception as error:  # one wijk's fault must not keep the others' listings from expiring
                failed.append(wijk.name)
                self.stderr.write(f"{wijk.name}: mislukt ({type(error).__name__})")
                continue
            self.stdout.write(f"{wijk.name}: {reminded} herinneringen, {expired} verlopen, {completed} afgerond")
        if failed:
            raise CommandError(f"Niet gelukt voor: {', '.join(failed)}")
