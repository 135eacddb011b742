"""Addresses of "In de wijk", in Dutch."""

from django.urls import path

from wijkmarkt.tenants.places import views

app_name = "places"

urlpatterns = [
    path("in-de-wijk/", views.in_de_wijk, name="in-de-wijk"),
    path("in-de-wijk/plekken/", views.manage, name="manage"),
    path("in-de-wijk/plekken/nieuw/", views.add, name="add"),
    path("in-de-wijk/plekken/<int:place_id>/", views.change, name="change"),
    path("in-de-wijk/plekken/<int:place_id>/verwijderen/", views.remove, name="remove"),
]
