"""Rebuild the citywide search index from every wijk's sources, with progress. Safe while the site serves: rows
are replaced in place, batch by batch, and rows of items that are gone are removed last."""

from django.core.management.base import BaseCommand
from django_tenants.utils import tenant_context

from wijkmarkt.platform.search.actions import rebuild_wijk
from wijkmarkt.platform.search.sources import sources
from wijkmarkt.platform.wijken.selectors import wijken_listed


class Command(BaseCommand):
    help = "Bouwt de zoekindex van heel Haarlem opnieuw op (veilig terwijl de site draait)."

    def handle(self, *args, **options):
        wijken = list(wijken_listed())
        total = 0
        for number, wijk in enumerate(wijken, start=1):
            with tenant_context(wijk):
                for kind in sources():

                    def progress(done, wijk=wijk, kind=kind, number=number):
                        self.stdout.write(f"\r[{number}/{len(wijken)}] {wijk.name}, {kind}: {done}", ending="")
                        self.stdout.flush()

                    progress(0)
                    total += rebuild_wijk(kind, progress)
                    self.stdout.write("")
        self.stdout.write(self.style.SUCCESS(f"Klaar: {total} items in de zoekindex, {len(wijken)} wijken."))
