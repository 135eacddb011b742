"""The demo as an app without models, for its commands (load_demo, generate_marketplace_data); nothing imports it."""

from django.apps import AppConfig


class DemoConfig(AppConfig):
    """No models: installed only so that its management commands are found."""

    name = "wijkmarkt.tenants.demo"
    label = "demo"
    verbose_name = "Demo"
