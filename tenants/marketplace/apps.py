"""The marketplace as a wijk app: profiles, listings, exchanges, swaps and moderation have tables in every wijk
schema."""

from django.apps import AppConfig


class MarketplaceConfig(AppConfig):
    name = "wijkmarkt.tenants.marketplace"
    label = "marketplace"
    verbose_name = "Vraag en aanbod"
