"""Meeting places and counters as a wijk app: each wijk keeps its own, in its own schema."""

from django.apps import AppConfig


class PlacesConfig(AppConfig):
    name = "wijkmarkt.tenants.places"
    label = "places"
    verbose_name = "Ontmoetingsplekken en loketten"
