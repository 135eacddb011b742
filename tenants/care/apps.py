from django.apps import AppConfig


class CareConfig(AppConfig):
    name = "wijkmarkt.tenants.care"
    label = "care"
    verbose_name = "Hulp bij het huishouden"
