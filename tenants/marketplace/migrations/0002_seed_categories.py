"""The categories the documents name. Runs in the template schema too, so every cloned wijk starts with them;
a wijk admin then adds, renames, orders and retires them for that wijk only."""

from django.db import migrations

CATEGORIES = [
    ("boodschappen", "Boodschappen"),
    ("klusjes", "Klusjes in en om het huis"),
    ("tuin", "Tuin (zoals heg snoeien)"),
    ("meegaan", "Meegaan (naar ziekenhuis, kapper)"),
    ("vervoer", "Vervoer"),
    ("taal", "Taal"),
    ("formulieren", "Formulieren en administratie"),
    ("computer", "Computerhulp"),
    ("gezelschap", "Gezelschap en een wandeling"),
    ("huishouden", "Huishoudelijke taken"),
    ("maaltijden", "Maaltijden"),
    ("huisdieren", "Huisdieren"),
    ("overig", "Overig"),
]


def seed(apps, schema_editor):
    Category = apps.get_model("marketplace", "Category")
    for position, (slug, name) in enumerate(CATEGORIES, start=1):
        Category.objects.get_or_create(slug=slug, defaults={"name": name, "position": position})


class Migration(migrations.Migration):
    dependencies = [("marketplace", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
