"""`manage load_demo`: the demo city (tenants/demo/load.py), then the addresses and logins to try it with. Its
accounts share a known password, so it refuses to run in production."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from wijkmarkt.platform.wijken.hosts import portal_url, wijk_url
from wijkmarkt.platform.wijken.selectors import wijken_listed
from wijkmarkt.tenants.demo.load import DEMO_PASSWORD, load_demo


class Command(BaseCommand):
    help = "Provision the four demo wijken and one demo login per role (development only, idempotent)."

    def handle(self, *args, **options):
        if settings.PRODUCTION:
            raise CommandError("load_demo maakt accounts met een bekend wachtwoord en draait niet in productie.")
        logins = load_demo(progress=lambda message: self.stdout.write(f"    {message}"))
        self.stdout.write("")
        self.stdout.write(f"  Portaal:  {portal_url()}")
        for wijk in wijken_listed():
            self.stdout.write(f"  {wijk.name + ':':<17} {wijk_url(wijk)}  ({wijk.get_status_display()})")
        self.stdout.write(f"\n  Demo-logins (wachtwoord voor allemaal: {DEMO_PASSWORD}):")
        for email, role, where in logins:
            self.stdout.write(f"    {email:<34} {role} in {where}")
        self.stdout.write("")
