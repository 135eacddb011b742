"""Marketplace data for one wijk: a large set for benchmarks, or (--demo) the demo that load_demo also loads.

  ./wijkmarkt manage generate_marketplace_data --wijk centrum --listings 100000 --members 10000 --seed 1
  ./wijkmarkt manage generate_marketplace_data --wijk parkwijk --demo

Development and benchmarks only: refuses to run in production."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django_tenants.utils import tenant_context

from wijkmarkt.platform.wijken.models import Wijk
from wijkmarkt.tenants.demo.load import demo_logins
from wijkmarkt.tenants.demo.marketplace.bulk import AlreadyGenerated, generate_bulk
from wijkmarkt.tenants.demo.marketplace.draw import BOTH
from wijkmarkt.tenants.demo.marketplace.seed import seed_demo_marketplace


class Command(BaseCommand):
    help = "Generate marketplace data for one wijk: many listings for benchmarks, or --demo for the demo set."

    def add_arguments(self, parser):
        parser.add_argument("--wijk", required=True, help="slug of the wijk, e.g. centrum")
        parser.add_argument("--listings", type=int, default=100_000, help="number of listings (default 100000)")
        parser.add_argument("--members", type=int, help="number of new members (default: listings / 4)")
        parser.add_argument("--seed", type=int, default=1, help="the same seed gives the same data")
        parser.add_argument(
            "--open-share",
            type=float,
            default=0.25,
            help="share of listings still open or in contact; the rest is a year of history",
        )
        parser.add_argument(
            "--both-share", type=float, default=BOTH, help=f"share of members who both ask and offer (default {BOTH})"
        )
        parser.add_argument(
            "--demo",
            action="store_true",
            help="load the demo set for this wijk through the actions instead (as load_demo does)",
        )

    def handle(self, *args, **options):
        if settings.PRODUCTION:
            raise CommandError("generate_marketplace_data maakt nepgegevens en draait niet in productie.")
        wijk = Wijk.objects.filter(schema_name=options["wijk"], is_template=False).first()
        if wijk is None:
            raise CommandError(f"Onbekende wijk {options['wijk']!r}.")

        def progress(message: str) -> None:
            self.stdout.write(message)
            self.stdout.flush()

        with tenant_context(wijk):
            if options["demo"]:
                summary = seed_demo_marketplace(wijk=wijk, logins=demo_logins(), progress=progress)
                if summary is None:
                    progress(f"{wijk.name} heeft de demo al (of er is geen demo voor deze wijk).")
                return
            listings, members = options["listings"], options["members"] or max(10, options["listings"] // 4)
            if (
                listings < 1
                or members < 1
                or not 0 <= options["open_share"] <= 1
                or not 0 <= options["both_share"] <= 1
            ):
                raise CommandError(
                    "--listings en --members zijn minstens 1; --open-share en --both-share tussen 0 en 1."
                )
            try:
                summary = generate_bulk(
                    wijk=wijk,
                    listings=listings,
                    members=members,
                    seed=options["seed"],
                    open_share=options["open_share"],
                    both=options["both_share"],
                    progress=progress,
                )
            except AlreadyGenerated as error:
                raise CommandError(str(error)) from None
        progress(
            f"Klaar: {summary.members:,} leden, {summary.listings:,} vragen en aanbiedingen "
            f"({summary.active:,} open) in {wijk.name}, {summary.seconds:.1f} s."
        )
