"""URLs that the portal and every wijk site share: accounts, language switch, GraphQL, citywide search."""

from django.urls import include, path
from django.views.i18n import set_language

from wijkmarkt.graphql.core.views import graphql_view
from wijkmarkt.themes.views import theme_css

urlpatterns = [
    path("account/", include("wijkmarkt.platform.accounts.urls")),
    path("taal/", set_language, name="set_language"),
    path("graphql", graphql_view, name="graphql"),
    path("zoeken-in-haarlem/", include("wijkmarkt.platform.search.urls")),
    path("thema.css", theme_css, name="theme-css"),
]
