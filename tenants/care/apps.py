"""Household help as a wijk app: its providers, requests and support plans have tables in every wijk schema."""

from django.apps import AppConfig


class CareConfig(AppConfig):
    name = "wijkmarkt.tenants.care"
    label = "care"
    verbose_name = "Hulp bij het huishouden"
