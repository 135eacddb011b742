"""What every wijk app holds about a member, for the export and the erasure, written here so the other apps' files
stay theirs: one `Part` per kind of row that is about the member (the export reads every field of those rows, so a
field added later appears by itself), every other relation to a Membership or an account listed in `NOT_EXPORTED`
with the reason (tests/tenants/privacy/test_export_coverage.py fails on a relation that is in neither), and one
erasure function per app that anonymises that app's rows through the ORM.

It must never decide who may ask (access.py) and never write outside an erasure (actions.py calls it inside the
erasure's transaction)."""

from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wijkmarkt.platform.accounts.models import User
from wijkmarkt.tenants.care.models import HelpRequest, Provider, SupportPlanVersion
from wijkmarkt.tenants.chat.models import ChatMessage
from wijkmarkt.tenants.makelaar.models import (
    Case,
    CaseStatus,
    Consent,
    HandOver,
    OfflineResident,
    Signal,
    SignalStatus,
)
from wijkmarkt.tenants.marketplace.citywide import sync_listings
from wijkmarkt.tenants.marketplace.models import (
    ACTIVE_LISTING_STATUSES,
    Block,
    Listing,
    ListingPhoto,
    ListingStatus,
    Notification,
    Profile,
    Proxy,
    Report,
    ThankYou,
    default_site_notifications,
)
from wijkmarkt.tenants.membership.models import Membership
from wijkmarkt.tenants.wijzer.models import Assessment

ERASED_NAME = "Oud-lid"
ERASED_TEXT = "(verwijderd)"
ERASED_LISTING_TITLE = "Vraag of aanbod van een oud-lid"
ERASED_NOTIFICATION = "Dit bericht ging over een oud-lid; de inhoud is verwijderd."


@dataclass(frozen=True)
class Part:
    """Rows of `model` whose `lookup` is the member (subject "member") or their account (subject "user")."""

    model: str  # app_label.ModelName
    lookup: str
    title: str
    subject: str = "member"
    omit: tuple[str, ...] = ()  # fields never handed out (who reported a worry)
    # When set, the only fields handed out: on rows that others go on working on (a worry the makelaar follows up,
    # a report the moderation handles) a field added later must not reach the one who reported by itself.
    only: tuple[str, ...] = ()
    shown: dict = field(default_factory=dict)  # field name -> function(row) giving what is handed out instead
    note: str = ""  # shown above the rows: why some of it is left out
    extra: dict = field(default_factory=dict)  # further filters on the rows

    @property
    def key(self) -> str:
        return f"{self.model}.{self.lookup}"


def _receipt(handled: bool) -> str:
    """Where a worry or a report stands, as the one who reported it learns it: received, or handled."""
    return str(SignalStatus.CLOSED.label if handled else SignalStatus.RECEIVED.label)


# The resident a worry is about learns that it exists and where it stands; the one who reported it learns what
# they wrote and that it was handled. Neither reads what the makelaar wrote (follow-up, outcome), and the reporter
# never learns whom the makelaar linked it to: the same as the pages and SignalReceipt.
_SIGNAL_ABOUT_YOU = ("id", "status", "created_at", "closed_at")
_SIGNAL_YOU_REPORTED = ("id", "about", "worry", "reporter", "reporter_role", "status", "created_at")
_REPORT_YOU_MADE = ("id", "target", "listing", "message", "member", "reason", "outcome", "created_at")

