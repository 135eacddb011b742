"""django-tenants' middleware with our host rules: portal on the base domain, friendly 404 for unknown hosts."""

from django_tenants.middleware.main import TenantMainMiddleware

from wijkmarkt.platform.wijken.connection import tenant_connection
from wijkmarkt.platform.wijken.hosts import hostname_of, tenant_for_hostname
from wijkmarkt.platform.wijken.views import unknown_host


class WijkMiddleware(TenantMainMiddleware):
    def process_request(self, request):
        tenant_connection().set_schema_to_public()
        tenant = tenant_for_hostname(hostname_of(request.META.get("HTTP_HOST", "")))
        if tenant is None:
            return unknown_host(request)
        request.tenant = tenant
        tenant_connection().set_tenant(tenant)
        self.setup_url_routing(request)
        return None
