"""The 18 partners that signed the covenant "Marktplaats hulp bij het huishouden, zorgruil en buurtdiensten"
(Haarlem, 18 February 2010) and what each contributes, from seeds/INVENTORY.md section 4 (covenant 000, Bijlage 2).
The municipality signed too but is the director, not a partner; SDO Haarlem Zuid-West appears only in the project
plan's list and is left out (INVENTORY.md 10).

Reference data for every environment, loaded by `manage load_partners` (actions.load_covenant_partners). Contact
persons are not in the documents: each partner names its own, so they are entered per environment, never seeded here."""

from wijkmarkt.platform.partners.models import PartnerKind

_WELFARE = (
    "Medewerkers met brede kennis die bewoners ontmoeten en verbinden, helpen om weer mee te doen, zorgen signaleren "
    "en doorverwijzen."
)
_CARE = (
    "Signaleert vraag en aanbod, deelt kennis, is aanwezig op de ontmoetingsplek, biedt een ontmoetingsplek en werk "
    "voor wie weer aan de slag wil, en is ambassadeur."
)
_HOUSING = "Stelt ruimte beschikbaar en maakt de Wijkmarkt bekend onder huurders en organisaties."

# (slug, name, kind, offer)
COVENANT_PARTNERS: list[tuple[str, str, str, str]] = [
    ("dock", "Stichting DOCK", PartnerKind.WELFARE, _WELFARE),
    ("haarlem-effect", "Stichting Haarlem Effect", PartnerKind.WELFARE, _WELFARE),
    ("kontext", "Stichting Kontext", PartnerKind.WELFARE, _WELFARE),
    (
        "loket-haarlem",
        "Loket Haarlem",
        PartnerKind.COUNTER,
        "Adviseurs als ambassadeur, aanwezig aan de balie en in de buurtservicepunten, met kennis van de sociale kaart.",
    ),
    ("ymere", "Ymere", PartnerKind.HOUSING, _HOUSING),
    ("elan", "Elan Wonen", PartnerKind.HOUSING, _HOUSING),
    ("prewonen", "PréWonen", PartnerKind.HOUSING, _HOUSING),
    (
        "net-werk",
        "Stichting Net-Werk Vrijwilligershulp Zuid-Kennemerland",
        PartnerKind.OTHER,
        "Ambassadeur voor vrijwilligers; kan een sociaal makelaar voor vrijwilligers in de wijk leveren.",
    ),
    (
        "vrijwilligerscentrale",
        "Stichting Vrijwilligerscentrale Haarlem",
        PartnerKind.OTHER,
        "Koppelt vrijwilligersvacatures per wijk en deelt ervaring met het koppelen van vraag en aanbod.",
    ),
    ("viva-zorggroep", "Viva! Zorggroep", PartnerKind.CARE, _CARE),
    ("shdh", "Stichting SHDH", PartnerKind.CARE, _CARE),
    ("amstelring", "Amstelring", PartnerKind.CARE, _CARE),
    ("tandem", "Tandem", PartnerKind.OTHER, "Steunt mantelzorgers en is ambassadeur van de Wijkmarkt."),
    ("mee", "MEE", PartnerKind.OTHER, "Wijst mensen en aanbod de weg naar de Wijkmarkt en maakt haar bekend."),
    (
        "paswerk",
        "Stichting Paswerk",
        PartnerKind.OTHER,
        "Informatie over werk, Wajong en WSW, en steun via een leerwerkplaats.",
    ),
    (
        "sams",
        "Stedelijke Adviesraad Multiculturele Stad (SAMS)",
        PartnerKind.OTHER,
        "Denkt mee, zodat de Wijkmarkt er is voor bewoners van alle achtergronden.",
    ),
    (
        "bibliotheek-haarlem",
        "Bibliotheek Haarlem",
        PartnerKind.LIBRARY,
        "Vijf laagdrempelige vestigingen in de wijken; helpt bewoners digitaal op weg en brengt mensen en kennis samen.",
    ),
    ("zorggroep-reinalda", "Zorggroep Reinalda", PartnerKind.CARE, _CARE),
]
