"""The makelaar's demo in Parkwijk, through the actions, so `./wijkmarkt run` shows the work: Truus, who is not
online, registered by the demo makelaar (Fatima) with her consent, a request placed for her, a few cases (one
overdue), one warm hand-over to a partner's contact person, and one open signal. Development only; idempotent (a
wijk that has a registered resident is left alone)."""

import datetime as dt
from collections.abc import Callable, Mapping

from django.db import transaction
from django.utils import timezone
from django_tenants.utils import tenant_context

from wijkmarkt.platform.accounts.models import Role, User
from wijkmarkt.platform.partners.models import ContactPerson
from wijkmarkt.platform.wijken.models import Wijk
from wijkmarkt.tenants.makelaar.actions.cases import hand_over_case, open_case
from wijkmarkt.tenants.makelaar.actions.residents import register_offline_resident
from wijkmarkt.tenants.makelaar.actions.signals import report_signal
from wijkmarkt.tenants.makelaar.models import OfflineResident
from wijkmarkt.tenants.marketplace.actions.listings import ListingInput, publish_listing
from wijkmarkt.tenants.marketplace.models import Category, Street
from wijkmarkt.tenants.membership.models import Membership
from wijkmarkt.tenants.membership.selectors import actor_for

DEMO_WIJK = "parkwijk"


def seed_demo_makelaar(*, logins: Mapping[str, User], progress: Callable[[str], None]) -> None:
    wijk = Wijk.objects.filter(schema_name=DEMO_WIJK).first()
    makelaar_user, resident_user = logins.get("makelaar"), logins.get("bewoner")
    if wijk is None or makelaar_user is None:
        return
    with tenant_context(wijk):
        makelaar = Membership.objects.filter(user=makelaar_user, role=Role.MAKELAAR).first()
        if makelaar is None or OfflineResident.objects.exists():
            return
        with transaction.atomic():
            _seed(wijk, makelaar, Membership.objects.filter(user=resident_user).first())
    progress(f"{wijk.name}: werk van de makelaar (een bewoner zonder computer, dossiers, overdracht, signaal)")


def _seed(wijk: Wijk, makelaar: Membership, resident: Membership | None) -> None:
    actor = actor_for(makelaar.user, makelaar)
    street = Street.objects.order_by("name").first()
    truus = register_offline_resident(
        actor=actor,
        wijk=wijk,
        first_name="Truus",
        last_name="de Vries",
        street=street.name if street else "",
        phone="023 531 20 40",
        reach="Bellen na tienen; haar buurvrouw op nummer 14 heeft een sleutel.",
        consent_given=True,
        act_for_consent=True,
        consent_note="Mondeling, bij het spreekuur in het wijkcentrum",
    )
    category = Category.objects.filter(retired_at__isnull=True).order_by("position").first()
    if category is not None:
        publish_listing(
            actor=actor,
            wijk=wijk,
            owner=truus,
            data=ListingInput(
                kind="request",
                title="Wie doet op dinsdag boodschappen met Truus?",
                description="Truus (84) loopt slecht en wil graag samen naar de supermarkt op dinsdagochtend.",
                category_id=category.pk,
            ),
        )
    today = timezone.localdate()
    overdue = open_case(
        actor=actor,
        member=truus,
        question="Truus krijgt haar post en rekeningen niet meer bijgehouden.",
        agreements="Ik zoek een vrijwilliger voor de administratie en bel haar daarna.",
        follow_up_on=today - dt.timedelta(days=3),
    )
    open_case(
        actor=actor,
        member=truus,
        question="Boodschappen op dinsdag.",
        agreements="Vraag staat op de Wijkmarkt; ik kijk of er iemand reageert.",
        follow_up_on=today,
    )
    if resident is not None:
        open_case(
            actor=actor,
            member=resident,
            question="Anna wil graag iets voor de buurt doen.",
            agreements="Samen kijken naar het aanbod op de Wijkmarkt.",
            follow_up_on=today + dt.timedelta(days=5),
        )
    contact = (
        ContactPerson.objects.filter(active=True, partner__active=True, wijk_links__wijk=wijk)
        .select_related("partner")
        .first()
    )
    hand_over_case(
        actor=actor,
        case=overdue,
        contact=contact,
        organisation="" if contact else "MEE Kennemerland",
        contact_name="" if contact else "Els Bakker",
        contact_details="" if contact else "023 000 11 22",
        passed_on="Truus heeft hulp nodig bij haar administratie; vrijwilligers in de buurt lukt het niet.",
        consent_given=True,
        consent_note="Mondeling, aan de telefoon",
    )
    reporter = resident or makelaar
    report_signal(
        actor=actor_for(reporter.user, reporter),
        about="Meneer Jansen, naast de bakker",
        worry="Zijn gordijnen zijn al dagen dicht en de post stapelt zich op.",
    )
