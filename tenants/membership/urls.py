"""Addresses of the wijk site's own pages, in Dutch: the home page, signing up and joining, the house rules and the
neighbours."""

from django.urls import path

from wijkmarkt.tenants.membership import views

urlpatterns = [
    path("", views.home, name="wijk-home"),
    path("aanmelden/", views.sign_up, name="wijk-sign-up"),
    path("aanmelden/verstuurd/", views.sign_up_sent, name="wijk-sign-up-sent"),
    path("lid-worden/", views.join, name="wijk-join"),
    path("huisregels/", views.house_rules, name="wijk-house-rules"),
    path("buren/", views.neighbour_list, name="wijk-neighbours"),
    path("buren/<int:membership_id>/", views.neighbour_detail, name="wijk-neighbour"),
]
