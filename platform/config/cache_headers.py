"""`Cache-Control: no-store` on pages that show one person's circumstances, so that neither a shared computer's
browser cache (the library, a neighbour's tablet) nor a proxy keeps them after the person has gone."""

from django.utils.cache import add_never_cache_headers

# Every page of these apps is about someone's care, dossier, answers or data, or acts on it.
NO_STORE_NAMESPACES = {
    "care",  # help requests to home-care providers, their answers, support plans
    "makelaar",  # the makelaar's worklist, residents, dossiers (cases), signals; a resident's own dossier
    "privacy",  # Mijn gegevens: the data export page and its JSON download, the request log
    "wijzer",  # the Wijzer's answers, outcome and application
    "chat",  # private conversations
    "console",  # the coordinators' audit log and figures
}
# GraphQL answers everything above too: no-store whenever someone is logged in.
NO_STORE_FOR_LOGGED_IN = {"graphql"}


class NoStoreMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        match = getattr(request, "resolver_match", None)
        if match is None:
            return response
        user = getattr(request, "user", None)
        if set(match.namespaces) & NO_STORE_NAMESPACES or (
            match.url_name in NO_STORE_FOR_LOGGED_IN and user is not None and user.is_authenticated
        ):
            add_never_cache_headers(response)
        return response
