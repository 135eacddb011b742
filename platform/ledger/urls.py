"""Addresses of "Mijn punten" on a wijk's site, in Dutch."""

from django.urls import path

from wijkmarkt.platform.ledger import views

app_name = "ledger"

urlpatterns = [
    path("punten/", views.my_points, name="points"),
    path("punten/geven/", views.give, name="give"),
]
