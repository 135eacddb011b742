"""Reports of thread messages now point at the copied chat message (chat 0002), and the old thread table goes."""

import django.db.models.deletion
from django.db import migrations, models


def repoint_reports(apps, schema_editor):
    Report = apps.get_model("marketplace", "Report")
    ChatMessage = apps.get_model("chat", "ChatMessage")
    for report in Report.objects.filter(message__isnull=False):
        report.chat_message = ChatMessage.objects.get(client_id=f"thread-{report.message_id}",
                                                      conversation__exchange_id=report.message.exchange_id)
        report.save(update_fields=["chat_message"])


class Migration(migrations.Migration):
    dependencies = [
        ("marketplace", "0004_moderation_notifications"),
        ("chat", "0002_exchange_and_ring_conversations"),
    ]

    operations = [
        migrations.AddField(
            model_name="report",
            name="chat_message",
            field=models.ForeignKey(
                blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name="+",
                to="chat.chatmessage",
            ),
        ),
        migrations.RunPython(repoint_reports, migrations.RunPython.noop),
        migrations.RemoveField(model_name="report", name="message"),
        migrations.RenameField(model_name="report", old_name="chat_message", new_name="message"),
        migrations.DeleteModel(name="Message"),
    ]
