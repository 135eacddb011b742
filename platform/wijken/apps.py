from django.apps import AppConfig


class WijkenConfig(AppConfig):
    name = "wijkmarkt.platform.wijken"
    label = "wijken"
    verbose_name = "Wijken"
