"""URLs that the portal and every wijk site share: accounts, language switch, GraphQL, citywide search."""

from csp.decorators import csp_update
from django.conf import settings
from django.urls import include, path
from django.views.i18n import set_language

from wijkmarkt.graphql.core.views import graphql_view
from wijkmarkt.themes.views import theme_css

# GraphiQL, served by this view only with DEBUG on, is a page of inline script and style loading its code from a CDN:
# only this view gets that exception to the Content-Security-Policy, and only while developing.
GRAPHIQL_SOURCES = ["https://cdn.jsdelivr.net", "'unsafe-inline'"]
graphql_page = (
    csp_update({"script-src": GRAPHIQL_SOURCES, "style-src": GRAPHIQL_SOURCES, "img-src": ["data:"]})(graphql_view)
    if settings.DEBUG
    else graphql_view
)

urlpatterns = [
    path("account/", include("wijkmarkt.platform.accounts.urls")),
    path("taal/", set_language, name="set_language"),
    path("graphql", graphql_page, name="graphql"),
    path("zoeken-in-haarlem/", include("wijkmarkt.platform.search.urls")),
    path("thema.css", theme_css, name="theme-css"),
]
