"""The point ledger as a shared app: its accounts and transfers are in the public schema, so points move between
wijken."""

from django.apps import AppConfig


class LedgerConfig(AppConfig):
    name = "wijkmarkt.platform.ledger"
    label = "ledger"
    verbose_name = "Puntenboekhouding"
