# Proxy moved to the shared core (tenants/membership, issue 13). State only: its table marketplace_proxy stays as it
# is and belongs to membership.Proxy from membership 0003 on.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('marketplace', '0006_notification_about'),
        ('membership', '0003_acting_for_core'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name='Proxy')],
            database_operations=[],
        ),
    ]
