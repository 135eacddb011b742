"""What the sociaal makelaar's work holds about a member, for their export and erasure, and how long closed work is
kept (tenants/privacy/contributors.py; settings PRIVACY_CONTRIBUTORS): the offline registration, consents, what was
done in someone's name, cases, hand-overs and signals."""

import datetime as dt

from dateutil.relativedelta import relativedelta
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wijkmarkt.platform.accounts.models import User
from wijkmarkt.platform.wijken.models import Wijk
from wijkmarkt.tenants.makelaar.models import (
    Case,
    CaseStatus,
    HandOver,
    OfflineResident,
    Signal,
    SignalStatus,
)
from wijkmarkt.tenants.membership.models import Consent, Membership
from wijkmarkt.tenants.privacy.contributors import (
    ABOUT_OTHERS,
    ERASED_NAME,
    ERASED_TEXT,
    Contributor,
    Part,
    receipt,
)

# The resident a worry is about learns that it exists and where it stands; the one who reported it learns what
# they wrote and that it was handled. Neither reads what the makelaar wrote (follow-up, outcome), and the reporter
# never learns whom the makelaar linked it to: the same as the pages and SignalReceipt.
_SIGNAL_ABOUT_YOU = ("id", "status", "created_at", "closed_at")
_SIGNAL_YOU_REPORTED = ("id", "about", "worry", "reporter", "reporter_role", "status", "created_at")

PARTS = (
    Part("makelaar.OfflineResident", "member", _("Inschrijving door de sociaal makelaar")),
    Part("membership.Consent", "member", _("Uw toestemmingen")),
    Part("membership.ActingFor", "member", _("Wat anderen namens u deden")),
    Part("membership.ActingFor", "actor", _("Wat u namens anderen deed"), subject="user"),
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
        shown={"status": lambda signal: receipt(signal.status == SignalStatus.CLOSED)},
        note=_(
            "U ziet wat u meldde en of de makelaar het afhandelde. Wat de makelaar deed en over wie het ging, "
            "blijft bij de makelaar."
        ),
    ),
)

NOT_EXPORTED = {
    ("makelaar.OfflineResident", "registered_by"): ABOUT_OTHERS,
    ("membership.Consent", "recorded_by"): ABOUT_OTHERS,
    ("membership.Consent", "withdrawn_by"): ABOUT_OTHERS,
    ("makelaar.Case", "makelaar"): _("Dossiers die u als makelaar bijhoudt, gaan over andere bewoners."),
    ("makelaar.HandOver", "handed_over_by"): ABOUT_OTHERS,
    ("makelaar.Signal", "taken_by"): _("Zorgen die u als makelaar afhandelt, gaan over andere bewoners."),
}


def erase(member: Membership, by: User) -> dict[str, int]:
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
        "membership.Consent.member": consent_count,
        "makelaar.Case.member": case_count,
        "makelaar.HandOver": hand_overs,
        "makelaar.Signal.about_member": signals,
    }


def retention_cutoff(wijk: Wijk, now: dt.datetime | None = None) -> dt.datetime:
    return (now or timezone.now()) - relativedelta(months=wijk.makelaar_retention_months)


def purge_closed_work(wijk: Wijk, now: dt.datetime | None = None) -> str:
    """Delete the wijk's signals and cases closed longer ago than its makelaar_retention_months (a case's hand-overs
    go with it). Open work is never touched, however old."""
    cutoff = retention_cutoff(wijk, now)
    signals = Signal.objects.filter(status=SignalStatus.CLOSED, closed_at__lt=cutoff).delete()[1]
    cases = Case.objects.filter(status=CaseStatus.CLOSED, closed_at__lt=cutoff).delete()[1]
    return (
        f"afgehandeld vóór {cutoff:%d-%m-%Y}: {signals.get(Signal._meta.label, 0)} signalen, "
        f"{cases.get(Case._meta.label, 0)} dossiers, {cases.get(HandOver._meta.label, 0)} overdrachten verwijderd"
    )


def registered_offline(member: Membership) -> bool:
    return OfflineResident.objects.filter(member=member).exists()


CONTRIBUTOR = Contributor(
    parts=PARTS, not_exported=NOT_EXPORTED, erase=erase, purge=purge_closed_work, registered_offline=registered_offline
)
