"""Every write of the partner directory: registering a partner, its contact persons, and linking it to a wijk with
its offer and contact person there; plus loading the covenant partners (idempotent). The coordinators' console, the
load_partners command, the demo and tests all call these; a caller that is a person checks that person may
(coordinators only) before calling."""

from django.db import IntegrityError, transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

# The same "check every field, raise all errors together" as household help.
from wijkmarkt.platform.errors import collect, fail
from wijkmarkt.platform.partners.citywide import sync_offers
from wijkmarkt.platform.partners.covenant import COVENANT_PARTNERS
from wijkmarkt.platform.partners.errors import PartnerErrorCode as Code
from wijkmarkt.platform.partners.models import ContactPerson, Partner, PartnerKind, WijkPartner
from wijkmarkt.platform.plaintext import clean_text
from wijkmarkt.platform.wijken.models import Wijk


def _kind(value: str) -> str:
    if value not in PartnerKind.values:
        raise fail("kind", _("Kies uit de lijst."), Code.INVALID_CHOICE)
    return value


def _slug(value: str, name: str) -> str:
    slug = (value or "").strip() or slugify(name)[:60]
    if not slug or slug != slugify(slug) or len(slug) > 60:
        raise fail("slug", _("Een korte naam heeft alleen kleine letters, cijfers en streepjes."), Code.INVALID_SLUG)
    return slug


def register_partner(
    *, name: str, kind: str, offer: str = "", slug: str = "", website: str = "", phone: str = "", email: str = ""
) -> Partner:
    values = collect(
        {
            "name": lambda: clean_text(name, field="name", max_length=120),
            "kind": lambda: _kind(kind),
            "offer": lambda: clean_text(offer, field="offer", max_length=2000, required=False, multiline=True),
            "website": lambda: clean_text(website, field="website", max_length=200, required=False),
            "phone": lambda: clean_text(phone, field="phone", max_length=30, required=False),
            "email": lambda: clean_text(email, field="email", max_length=120, required=False),
        }
    )
    values["slug"] = _slug(slug, values["name"])
    duplicate = (
        Partner.objects.filter(slug=values["slug"]).exists()
        or Partner.objects.filter(name__iexact=values["name"]).exists()
    )
    message = _("Er is al een partner met deze naam.")
    if duplicate:
        raise fail("name", message, Code.DUPLICATE)
    try:
        with transaction.atomic():
            return Partner.objects.create(**values)
    except IntegrityError:  # registered twice at once: the unique constraints keep one
        raise fail("name", message, Code.DUPLICATE) from None


def add_contact_person(
    *, partner: Partner, name: str, role: str = "", phone: str = "", email: str = ""
) -> ContactPerson:
    """A named contact person of a partner (the covenant's mandated contact, or one per wijk)."""
    values = collect(
        {
            "name": lambda: clean_text(name, field="name", max_length=120),
            "role": lambda: clean_text(role, field="role", max_length=120, required=False),
            "phone": lambda: clean_text(phone, field="phone", max_length=30, required=False),
            "email": lambda: clean_text(email, field="email", max_length=120, required=False),
        }
    )
    message = _("%(partner)s heeft al een contactpersoon met deze naam.") % {"partner": partner.name}
    if partner.contacts.filter(name__iexact=values["name"]).exists():
        raise fail("name", message, Code.DUPLICATE)
    try:
        with transaction.atomic():
            return ContactPerson.objects.create(partner=partner, **values)
    except IntegrityError:
        raise fail("name", message, Code.DUPLICATE) from None


def link_partner_to_wijk(
    *, wijk: Wijk, partner: Partner, offer: str = "", contact: ContactPerson | None = None
) -> WijkPartner:
    """The partner is active in the wijk, with what it offers there and whom to contact there. Linking again
    changes the offer and the contact person."""
    text = clean_text(offer, field="offer", max_length=2000, required=False, multiline=True)
    if contact is not None and contact.partner_id != partner.pk:
        raise fail(
            "contact",
            _("Deze contactpersoon werkt niet bij %(partner)s.") % {"partner": partner.name},
            Code.WRONG_PARTNER,
        )
    with transaction.atomic():
        link, _created = WijkPartner.objects.update_or_create(
            wijk=wijk, partner=partner, defaults={"offer": text, "contact": contact}
        )
        sync_offers(wijk, link.pk)
    return link


def unlink_partner_from_wijk(*, wijk: Wijk, partner: Partner) -> None:
    with transaction.atomic():
        links = WijkPartner.objects.filter(wijk=wijk, partner=partner)
        ids = list(links.values_list("pk", flat=True))
        links.delete()
        sync_offers(wijk, *ids)


def load_covenant_partners() -> int:
    """Register the covenant partners that are not there yet (by short name); return how many were added. A
    partner that is already there is left as it is, so edits made in the console survive a second run."""
    added = 0
    existing = set(Partner.objects.values_list("slug", flat=True))
    for slug, name, kind, offer in COVENANT_PARTNERS:
        if slug not in existing:
            register_partner(slug=slug, name=name, kind=kind, offer=offer)
            added += 1
    return added