PARTS: tuple[Part, ...] = (
    Part("membership.Membership", "user", _("Uw lidmaatschap van de wijk"), subject="user"),
    Part("marketplace.Profile", "member", _("Uw profiel")),
    Part("marketplace.Proxy", "principal", _("Wie namens u mag handelen (familieleden)")),
    Part("marketplace.Proxy", "user", _("Voor wie u namens hen mag handelen"), subject="user"),
    Part("marketplace.Listing", "owner", _("Uw vragen en aanbod")),
    Part("marketplace.ListingPhoto", "listing__owner", _("Foto's bij uw vragen en aanbod")),
    Part("marketplace.Ring", "proposed_by", _("Ruilen met meer buren die u voorstelde"), subject="user"),
    Part("marketplace.RingLink", "giver", _("Uw stappen in ruilen met meer buren: u helpt")),
    Part("marketplace.RingLink", "receiver", _("Uw stappen in ruilen met meer buren: u wordt geholpen")),
    Part("marketplace.Exchange", "helper", _("Afspraken waarin u helpt")),
    Part("marketplace.Exchange", "receiver", _("Afspraken waarin u geholpen wordt")),
    Part("marketplace.ThankYou", "author", _("Bedankjes die u schreef")),
    Part(
        "marketplace.Report",
        "reporter",
        _("Meldingen die u deed bij de moderatie"),
        only=_REPORT_YOU_MADE,
        shown={"outcome": lambda report: _receipt(report.outcome != Report.Outcome.OPEN)},
        note=_(
            "U ziet wat u meldde en of de moderatie het afhandelde. Wat zij besloot over een ander, blijft bij haar."
        ),
    ),
    Part("marketplace.Block", "blocker", _("Buren die u blokkeerde")),
    Part("marketplace.Notification", "member", _("Uw meldingen op de site")),
    Part("chat.Conversation", "inbox_member", _("Uw postvak")),
    Part("chat.Participant", "member", _("Gesprekken waaraan u deelneemt")),
    Part("chat.ChatMessage", "author", _("Berichten die u schreef (ook bij afspraken)")),
    Part("care.Provider", "staff", _("Aanbieders van huishoudelijke hulp waarvoor u werkt")),
    Part("care.HelpRequest", "member", _("Uw aanvragen voor huishoudelijke hulp")),
    Part("care.SupportPlan", "member", _("Uw ondersteuningsplannen")),
    Part("care.SupportPlanVersion", "plan__member", _("Versies van uw ondersteuningsplannen")),
    Part("care.PlanAgreement", "version__plan__member", _("Akkoorden op uw ondersteuningsplannen")),
    Part("care.SatisfactionMeasurement", "plan__member", _("Uw tevredenheid over de ondersteuning")),
    Part("wijzer.Assessment", "member", _("Uw Eigen Kracht Wijzer")),
    Part("wijzer.Application", "assessment__member", _("Uw aanvragen bij de gemeente")),
    Part("makelaar.OfflineResident", "member", _("Inschrijving door de sociaal makelaar")),
    Part("makelaar.Consent", "member", _("Uw toestemmingen")),
    Part("makelaar.ActingFor", "member", _("Wat anderen namens u deden")),
    Part("makelaar.ActingFor", "actor", _("Wat u namens anderen deed"), subject="user"),
    Part("makelaar.Case", "member", _("Uw dossiers bij de sociaal makelaar")),
    Part("makelaar.HandOver", "case__member", _("Overdrachten van uw dossiers aan een partner")),
    Part(
        "makelaar.Signal",
        "about_member",
        _("Zorgen die iemand over u meldde"),
        only=_SIGNAL_ABOUT_YOU,
        note=_(
            "U ziet dat er een zorg over u is gemeld, wanneer, en hoe ver de makelaar ermee is. Wie de zorg meldde "
            "en wat diegene schreef, ziet u niet: de wet beschermt wie zich zorgen maakt."
        ),
    ),
    Part(
        "makelaar.Signal",
        "reporter",
        _("Zorgen die u meldde"),
        subject="user",
        only=_SIGNAL_YOU_REPORTED,
        shown={"status": lambda signal: _receipt(signal.status == SignalStatus.CLOSED)},
        note=_(
            "U ziet wat u meldde en of de makelaar het afhandelde. Wat de makelaar deed en over wie het ging, "
            "blijft bij de makelaar."
        ),
    ),
    Part("privacy.AccessLogEntry", "subject", _("Wie uw gevoelige gegevens inzag")),
    Part("privacy.PrivacyRequest", "subject", _("Uw verzoeken om download of verwijdering")),
)

_ABOUT_OTHERS = _("De rij gaat over een andere bewoner; wie het deed staat bij die bewoner.")

