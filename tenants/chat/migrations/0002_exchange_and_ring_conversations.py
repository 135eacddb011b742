"""Exchange threads and ring talk become conversations: one history for the exchange page and the live chat.
Every message of the old marketplace thread is copied into its exchange's conversation, with its author, time and
hidden mark; its old id is kept in the client id (`thread-<id>`) so reports can follow it (marketplace 0005)."""

import django.db.models.deletion
from django.db import migrations, models


def copy_threads(apps, schema_editor):
    Message = apps.get_model("marketplace", "Message")
    Conversation = apps.get_model("chat", "Conversation")
    Participant = apps.get_model("chat", "Participant")
    ChatMessage = apps.get_model("chat", "ChatMessage")
    conversations = {}
    for message in Message.objects.select_related("exchange").order_by("id").iterator():
        exchange = message.exchange
        if exchange.pk not in conversations:
            conversation = Conversation.objects.create(kind="exchange", exchange=exchange)
            Participant.objects.bulk_create(
                [Participant(conversation=conversation, member_id=m) for m in (exchange.helper_id, exchange.receiver_id)]
            )
            conversations[exchange.pk] = conversation
        copied = ChatMessage.objects.create(
            conversation=conversations[exchange.pk], author_id=message.author_id, client_id=f"thread-{message.pk}",
            body=message.body, hidden_at=message.hidden_at,
        )
        ChatMessage.objects.filter(pk=copied.pk).update(created_at=message.created_at)


class Migration(migrations.Migration):
    dependencies = [
        ("chat", "0001_initial"),
        ("marketplace", "0004_moderation_notifications"),
    ]

    operations = [
        migrations.AddField(
            model_name="chatmessage",
            name="hidden_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="conversation",
            name="exchange",
            field=models.OneToOneField(
                blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name="conversation",
                to="marketplace.exchange",
            ),
        ),
        migrations.AddField(
            model_name="conversation",
            name="ring",
            field=models.OneToOneField(
                blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name="conversation",
                to="marketplace.ring",
            ),
        ),
        migrations.AlterField(
            model_name="conversation",
            name="kind",
            field=models.CharField(
                choices=[("direct", "Twee buren"), ("buurtkamer", "Buurtkamer"),
                         ("inbox", "Vraag aan de sociaal makelaar"), ("exchange", "Afspraak"),
                         ("ring", "Ruil met meer buren")],
                max_length=12,
            ),
        ),
        migrations.AddConstraint(
            model_name="conversation",
            constraint=models.CheckConstraint(
                condition=models.Q(kind="exchange", exchange__isnull=False, ring__isnull=True)
                | models.Q(kind="ring", ring__isnull=False, exchange__isnull=True)
                | (~models.Q(kind__in=["exchange", "ring"]) & models.Q(exchange__isnull=True, ring__isnull=True)),
                name="conversation_kind_matches_subject",
            ),
        ),
        migrations.RunPython(copy_threads, migrations.RunPython.noop),
    ]
