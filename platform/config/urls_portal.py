"""URLs of the portal (the public schema: localhost or the base domain)."""

from django.urls import include, path

from wijkmarkt.platform.wijken import views as wijken_views

urlpatterns = [
    path("", wijken_views.portal_home, name="portal-home"),
    path("console/", include("wijkmarkt.platform.console.urls")),
    path("", include("wijkmarkt.platform.config.urls_common")),
]
