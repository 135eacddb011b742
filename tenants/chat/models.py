"""Conversations of one wijk (its own schema) and their messages. A message is stored once per client id, so a
resent frame is acknowledged again without a second row.

An exchange's message thread and a multi-party swap's group talk are conversations too (kinds `exchange` and
`ring`): one history, on the exchange page and live in the chat alike."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wijkmarkt.tenants.membership.models import Membership


class Conversation(models.Model):
    class Kind(models.TextChoices):
        DIRECT = "direct", _("Twee buren")
        BUURTKAMER = "buurtkamer", _("Buurtkamer")
        INBOX = "inbox", _("Vraag aan de sociaal makelaar")
        EXCHANGE = "exchange", _("Afspraak")
        RING = "ring", _("Ruil met meer buren")

    kind = models.CharField(max_length=12, choices=Kind.choices)
    # For the makelaar inbox: the resident whose conversation with the makelaars this is.
    inbox_member = models.OneToOneField(
        Membership, null=True, blank=True, on_delete=models.CASCADE, related_name="inbox"
    )
    exchange = models.OneToOneField(
        "marketplace.Exchange", null=True, blank=True, on_delete=models.CASCADE, related_name="conversation"
    )
    ring = models.OneToOneField(
        "marketplace.Ring", null=True, blank=True, on_delete=models.CASCADE, related_name="conversation"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["kind"], condition=models.Q(kind="buurtkamer"), name="one_buurtkamer"),
            models.CheckConstraint(
                condition=models.Q(kind="exchange", exchange__isnull=False, ring__isnull=True)
                | models.Q(kind="ring", ring__isnull=False, exchange__isnull=True)
                | (~models.Q(kind__in=["exchange", "ring"]) & models.Q(exchange__isnull=True, ring__isnull=True)),
                name="conversation_kind_matches_subject",
            ),
        ]


class Participant(models.Model):
    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="participants")
    member = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="+")
    last_read_id = models.BigIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["conversation", "member"], name="participant_once")]


class ChatMessage(models.Model):
    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="+")
    client_id = models.CharField(max_length=64)
    body = models.TextField(max_length=2000)
    hidden_at = models.DateTimeField(null=True, blank=True)  # by moderation; kept for the moderators
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]
        constraints = [models.UniqueConstraint(fields=["author", "client_id"], name="chat_message_client_id_once")]
        indexes = [models.Index(fields=["conversation", "id"], name="chat_message_resume")]
