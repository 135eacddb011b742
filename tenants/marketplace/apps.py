from django.apps import AppConfig


class MarketplaceConfig(AppConfig):
    name = "wijkmarkt.tenants.marketplace"
    label = "marketplace"
    verbose_name = "Vraag en aanbod"
