"""The household-help demo of one wijk: a directory with providers of every type the documents name, through the
actions, so `./wijkmarkt run` shows a filled "Hulp in huis". Development only; never loaded in production. The
provider login (aanbieder@demo.wijkmarkt.nl, Henk in Centrum) answers for the contracted provider there, and has an
agreed support plan with meneer De Haas (seeds/INVENTORY.md 6, persona 3) with satisfaction measured at the start."""

import datetime as dt
from collections.abc import Callable, Mapping

from django.db import transaction
from django.utils import timezone

from wijkmarkt.platform.accounts.models import Role, User
from wijkmarkt.platform.wijken.models import Module, Wijk
from wijkmarkt.tenants.care.actions import (
    PlanInput,
    ProviderInput,
    agree_support_plan,
    answer_help_request,
    record_satisfaction,
    register_provider,
    send_help_request,
    start_support_plan,
)
from wijkmarkt.tenants.care.models import Moment, Provider, SupportPlan
from wijkmarkt.tenants.demo.marketplace.content import STREETS
from wijkmarkt.tenants.demo.marketplace.seed import ensure_streets
from wijkmarkt.tenants.membership.models import Membership
from wijkmarkt.tenants.membership.selectors import actor_for

# (name, kind, activities, available, in natura, pgb, description, phone, e-mail, website)
PROVIDERS = [
    (
        "Thuiszorg Kennemerland",
        "contracted",
        ["light", "heavy", "linen"],
        ["mon_morning", "tue_morning", "thu_morning"],
        True,
        True,
        "Gecontracteerd door de gemeente. Vaste hulp die u kent.",
        "023 555 01 01",
        "planning@thuiszorg-kennemerland.example",
        "thuiszorg-kennemerland.example",
    ),
    (
        "Zorggroep Spaarnestad",
        "contracted",
        ["shopping", "hot_meal", "bread_meal", "light"],
        ["tue_afternoon", "wed_morning", "fri_morning", "sat_morning"],
        True,
        False,
        "Hulp in natura, ook bij boodschappen en maaltijden.",
        "023 555 02 02",
        "",
        "zorggroep-spaarnestad.example",
    ),
    (
        "Ria de Wit (alfahulp)",
        "independent",
        ["light", "linen"],
        ["tue_morning", "wed_afternoon"],
        False,
        True,
        "Zelfstandige alfahulp, betaald uit uw pgb.",
        "06 1234 5601",
        "",
        "",
    ),
    (
        "Marco Jansen (witte werkster)",
        "independent",
        ["light", "heavy"],
        ["mon_afternoon", "thu_afternoon"],
        False,
        True,
        "Ik maak schoon, ook de ramen.",
        "06 1234 5602",
        "",
        "",
    ),
    (
        "Sanne Bakker (student)",
        "student",
        ["shopping", "light"],
        ["sat_morning", "sun_afternoon", "wed_evening"],
        False,
        False,
        "Student verpleegkunde, helpt in het weekend.",
        "06 1234 5603",
        "",
        "",
    ),
    (
        "Daan (scholier)",
        "student",
        ["shopping"],
        ["wed_afternoon", "fri_afternoon"],
        False,
        False,
        "Doet boodschappen na school.",
        "",
        "daan@example.nl",
        "",
    ),
    (
        "Schoonmaakbedrijf Glans",
        "company",
        ["light", "heavy"],
        ["mon_morning", "tue_morning", "wed_morning", "thu_morning", "fri_morning"],
        False,
        False,
        "U betaalt zelf per uur.",
        "023 555 03 03",
        "info@glans.example",
        "glans.example",
    ),
    (
        "Buurtteam Haarlem",
        "team",
        ["shopping", "hot_meal", "light", "linen"],
        ["mon_morning", "wed_morning", "fri_afternoon"],
        True,
        False,
        "Wijkverpleging en hulp in één team, naar het model van Buurtzorg.",
        "023 555 04 04",
        "",
        "",
    ),
]


def seed_demo_care(*, wijk: Wijk, logins: Mapping[str, User], progress: Callable[[str], None]) -> int:
    """The active wijk's provider directory and, in Centrum, a support plan; returns how many providers were added
    (0 when it has them already). Each part is skipped when it is there."""
    if wijk.schema_name not in STREETS or not wijk.has_module(Module.CARE):
        return 0
    added = 0 if Provider.objects.exists() else _seed_providers(wijk, logins, progress)
    _seed_plan(wijk, progress)
    return added


def _seed_providers(wijk: Wijk, logins: Mapping[str, User], progress: Callable[[str], None]) -> int:
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
                    name=name,
                    kind=kind,
                    activities=activities,
                    available=available,
                    in_natura=in_natura,
                    pgb=pgb,
                    description=about,
                    phone=phone,
                    email=email,
                    website=website,
                    areas=wijk.areas[: 1 + number % 2],
                    street=streets[(number * 3) % len(streets)],
                    address=f"{streets[(number * 3) % len(streets)].name} {10 + number}",
                ),
                staff=[staff] if staff is not None and number == 0 else [],
            )
    progress(f"{wijk.name}: {len(PROVIDERS)} aanbieders van hulp in huis")
    return len(PROVIDERS)


def _seed_plan(wijk: Wijk, progress: Callable[[str], None]) -> None:
    """Meneer De Haas (rollator inside, wheelchair outside) asked the contracted provider for help; Henk took it on,
    drew up a plan with him, both agreed, and his satisfaction at the start is measured."""
    provider = Provider.objects.filter(staff__role=Role.PROVIDER).first()
    rob = Membership.objects.select_related("user").filter(user__first_name="Rob", user__last_name="de Haas").first()
    henk = provider.staff.select_related("user").first() if provider is not None else None
    if wijk.schema_name != "centrum" or henk is None or rob is None or SupportPlan.objects.exists():
        return
    rob_actor, henk_actor = actor_for(rob.user, rob), actor_for(henk.user, henk)
    today = timezone.localdate()
    with transaction.atomic():
        sent = send_help_request(
            actor=rob_actor,
            member=rob,
            provider=provider,
            activities=["light", "heavy", "linen"],
            times=["tue_morning"],
            note="Mijn vrouw is ernstig ziek. Ik zit binnen op een rollator.",
        )
        answer_help_request(
            actor=henk_actor,
            help_request=sent,
            accept=True,
            message="Ik kom dinsdag kennismaken en maak dan samen met u een plan.",
        )
        plan = start_support_plan(
            actor=henk_actor,
            member=rob,
            provider=provider,
            data=PlanInput(
                resident_part="Rob doet de afwas en houdt de keuken bij, vanaf zijn stoel.",
                network_part="Buurvrouw Ingrid de Lange hangt de was op en pakt wat hoog staat. Een buur via de "
                "Wijkmarkt is achtervang voor onverwachte klusjes.",
                provider_part="Elke dinsdagochtend stofzuigen, dweilen en de badkamer; om de week de bedden verschonen.",
                review_dates=[today + dt.timedelta(days=91), today + dt.timedelta(days=182)],
            ),
        )
        agree_support_plan(actor=henk_actor, plan=plan, version_number=1)
        agree_support_plan(actor=rob_actor, plan=plan, version_number=1)
        record_satisfaction(actor=henk_actor, plan=plan, moment=Moment.START, scores=[2, 3, 3, 4, 3])
    progress(f"{wijk.name}: een afgesproken ondersteuningsplan met een meting bij de start")
