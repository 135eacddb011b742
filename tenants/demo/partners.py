"""The demo's partner links: the covenant partners (loaded as in every environment) linked to the pilot wijken with
an offer there and a made-up contact person, so `./wijkmarkt run` shows "Organisaties in de wijk" and a makelaar can
hand a case over to a named person. Development only: real contact persons are named by the partners themselves."""

from collections.abc import Callable

from wijkmarkt.platform.partners.actions import add_contact_person, link_partner_to_wijk, load_covenant_partners
from wijkmarkt.platform.partners.models import Partner, WijkPartner
from wijkmarkt.platform.wijken.models import Wijk

# slug -> [(partner slug, offer in the wijk, contact name, role, phone)]
LINKS = {
    "parkwijk": [
        (
            "dock",
            "De sociaal makelaar van de Wijkmarkt en activiteiten in de buurtkamer.",
            "Ilse Vermeer",
            "opbouwwerker",
            "023 555 41 01",
        ),
        (
            "ymere",
            "Ruimte voor de buurtkamer en informatie voor huurders.",
            "Kees Brouwer",
            "wijkconsulent",
            "023 555 41 02",
        ),
        ("loket-haarlem", "Spreekuur in het buurtservicepunt.", "Nadia El Amrani", "adviseur", "023 555 41 03"),
        ("tandem", "Steun voor mantelzorgers in de wijk.", "Petra de Groot", "consulent mantelzorg", "023 555 41 04"),
    ],
    "slachthuisbuurt": [
        (
            "haarlem-effect",
            "De sociaal makelaar in De Hamelink en het prikbord met vraag en aanbod.",
            "Mohamed Bakkali",
            "sociaal makelaar",
            "023 555 42 01",
        ),
        (
            "prewonen",
            "Huisvesting voor De Hamelink; promotie onder huurders.",
            "Anja Smit",
            "wijkbeheerder",
            "023 555 42 02",
        ),
        (
            "viva-zorggroep",
            "Aanwezig op de ontmoetingsplek; hulp bij het huishouden.",
            "Gerrit Mulder",
            "wijkverpleegkundige",
            "023 555 42 03",
        ),
        (
            "vrijwilligerscentrale",
            "Vrijwilligerswerk in de Slachthuisbuurt.",
            "Lotte Kramer",
            "consulent",
            "023 555 42 04",
        ),
    ],
    "centrum": [
        ("kontext", "De sociaal makelaar van de binnenstad.", "Ruud Visser", "sociaal makelaar", "023 555 43 01"),
        (
            "bibliotheek-haarlem",
            "Hulp bij de computer en de website in de bibliotheek aan de Grote Markt.",
            "Eva Jansen",
            "informatiespecialist",
            "023 555 43 02",
        ),
        ("elan", "Informatie voor huurders in de binnenstad.", "Tom de Boer", "wijkconsulent", "023 555 43 03"),
        ("mee", "Ondersteuning voor mensen met een beperking.", "Sara Peeters", "cliëntondersteuner", "023 555 43 04"),
    ],
}


def seed_demo_partners(*, progress: Callable[[str], None]) -> None:
    """Load the covenant partners, then link the ones of each demo wijk that are not linked yet."""
    added = load_covenant_partners()
    if added:
        progress(f"{added} convenantpartners")
    for slug, links in LINKS.items():
        wijk = Wijk.objects.filter(schema_name=slug).first()
        if wijk is None:
            continue
        for partner_slug, offer, name, role, phone in links:
            partner = Partner.objects.get(slug=partner_slug)
            if WijkPartner.objects.filter(wijk=wijk, partner=partner).exists():
                continue
            email = f"{name.split()[0].lower()}@{partner_slug}.demo.wijkmarkt.nl"
            contact = partner.contacts.filter(name=name).first() or add_contact_person(
                partner=partner, name=name, role=role, phone=phone, email=email
            )
            link_partner_to_wijk(wijk=wijk, partner=partner, offer=offer, contact=contact)
            progress(f"{wijk.name}: {partner.name}")
