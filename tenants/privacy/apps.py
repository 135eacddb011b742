"""Privacy as a wijk app: the access log and the export and erasure requests stay in the schema of the wijk whose
data they are about."""

from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    name = "wijkmarkt.tenants.privacy"
    label = "privacy"
    verbose_name = "Privacy"
