"""The /graphql endpoint: graphene-django's view with a depth limit, the text check of every argument
(text_inputs.py), introspection only where settings.GRAPHQL_INTROSPECTION allows it, our error format, GraphiQL
only in DEBUG, and session authentication only for requests that pass Django's CSRF check."""

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.middleware.csrf import CsrfViewMiddleware
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from graphene.validation import depth_limit_validator
from graphene_django.views import GraphQLView

from graphql import FieldNode, GraphQLError, ValidationRule, specified_rules
from wijkmarkt.graphql.core.errors import ErrorCode, format_error
from wijkmarkt.graphql.core.text_inputs import query_text_rule
from wijkmarkt.platform.accounts.permissions import Actor


class NoIntrospection(ValidationRule):
    """`__schema` and `__type` refused, typed; `__typename` stays (clients use it to tell types apart)."""

    def enter_field(self, node: FieldNode, *_args):
        if node.name.value in ("__schema", "__type"):
            self.report_error(
                GraphQLError(
                    _("Introspectie van het schema staat hier uit."),
                    node,
                    extensions={"code": str(ErrorCode.INTROSPECTION_DISABLED)},
                )
            )


class WijkmarktGraphQLView(GraphQLView):
    @property
    def validation_rules(self):
        # graphql-core's validate() replaces its standard rules with the ones given: keep them all.
        text_rule = query_text_rule(getattr(self, "_variables", None), getattr(self, "_operation_name", None))
        rules = (*specified_rules, depth_limit_validator(max_depth=settings.GRAPHQL_MAX_DEPTH), text_rule)
        return rules if settings.GRAPHQL_INTROSPECTION else (*rules, NoIntrospection)

    @validation_rules.setter
    def validation_rules(self, _value):
        """graphene-django assigns its default on init; the property above is the rule."""

    def execute_graphql_request(self, request, data, query, variables, operation_name, show_graphiql=False):
        # The view is made anew for every request (View.as_view): the text rule reads this request's variables.
        self._variables, self._operation_name = variables, operation_name
        return super().execute_graphql_request(request, data, query, variables, operation_name, show_graphiql)

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
