from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "wijkmarkt.platform.search"
    label = "search"
    verbose_name = "Zoeken in heel Haarlem"
