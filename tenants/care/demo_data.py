"""The household-help demo of one wijk: a directory with providers of every type the documents name, through the
actions, so `./wijkmarkt run` shows a filled "Hulp in huis". Development only; never loaded in production. The
provider login (aanbieder@demo.wijkmarkt.nl, Henk in Centrum) answers for the contracted provider there."""

from collections.abc import Callable, Mapping

from django.db import transaction

from wijkmarkt.platform.accounts.models import Role, User
from wijkmarkt.platform.wijken.models import Module, Wijk
from wijkmarkt.tenants.care.actions import ProviderInput, register_provider
from wijkmarkt.tenants.care.models import Provider
from wijkmarkt.tenants.marketplace.demo_data.content import STREETS
from wijkmarkt.tenants.marketplace.demo_data.demo import ensure_streets
from wijkmarkt.tenants.membership.models import Membership

# (name, kind, activities, available, in natura, pgb, description, phone, e-mail, website)
PROVIDERS = [
    ("Thuiszorg Kennemerland", "contracted", ["light", "heavy", "linen"], ["mon_morning", "tue_morning", "thu_morning"],
     True, True, "Gecontracteerd door de gemeente. Vaste hulp die u kent.", "023 555 01 01",
     "planning@thuiszorg-kennemerland.example", "thuiszorg-kennemerland.example"),
    ("Zorggroep Spaarnestad", "contracted", ["shopping", "hot_meal", "bread_meal", "light"],
     ["tue_afternoon", "wed_morning", "fri_morning", "sat_morning"], True, False,
     "Hulp in natura, ook bij boodschappen en maaltijden.", "023 555 02 02", "", "zorggroep-spaarnestad.example"),
    ("Ria de Wit (alfahulp)", "independent", ["light", "linen"], ["tue_morning", "wed_afternoon"], False, True,
     "Zelfstandige alfahulp, betaald uit uw pgb.", "06 1234 5601", "", ""),
    ("Marco Jansen (witte werkster)", "independent", ["light", "heavy"], ["mon_afternoon", "thu_afternoon"], False,
     True, "Ik maak schoon, ook de ramen.", "06 1234 5602", "", ""),
    ("Sanne Bakker (student)", "student", ["shopping", "light"], ["sat_morning", "sun_afternoon", "wed_evening"],
     False, False, "Student verpleegkunde, helpt in het weekend.", "06 1234 5603", "", ""),
    ("Daan (scholier)", "student", ["shopping"], ["wed_afternoon", "fri_afternoon"], False, False,
     "Doet boodschappen na school.", "", "daan@example.nl", ""),
    ("Schoonmaakbedrijf Glans", "company", ["light", "heavy"], ["mon_morning", "tue_morning", "wed_morning",
     "thu_morning", "fri_morning"], False, False, "U betaalt zelf per uur.", "023 555 03 03", "info@glans.example",
     "glans.example"),
    ("Buurtteam Haarlem", "team", ["shopping", "hot_meal", "light", "linen"], ["mon_morning", "wed_morning",
     "fri_afternoon"], True, False, "Wijkverpleging en hulp in één team, naar het model van Buurtzorg.",
     "023 555 04 04", "", ""),
]  # fmt: skip


def seed_demo_care(*, wijk: Wijk, logins: Mapping[str, User], progress: Callable[[str], None]) -> int:
    """The active wijk's provider directory; returns how many were added (0 when it has one already)."""
    if wijk.schema_name not in STREETS or not wijk.has_module(Module.CARE) or Provider.objects.exists():
        return 0
    streets = list(ensure_streets(wijk).values())
    provider_login = logins.get("aanbieder")
    staff = Membership.objects.filter(user=provider_login, role=Role.PROVIDER).first() if provider_login else None
    with transaction.atomic():
        for number, (name, kind, activities, available, in_natura, pgb, about, phone, email, website) in enumerate(
            PROVIDERS
        ):
            register_provider(
                wijk=wijk,
                data=ProviderInput(
                    name=name, kind=kind, activities=activities, available=available, in_natura=in_natura, pgb=pgb,
                    description=about, phone=phone, email=email, website=website, areas=wijk.areas[: 1 + number % 2],
                    street=streets[(number * 3) % len(streets)],
                    address=f"{streets[(number * 3) % len(streets)].name} {10 + number}",
                ),
                staff=[staff] if staff is not None and number == 0 else [],
            )  # fmt: skip
    progress(f"{wijk.name}: {len(PROVIDERS)} aanbieders van hulp in huis")
    return len(PROVIDERS)
