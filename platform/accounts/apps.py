"""The citywide accounts as a shared app: its tables are in the public schema, one account per person whatever
the wijk."""

from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "wijkmarkt.platform.accounts"
    label = "accounts"
    verbose_name = "Accounts"
