from django.apps import AppConfig


class ConsoleConfig(AppConfig):
    name = "wijkmarkt.platform.console"
    label = "console"
    verbose_name = "Console voor coördinatoren"
