"""The console's addresses, included only in the portal's URL configuration (platform/config/urls_portal.py)."""

from django.urls import path

from wijkmarkt.platform.console import views

app_name = "console"

urlpatterns = [
    path("", views.home, name="home"),
    path("wijk/<slug:slug>/", views.wijk_detail, name="wijk"),
    path("wijk/<slug:slug>/status/", views.wijk_status, name="wijk-status"),
    path("wijk/<slug:slug>/uiterlijk/", views.wijk_branding, name="wijk-branding"),
    path("wijk/<slug:slug>/regels/", views.wijk_rules, name="wijk-rules"),
    path("wijk/<slug:slug>/partners/", views.wijk_link_partner, name="wijk-link-partner"),
    path(
        "wijk/<slug:slug>/partners/<slug:partner_slug>/loskoppelen/",
        views.wijk_unlink_partner,
        name="wijk-unlink-partner",
    ),
    path("nieuwe-wijk/", views.provision, name="provision"),
    path("coordinatoren/", views.coordinators_page, name="coordinators"),
    path("partners/", views.partners_page, name="partners"),
    path("logboek/", views.audit_log, name="audit"),
    path("cijfers/", views.evaluation, name="evaluation"),
    path("cijfers.csv", views.evaluation_csv, name="evaluation-csv"),
]