# (model, relation field): why the rows it points at are not part of this member's export.
NOT_EXPORTED: dict[tuple[str, str], str] = {
    ("marketplace.Proxy", "consent_recorded_by"): _ABOUT_OTHERS,
    ("marketplace.Listing", "placed_by"): _(
        "Wat u voor een ander plaatste, hoort bij die ander; dat u het deed staat in 'Wat u namens anderen deed'."
    ),
    ("marketplace.Exchange", "started_by"): _("De afspraak staat al bij helpen of geholpen worden."),
    ("marketplace.Report", "member"): _(
        "Meldingen van anderen over u staan er niet in: dat beschermt wie meldde. De moderatie laat u weten wat "
        "zij ermee deed."
    ),
    ("marketplace.Report", "handled_by"): _("Moderatiewerk gaat over andere leden."),
    ("marketplace.Block", "blocked"): _("Wie u blokkeerde, is een keuze van de ander."),
    ("marketplace.Notification", "about"): _(
        "Meldingen aan anderen die u noemen, horen bij die ander; als u wordt verwijderd, verdwijnt uw naam eruit."
    ),
    ("care.HelpRequest", "sent_by"): _ABOUT_OTHERS,
    ("care.HelpRequest", "answered_by"): _ABOUT_OTHERS,
    ("care.SupportPlan", "created_by"): _ABOUT_OTHERS,
    ("care.SupportPlanVersion", "written_by"): _ABOUT_OTHERS,
    ("care.PlanAgreement", "agreed_by"): _ABOUT_OTHERS,
    ("care.SatisfactionMeasurement", "recorded_by"): _ABOUT_OTHERS,
    ("wijzer.RuleSet", "created_by"): _("De regels van de wijk zijn geen gegevens over u."),
    ("wijzer.Assessment", "started_by"): _ABOUT_OTHERS,
    ("wijzer.Assessment", "finished_by"): _ABOUT_OTHERS,
    ("wijzer.Application", "sent_by"): _ABOUT_OTHERS,
    ("makelaar.OfflineResident", "registered_by"): _ABOUT_OTHERS,
    ("makelaar.Consent", "recorded_by"): _ABOUT_OTHERS,
    ("makelaar.Consent", "withdrawn_by"): _ABOUT_OTHERS,
    ("makelaar.Case", "makelaar"): _("Dossiers die u als makelaar bijhoudt, gaan over andere bewoners."),
    ("makelaar.HandOver", "handed_over_by"): _ABOUT_OTHERS,
    ("makelaar.Signal", "taken_by"): _("Zorgen die u als makelaar afhandelt, gaan over andere bewoners."),
    ("privacy.AccessLogEntry", "reader"): _("Inzagen die u als medewerker deed, gaan over andere bewoners."),
    ("privacy.PrivacyRequest", "asked_by"): _ABOUT_OTHERS,
}


def rows_filter(part: Part, member: Membership) -> Q:
    return Q(**{part.lookup: member.user if part.subject == "user" else member}, **part.extra)


# Erasure, one function per app. Each gets the member and the account that asks, runs inside the erasure's
# transaction, and returns counts per part for the privacy log.


def erase_marketplace(member: Membership, by: User) -> dict[str, int]:
    now = timezone.now()
    profile = Profile.objects.filter(member=member)
    cleared_profile = profile.update(
        about="", offers="", talents=[], languages=[], could_use="", available=[], street=None, house_number="",
        phone="", show_house_number=False, show_phone=False, show_email=False,
        notify_site=default_site_notifications(), notify_email=[],
    )  # fmt: skip
    proxies = Proxy.objects.filter(Q(principal=member) | Q(user=member.user), revoked_at__isnull=True)
    revoked = proxies.update(revoked_at=now)
    listings = Listing.objects.filter(owner=member)
    listing_ids = list(listings.values_list("pk", flat=True))
    withdrawn = listings.filter(status__in=[*ACTIVE_LISTING_STATUSES, ListingStatus.EXPIRED]).update(
        status=ListingStatus.WITHDRAWN
    )
    listings.update(title=ERASED_LISTING_TITLE, description=ERASED_TEXT, recurrence="", street=None)
    photos = ListingPhoto.objects.filter(listing__owner=member)
    files = [(photo.image.storage, photo.image.name) for photo in photos if photo.image]
    photo_count, _deleted = photos.delete()
    # The files go only once the rows are gone for good: a rolled-back erasure keeps its photos.
    transaction.on_commit(lambda: [storage.delete(name) for storage, name in files])
    # The citywide index follows the listings now withdrawn, in this transaction (search never shows a ghost).
    sync_listings(*listing_ids)
    thanks = ThankYou.objects.filter(author=member).update(text=ERASED_TEXT, author_consents=False)
    blocks, _deleted = Block.objects.filter(blocker=member).delete()
    notifications, _deleted = Notification.objects.filter(member=member).delete()
    # Others' notifications that name or quote the member ("Riet bevestigde de afspraak", her thank-you) lose their
    # whole text: they were written about her, so nothing of it is left to keep.
    about_them = Notification.objects.filter(about=member).update(text=ERASED_NOTIFICATION)
    return {
        "marketplace.Profile.member": cleared_profile,
        "marketplace.Proxy": revoked,
        "marketplace.Listing.owner": len(listing_ids),
        "marketplace.Listing.withdrawn": withdrawn,
        "marketplace.ListingPhoto": photo_count,
        "marketplace.ThankYou.author": thanks,
        "marketplace.Block.blocker": blocks,
        "marketplace.Notification.member": notifications,
        "marketplace.Notification.about": about_them,
    }


