"""The address of Zoeken in heel Haarlem, the same on the portal and on every wijk site (/zoeken-in-haarlem/)."""

from django.urls import path

from wijkmarkt.platform.search import views

app_name = "search"

urlpatterns = [path("", views.search_page, name="search")]
