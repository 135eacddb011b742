from django.apps import AppConfig


class MembershipConfig(AppConfig):
    name = "wijkmarkt.tenants.membership"
    label = "membership"
    verbose_name = "Lidmaatschap"
