"""What every page needs to draw the site: the wijk (or the portal), its theme and the portal's address."""

from django_tenants.utils import get_public_schema_name

from wijkmarkt.platform.wijken.hosts import portal_url


def site(request):
    tenant = getattr(request, "tenant", None)
    is_wijk = tenant is not None and tenant.schema_name != get_public_schema_name()
    return {
        "wijk": tenant if is_wijk else None,
        "is_portal": tenant is not None and not is_wijk,
        "portal_url": portal_url(),
    }
