"""URLs of a wijk site (<slug>.<base domain>), served inside that wijk's schema."""

from django.urls import include, path

urlpatterns = [
    path("", include("wijkmarkt.tenants.membership.urls")),
    path("", include("wijkmarkt.tenants.marketplace.urls")),
    path("", include("wijkmarkt.tenants.chat.urls")),
    path("", include("wijkmarkt.tenants.care.urls")),
    path("", include("wijkmarkt.tenants.wijzer.urls")),
    path("", include("wijkmarkt.tenants.places.urls")),
    path("", include("wijkmarkt.tenants.makelaar.urls")),
    path("", include("wijkmarkt.tenants.privacy.urls")),
    path("", include("wijkmarkt.platform.config.urls_common")),
]
