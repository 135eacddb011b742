from django.apps import AppConfig


class PartnersConfig(AppConfig):
    name = "wijkmarkt.platform.partners"
    label = "partners"
    verbose_name = "Partnerorganisaties"
