from django.apps import AppConfig


class DemoConfig(AppConfig):
    """No models: installed only so that its management commands are found."""

    name = "wijkmarkt.tenants.demo"
    label = "demo"
    verbose_name = "Demo"
