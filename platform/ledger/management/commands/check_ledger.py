"""`manage check_ledger`: the point ledger's invariants (sum of all accounts zero, no member below zero, every
transfer balanced, every balance equal to its entries). Exit code 1 with what is wrong, so CI and cron notice."""

from django.core.management.base import BaseCommand, CommandError

from wijkmarkt.platform.ledger.models import Account, Transfer
from wijkmarkt.platform.ledger.selectors import ledger_problems


class Command(BaseCommand):
    help = "Controleer de puntenboekhouding: alles in evenwicht, niemand onder nul."

    def handle(self, *args, **options):
        problems = ledger_problems()
        if problems:
            raise CommandError("De puntenboekhouding klopt niet:\n" + "\n".join(f"- {p}" for p in problems))
        self.stdout.write(
            f"De puntenboekhouding klopt: {Transfer.objects.count()} overboekingen, {Account.objects.count()} rekeningen."
        )
