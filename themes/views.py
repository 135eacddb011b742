"""The wijk's colours as a small stylesheet, so pages need no inline styles (the Content-Security-Policy allows
none: style-src 'self') and stay cacheable."""

from django.http import HttpResponse
from django.views.decorators.http import require_GET

from wijkmarkt.platform.wijken.models import Wijk


@require_GET
def theme_css(request):
    colour = getattr(request.tenant, "primary_colour", None) or Wijk._meta.get_field("primary_colour").default
    css = f":root {{ --wijk-primary: {colour}; }}\n"
    response = HttpResponse(css, content_type="text/css; charset=utf-8")
    response["Cache-Control"] = "public, max-age=300"
    return response
