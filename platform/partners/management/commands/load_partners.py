"""`manage load_partners`: the covenant's partner organisations, in every environment (the launcher's set-up runs it
after migrating). Idempotent: only missing partners are added, existing ones are left as edited."""

from django.core.management.base import BaseCommand

from wijkmarkt.platform.partners.actions import load_covenant_partners
from wijkmarkt.platform.partners.covenant import COVENANT_PARTNERS


class Command(BaseCommand):
    help = "Laad de 18 convenantpartners (alleen wie er nog niet is)."

    def handle(self, *args, **options):
        added = load_covenant_partners()
        self.stdout.write(f"{added} partners toegevoegd, {len(COVENANT_PARTNERS) - added} waren er al.")
