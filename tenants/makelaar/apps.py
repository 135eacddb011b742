from django.apps import AppConfig


class MakelaarConfig(AppConfig):
    name = "wijkmarkt.tenants.makelaar"
    label = "makelaar"
    verbose_name = "Werk van de sociaal makelaar"
