"""The Eigen Kracht Wijzer as a wijk app: its rule sets, assessments and applications have tables in every wijk
schema."""

from django.apps import AppConfig


class WijzerConfig(AppConfig):
    name = "wijkmarkt.tenants.wijzer"
    label = "wijzer"
    verbose_name = "Eigen Kracht Wijzer"
