"""The chat as a wijk app. ready() connects its receivers to the marketplace's signals: the marketplace sits below
the chat and never imports it (tenants/README.md)."""

from django.apps import AppConfig


class ChatConfig(AppConfig):
    name = "wijkmarkt.tenants.chat"
    label = "chat"
    verbose_name = "Chat met buren"

    def ready(self) -> None:
        from wijkmarkt.tenants.chat import receivers
        from wijkmarkt.tenants.marketplace import signals

        signals.thread_message.connect(receivers.store_thread_message, dispatch_uid="chat.thread_message")
        signals.ring_proposed.connect(receivers.open_ring_talk, dispatch_uid="chat.ring_proposed")
        signals.reported_message_hidden.connect(receivers.hide_reported_message, dispatch_uid="chat.message_hidden")
