"""The wijk registry as a shared app: the wijken (django-tenants' tenants) and their domains, in the public schema."""

from django.apps import AppConfig


class WijkenConfig(AppConfig):
    name = "wijkmarkt.platform.wijken"
    label = "wijken"
    verbose_name = "Wijken"
