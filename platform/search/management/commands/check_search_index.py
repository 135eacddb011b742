"""Report index rows that disagree with their source, per wijk. Exits with status 1 when there are any, so CI and
cron can alert on it; `rebuild_search_index` repairs them."""

from django.core.management.base import BaseCommand, CommandError
from django_tenants.utils import tenant_context

from wijkmarkt.platform.search.selectors import disagreements
from wijkmarkt.platform.wijken.selectors import wijken_listed

PROBLEMS = {
    "missing": "staat niet in de index",
    "stale": "staat er met oude tekst in",
    "not citywide": "staat erin maar is niet (meer) voor heel Haarlem",
}


class Command(BaseCommand):
    help = "Controleert of de zoekindex van heel Haarlem klopt met de wijken."

    def handle(self, *args, **options):
        count = 0
        for wijk in wijken_listed():
            with tenant_context(wijk):
                found = disagreements()
            for item in found:
                self.stdout.write(f"{wijk.name}: {item.kind} {item.object_id} {PROBLEMS[item.problem]}")
            count += len(found)
        if count:
            raise CommandError(f"{count} zoekregel(s) kloppen niet. Herstel: manage rebuild_search_index")
        self.stdout.write(self.style.SUCCESS("De zoekindex klopt met alle wijken."))
