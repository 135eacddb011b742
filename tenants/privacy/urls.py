"""Addresses of Mijn gegevens (download and erasure) and the makelaar's privacy log, in Dutch."""

from django.urls import path

from wijkmarkt.tenants.privacy import views

app_name = "privacy"

urlpatterns = [
    path("mijn-gegevens/", views.my_data, name="mine"),
    path("mijn-gegevens/download/", views.download, name="download"),
    path("mijn-gegevens/verwijderen/", views.erase, name="erase"),
    path("mijn-gegevens/logboek/", views.request_log, name="log"),
]
