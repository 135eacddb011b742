from django.apps import AppConfig


class WijzerConfig(AppConfig):
    name = "wijkmarkt.tenants.wijzer"
    label = "wijzer"
    verbose_name = "Eigen Kracht Wijzer"
