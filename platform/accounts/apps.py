from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "wijkmarkt.platform.accounts"
    label = "accounts"
    verbose_name = "Accounts"
