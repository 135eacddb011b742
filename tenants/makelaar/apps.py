"""The sociaal makelaar's work as a wijk app: offline residents, cases and signals have tables in every wijk schema."""

from django.apps import AppConfig


class MakelaarConfig(AppConfig):
    name = "wijkmarkt.tenants.makelaar"
    label = "makelaar"
    verbose_name = "Werk van de sociaal makelaar"
