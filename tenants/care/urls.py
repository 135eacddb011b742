"""Addresses of the household-help pages, in Dutch."""

from django.urls import path

from wijkmarkt.tenants.care import views

app_name = "care"

urlpatterns = [
    path("hulp-in-huis/", views.directory, name="directory"),
    path("hulp-in-huis/aanbieder/<int:provider_id>/", views.provider_detail, name="provider"),
    path("hulp-in-huis/aanbieder/<int:provider_id>/vragen/", views.send, name="send"),
    path("hulp-in-huis/verzoeken/", views.request_list, name="requests"),
    path("hulp-in-huis/verzoeken/<int:request_id>/", views.request_detail, name="request"),
    path("hulp-in-huis/verzoeken/<int:request_id>/intrekken/", views.withdraw, name="withdraw"),
    path("hulp-in-huis/verzoeken/<int:request_id>/beantwoorden/", views.answer, name="answer"),
]
