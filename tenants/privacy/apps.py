from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    name = "wijkmarkt.tenants.privacy"
    label = "privacy"
    verbose_name = "Privacy"
