"""The citywide search as a shared app: its index is the one public table where the wijken's citywide items meet."""

from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "wijkmarkt.platform.search"
    label = "search"
    verbose_name = "Zoeken in heel Haarlem"
