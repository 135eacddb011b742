"""The partner directory as a shared app: the covenant's partners are the city's, in the public schema."""

from django.apps import AppConfig


class PartnersConfig(AppConfig):
    name = "wijkmarkt.platform.partners"
    label = "partners"
    verbose_name = "Partnerorganisaties"
