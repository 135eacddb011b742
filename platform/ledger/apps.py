from django.apps import AppConfig


class LedgerConfig(AppConfig):
    name = "wijkmarkt.platform.ledger"
    label = "ledger"
    verbose_name = "Puntenboekhouding"
