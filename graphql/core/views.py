"""The /graphql endpoint: graphene-django's view with a depth limit, our error format, GraphiQL only in DEBUG,
and session authentication only for requests that pass Django's CSRF check."""

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.middleware.csrf import CsrfViewMiddleware
from django.views.decorators.csrf import csrf_exempt
from graphene.validation import depth_limit_validator
from graphene_django.views import GraphQLView

from graphql import specified_rules
from wijkmarkt.graphql.core.errors import format_error
from wijkmarkt.platform.accounts.permissions import Actor


class WijkmarktGraphQLView(GraphQLView):
    @property
    def validation_rules(self):
        # graphql-core's validate() replaces its standard rules with the ones given: keep them all.
        return (*specified_rules, depth_limit_validator(max_depth=settings.GRAPHQL_MAX_DEPTH))

    @validation_rules.setter
    def validation_rules(self, _value):
        """graphene-django assigns its default on init; the property above is the rule."""

    @staticmethod
    def format_error(error):
        return format_error(error)

    def dispatch(self, request, *args, **kwargs):
        # Clients without a cookie need no CSRF token; a cross-site request carrying someone's cookie is served
        # as anonymous, so it can read only public data and change nothing in that person's name.
        if request.method == "POST" and CsrfViewMiddleware(lambda r: None).process_view(request, None, (), {}):
            request.user = AnonymousUser()
            request.actor = Actor(user=None, role=None)
        return super().dispatch(request, *args, **kwargs)


graphql_view = csrf_exempt(WijkmarktGraphQLView.as_view(graphiql=settings.DEBUG))