def erase_chat(member: Membership, by: User) -> dict[str, int]:
    return {"chat.ChatMessage.author": ChatMessage.objects.filter(author=member).update(body=ERASED_TEXT)}


def erase_care(member: Membership, by: User) -> dict[str, int]:
    """Requests and plans stay as rows (providers' worklists and the wijk's satisfaction figures count them), their
    words go; the satisfaction scores stay, they carry no text and no name once the member is Oud-lid."""
    requests = HelpRequest.objects.filter(member=member).update(note="", answer="", times=[])
    versions = SupportPlanVersion.objects.filter(plan__member=member).update(
        result=ERASED_TEXT, resident_part="", network_part="", provider_part="", review_dates=[]
    )
    staff_of = Provider.staff.through.objects.filter(membership=member).delete()[0]
    return {"care.HelpRequest.member": requests, "care.SupportPlanVersion": versions, "care.Provider.staff": staff_of}


def erase_wijzer(member: Membership, by: User) -> dict[str, int]:
    """Answers and outcomes are deleted outright (with any application made from them): nobody else depends on
    them."""
    deleted = Assessment.objects.filter(member=member).count()
    Assessment.objects.filter(member=member).delete()
    return {"wijzer.Assessment.member": deleted}


def erase_makelaar(member: Membership, by: User) -> dict[str, int]:
    """Consents are withdrawn (the record that they were given stays, as proof of what was done with them), cases
    and hand-overs lose their words and are closed, signals about the member keep only that they were handled."""
    now = timezone.now()
    offline = OfflineResident.objects.filter(member=member).update(phone="", reach="")
    consents = Consent.objects.filter(member=member)
    consents.filter(withdrawn_at__isnull=True).update(withdrawn_at=now, withdrawn_by=by)
    consent_count = consents.update(note="")
    cases = Case.objects.filter(member=member)
    case_count = cases.update(question=ERASED_TEXT, agreements="", outcome="", follow_up_on=None)
    cases.filter(closed_at__isnull=True).update(status=CaseStatus.CLOSED, closed_at=now)
    hand_overs = HandOver.objects.filter(case__member=member).update(
        passed_on=ERASED_TEXT, consent_note=ERASED_TEXT, outcome=""
    )
    signals = Signal.objects.filter(about_member=member).update(
        about=ERASED_NAME, worry=ERASED_TEXT, follow_up="", outcome=""
    )
    return {
        "makelaar.OfflineResident.member": offline,
        "makelaar.Consent.member": consent_count,
        "makelaar.Case.member": case_count,
        "makelaar.HandOver": hand_overs,
        "makelaar.Signal.about_member": signals,
    }


def erase_membership(member: Membership, by: User) -> dict[str, int]:
    Membership.objects.filter(pk=member.pk).update(street="", suspended_reason="")
    return {"membership.Membership": 1}


ERASERS = (erase_marketplace, erase_chat, erase_care, erase_wijzer, erase_makelaar, erase_membership)
