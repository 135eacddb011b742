"""The wijk's shared core as a wijk app: memberships, proxies, consents and the acting-for log have tables in every
wijk schema."""

from django.apps import AppConfig


class MembershipConfig(AppConfig):
    name = "wijkmarkt.tenants.membership"
    label = "membership"
    verbose_name = "Lidmaatschap"
