# Consent and ActingFor moved to the shared core (tenants/membership, issue 13). State only: their tables
# makelaar_consent and makelaar_actingfor stay as they are and belong to membership.Consent and membership.ActingFor
# from membership 0003 on.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('makelaar', '0005_acting_for_proxies'),
        ('membership', '0003_acting_for_core'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name='Consent'), migrations.DeleteModel(name='ActingFor')],
            database_operations=[],
        ),
    ]
