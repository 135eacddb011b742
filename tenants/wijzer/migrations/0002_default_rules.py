"""Version 1 of the Wijzer's rules, so every wijk starts with a sensible set (runs in the template schema too, so
every cloned wijk has it); the wijk admin then adjusts them for that wijk only, each edit a new version.

The rules are copied from rules.DEFAULT_RULES as they are when this runs: later edits of that constant never change
a wijk's stored version 1."""

from django.db import migrations

from wijkmarkt.tenants.wijzer.rules import DEFAULT_RULES


def seed(apps, schema_editor):
    RuleSet = apps.get_model("wijzer", "RuleSet")
    if not RuleSet.objects.exists():
        RuleSet.objects.create(version=1, rules=DEFAULT_RULES, note="Standaardregels")


class Migration(migrations.Migration):
    dependencies = [("wijzer", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
