from django.apps import AppConfig


class PlacesConfig(AppConfig):
    name = "wijkmarkt.tenants.places"
    label = "places"
    verbose_name = "Ontmoetingsplekken en loketten"
