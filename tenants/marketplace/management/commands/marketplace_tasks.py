"""Daily housekeeping for every wijk: expiry reminders, expiry, and exchanges done without objection.
Run from cron or a systemd timer: ./wijkmarkt manage marketplace_tasks"""

from django.core.management.base import BaseCommand
from django_tenants.utils import tenant_context

from wijkmarkt.platform.accounts.permissions import wijk_paused
from wijkmarkt.platform.wijken.selectors import wijken_listed
from wijkmarkt.tenants.marketplace.actions.exchanges import complete_unopposed_exchanges
from wijkmarkt.tenants.marketplace.actions.listings import expire_listings


class Command(BaseCommand):
    help = "Send expiry reminders, expire listings and complete unopposed exchanges in every wijk."

    def handle(self, *args, **options):
        for wijk in wijken_listed():
            # A paused wijk changes nothing, the timed writes included: its residents cannot renew a listing or
            # object to "done" while it is paused (permissions.require_writes_open), so nothing may expire or be
            # completed for lack of an answer they could not give. The clock resumes when the wijk does.
            if wijk_paused(wijk):
                self.stdout.write(f"{wijk.name}: gepauzeerd, niets gedaan")
                continue
            with tenant_context(wijk):
                reminded, expired = expire_listings()
                completed = complete_unopposed_exchanges(wijk=wijk)
            self.stdout.write(f"{wijk.name}: {reminded} herinneringen, {expired} verlopen, {completed} afgerond")
