# Proxy, Consent and ActingFor move to the shared core (issue 13) in the migration state only: their tables keep
# the names they were created with (marketplace_proxy, makelaar_consent, makelaar_actingfor), so no wijk schema is
# rewritten. marketplace 0007 and makelaar 0006 remove them from their old apps' state after this.

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('membership', '0002_membership_suspended_at_membership_suspended_reason'),
        ('marketplace', '0006_notification_about'),
        ('makelaar', '0005_acting_for_proxies'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Proxy',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('relation', models.CharField(max_length=60)),
                        ('consent_recorded_at', models.DateTimeField()),
                        ('revoked_at', models.DateTimeField(blank=True, null=True)),
                        ('consent_recorded_by', models.ForeignKey(help_text='the member or the makelaar', on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('principal', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='proxies', to='membership.membership')),
                        ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'db_table': 'marketplace_proxy',
                        'constraints': [models.UniqueConstraint(condition=models.Q(('revoked_at__isnull', True)), fields=('principal', 'user'), name='one_active_proxy_per_pair')],
                    },
                ),
                migrations.CreateModel(
                    name='Consent',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('topic', models.CharField(choices=[('registration', 'Ingeschreven worden en gegevens laten bewaren door de makelaar'), ('act_for', 'De makelaar mag namens mij vragen plaatsen en reageren'), ('share', 'Mijn vraag mag gedeeld worden met een partnerorganisatie')], max_length=12)),
                        ('note', models.CharField(blank=True, help_text="in the resident's words, or how it was given", max_length=500)),
                        ('given_at', models.DateTimeField()),
                        ('withdrawn_at', models.DateTimeField(blank=True, null=True)),
                        ('member', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='consents', to='membership.membership')),
                        ('recorded_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('withdrawn_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'db_table': 'makelaar_consent',
                        'ordering': ['-given_at', '-id'],
                        'constraints': [models.UniqueConstraint(condition=models.Q(('withdrawn_at__isnull', True)), fields=('member', 'topic'), name='one_active_consent_per_topic')],
                    },
                ),
                migrations.CreateModel(
                    name='ActingFor',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('at', models.DateTimeField(auto_now_add=True)),
                        ('placed_as', models.CharField(choices=[('self', 'Zelf'), ('proxy', 'Door een familielid'), ('makelaar', 'Door de sociaal makelaar')], max_length=10)),
                        ('what', models.CharField(choices=[('register', 'schreef u in bij de Wijkmarkt'), ('consent', 'schreef uw toestemming op'), ('consent_off', 'schreef op dat u uw toestemming intrekt'), ('invite_login', 'stuurde u een e-mail om een wachtwoord te kiezen'), ('publish', 'plaatste een vraag of aanbod'), ('update', 'wijzigde een vraag of aanbod'), ('withdraw', 'trok een vraag of aanbod in'), ('renew', 'verlengde een vraag of aanbod'), ('photo', 'veranderde een foto bij een vraag of aanbod'), ('respond', 'reageerde op een vraag of aanbod'), ('message', 'stuurde een bericht over een afspraak'), ('agree', 'maakte een afspraak'), ('done', 'meldde dat een afspraak gedaan is'), ('object', 'meldde dat een afspraak niet gedaan is'), ('cancel', 'zegde een afspraak af'), ('thank', 'stuurde een bedankje'), ('thanks_ok', 'gaf toestemming om een bedankje te tonen'), ('report', 'meldde iets aan de moderatie'), ('block', 'blokkeerde of deblokkeerde iemand'), ('ring', 'deed mee aan een ruil met meer buren'), ('points', 'gaf punten weg'), ('proxy', 'schreef een gemachtigde voor u in of uit'), ('help_request', 'vroeg huishoudelijke hulp aan'), ('wijzer', 'vulde de Eigen Kracht Wijzer in'), ('application', 'diende een aanvraag in bij de gemeente'), ('plan', 'sprak een ondersteuningsplan af')], max_length=12)),
                        ('object_type', models.CharField(blank=True, max_length=20)),
                        ('object_id', models.PositiveBigIntegerField(blank=True, null=True)),
                        ('actor', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('member', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='acted_for', to='membership.membership')),
                    ],
                    options={
                        'db_table': 'makelaar_actingfor',
                        'ordering': ['-at', '-id'],
                        'indexes': [models.Index(fields=['member', '-at'], name='makelaar_ac_member__e45df9_idx')],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
