from django.apps import AppConfig


class ChatConfig(AppConfig):
    name = "wijkmarkt.tenants.chat"
    label = "chat"
    verbose_name = "Chat met buren"
