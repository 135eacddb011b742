"""`manage provision_wijk`: create a wijk or bring an existing one up to date, through the same action as the
console (actions.provision_wijk). Bad input changes nothing and says which field was wrong."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from wijkmarkt.platform.wijken.actions import provision_wijk
from wijkmarkt.platform.wijken.models import WijkStatus


class Command(BaseCommand):
    help = "Create a wijk (schema cloned from the template) or bring an existing one up to date. Idempotent."

    def add_arguments(self, parser):
        parser.add_argument("slug", help="short name: schema and first label of the domain, e.g. parkwijk")
        parser.add_argument("name", help="display name, e.g. Parkwijk")
        parser.add_argument("--status", choices=WijkStatus.values, default=WijkStatus.PLANNED)
        parser.add_argument("--domain", help="default: <slug>.<WIJKMARKT_BASE_DOMAIN>")
        parser.add_argument("--area", action="append", default=[], dest="areas", help="a buurt it covers; repeat")

    def handle(self, *args, slug, name, status, domain, areas, **options):
        try:
            result = provision_wijk(
                slug=slug,
                name=name,
                status=WijkStatus(status),
                domain=domain,
                areas=areas,
                progress=lambda message: self.stdout.write(f"  {message}"),
            )
        except ValidationError as error:
            messages = [
                f"{field}: {' '.join(m for e in errs for m in e.messages)}" for field, errs in error.error_dict.items()
            ]
            raise CommandError("Niets veranderd. " + "; ".join(messages)) from None
        verb = "aangemaakt" if result.created else "bijgewerkt"
        self.stdout.write(self.style.SUCCESS(f"{result.wijk.name} ({result.wijk.slug}) {verb}."))
