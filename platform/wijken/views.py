"""Pages of the wijk registry: the portal's list of wijken and the page for hosts we do not know."""

from django.shortcuts import render
from django.utils import translation

from wijkmarkt.platform.wijken.hosts import portal_url, wijk_url
from wijkmarkt.platform.wijken.selectors import wijken_listed


def _listed_with_urls():
    return [(wijk, wijk_url(wijk)) for wijk in wijken_listed()]


def portal_home(request):
    return render(request, "portal/home.html", {"wijken": _listed_with_urls()})


def unknown_host(request, *args, **kwargs):
    """Never a 500: any host we do not serve gets a page that points to the wijken that exist."""
    # The tenant middleware answers before LocaleMiddleware runs: choose the visitor's language here.
    translation.activate(translation.get_language_from_request(request))
    response = render(
        request,
        "portal/unknown_host.html",
        {"wijken": _listed_with_urls(), "portal_url": portal_url()},
        status=404,
    )
    return response
