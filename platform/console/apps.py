"""The coordinators' console as a shared app: its audit log is in the public schema, beside the wijken it is about."""

from django.apps import AppConfig


class ConsoleConfig(AppConfig):
    name = "wijkmarkt.platform.console"
    label = "console"
    verbose_name = "Console voor coördinatoren"
