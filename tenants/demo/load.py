"""The demo city for development: the four wijken of the documents, one login per role, a relative who acts for her
mother, and then each domain's demo (the modules beside this one). Idempotent: a second run only checks."""

from collections.abc import Callable

from django.db import transaction
from django_tenants.utils import tenant_context

from wijkmarkt.platform.accounts.actions import create_account
from wijkmarkt.platform.accounts.models import Role, User
from wijkmarkt.platform.wijken.actions import provision_wijk
from wijkmarkt.platform.wijken.models import Wijk, WijkStatus
from wijkmarkt.tenants.demo.care import seed_demo_care
from wijkmarkt.tenants.demo.makelaar import seed_demo_makelaar
from wijkmarkt.tenants.demo.marketplace.seed import seed_demo_marketplace
from wijkmarkt.tenants.demo.partners import seed_demo_partners
from wijkmarkt.tenants.demo.places import seed_demo_places
from wijkmarkt.tenants.demo.points import seed_demo_points
from wijkmarkt.tenants.demo.privacy import seed_demo_privacy
from wijkmarkt.tenants.demo.wijzer import seed_demo_wijzer
from wijkmarkt.tenants.membership.actions.joining import join_wijk

DEMO_PASSWORD = "buren-helpen-buren"  # noqa: S105 - development data only; load_demo refuses to run in production

HOUSE_RULES = (
    "Wees vriendelijk en eerlijk.\n"
    "Iedereen heeft een vraag en iedereen heeft iets te bieden; iets terugdoen mag, maar hoeft niet.\n"
    "Deel geen adres of telefoonnummer van een ander.\n"
    "Twijfelt u? Vraag het de sociaal makelaar."
)

# From the documents (seeds/INVENTORY.md 3.1): three pilot wijken in 2010, Boerhaavewijk joining later.
WIJKEN = [
    dict(
        slug="parkwijk",
        name="Parkwijk",
        status=WijkStatus.PILOT,
        areas=["Parkwijk"],
        theme="zomerzone",
        tagline="Buren helpen buren in de Zomerzone",
        primary_colour="#8a4b00",
        logo="themes/zomerzone/logo.svg",
    ),
    dict(
        slug="slachthuisbuurt",
        name="Slachthuisbuurt",
        status=WijkStatus.PILOT,
        areas=["Slachthuisbuurt"],
        theme="zomerzone",
        tagline="Samen doen in de Slachthuisbuurt",
        primary_colour="#1f5c2e",
        logo="themes/zomerzone/logo.svg",
    ),
    dict(
        slug="centrum",
        name="Centrum",
        status=WijkStatus.PILOT,
        areas=["Binnenstad", "Stationsbuurt", "Vijfhoek", "Heiliglanden/De Kamp"],
        theme="centrum",
        tagline="Buren in de binnenstad",
        primary_colour="#5b1a6b",
        logo="themes/centrum/logo.svg",
    ),
    dict(
        slug="boerhaavewijk",
        name="Boerhaavewijk",
        status=WijkStatus.PLANNED,
        areas=["Boerhaavewijk", "Meerwijk-Noord"],
        theme="base",
        tagline="Binnenkort: de Wijkmarkt van de Boerhaavewijk",
        primary_colour="#1d4f91",
        logo="themes/base/logo.svg",
    ),
]

# One login per role: (e-mail, first name, wijk, role or None for the citywide coordinator).
LOGINS = [
    ("bewoner@demo.wijkmarkt.nl", "Anna", "parkwijk", Role.RESIDENT),
    ("makelaar@demo.wijkmarkt.nl", "Fatima", "parkwijk", Role.MAKELAAR),
    ("professional@demo.wijkmarkt.nl", "Joost", "slachthuisbuurt", Role.PROFESSIONAL),
    ("aanbieder@demo.wijkmarkt.nl", "Henk", "centrum", Role.PROVIDER),
    ("beheerder@demo.wijkmarkt.nl", "Marleen", "centrum", Role.WIJK_ADMIN),
    ("coordinator@demo.wijkmarkt.nl", "Sanne", None, None),
]
# Carla lives outside Haarlem and is a member of no wijk; in Parkwijk she is her mother's registered proxy
# (seeds/INVENTORY.md 6, persona 4).
RELATIVE = ("familie@demo.wijkmarkt.nl", "Carla")


def _account(email: str, first_name: str) -> User:
    return User.objects.filter(email=email).first() or create_account(
        email=email, first_name=first_name, password=DEMO_PASSWORD
    )


def demo_logins() -> dict[str, User]:
    """The demo accounts by the local part of their e-mail ("bewoner", "makelaar", "familie", ...)."""
    emails = [email for email, *_rest in LOGINS] + [RELATIVE[0]]
    return {user.email.split("@")[0]: user for user in User.objects.filter(email__in=emails)}


def load_demo(*, progress: Callable[[str], None]) -> list[tuple[str, str, str]]:
    """Provision the demo wijken and logins; return (e-mail, role, wijk) for the welcome message."""
    for spec in WIJKEN:
        provision_wijk(**spec, house_rules=HOUSE_RULES, progress=progress)
    summary = []
    for email, first_name, slug, role in LOGINS:
        with transaction.atomic():
            user = _account(email, first_name)
            if role is None:
                User.objects.filter(pk=user.pk).update(is_coordinator=True)
                summary.append((email, "coördinator (hele stad)", "portaal"))
                continue
            wijk = Wijk.objects.get(schema_name=slug)
            with tenant_context(wijk):
                join_wijk(wijk=wijk, user=user, accepted_house_rules=True, role=role)
        summary.append((email, role.label, slug))
    with transaction.atomic():
        _account(*RELATIVE)
    summary.append((RELATIVE[0], "familielid van buiten Haarlem, gemachtigde van haar moeder", "parkwijk"))
    logins = demo_logins()
    for spec in WIJKEN:
        wijk = Wijk.objects.get(schema_name=spec["slug"])
        with tenant_context(wijk):
            seed_demo_marketplace(wijk=wijk, logins=logins, progress=progress)  # skips a wijk that has it
            seed_demo_care(wijk=wijk, logins=logins, progress=progress)  # likewise
            seed_demo_wijzer(wijk=wijk, logins=logins, progress=progress)  # likewise
            seed_demo_places(wijk=wijk, progress=progress)  # adds only missing places
    seed_demo_partners(progress=progress)  # the covenant partners and their links to the pilot wijken
    seed_demo_points(progress=progress)  # points on in Parkwijk and Centrum; done exchanges earn once
    seed_demo_makelaar(logins=logins, progress=progress)  # Parkwijk's makelaar, after the partners
    seed_demo_privacy(logins=logins, progress=progress)  # the makelaar downloaded Truus's data, after her
    return summary
