"""Queries of the makelaar's work: thin resolvers over tenants/makelaar selectors and access.py. The worklist is a
capped connection whose query count does not grow with its page size (tests and tests/performance/
bench_worklist.py); signals and cases are for the wijk's makelaars, a resident's own cases and signal receipts for
the resident (and proxy)."""

import graphene

from wijkmarkt.graphql.core.connections import CappedConnectionField
from wijkmarkt.graphql.core.errors import permission_denied
from wijkmarkt.graphql.core.ids import WijkNode, local_pk
from wijkmarkt.graphql.core.permissions import require_wijk_domain
from wijkmarkt.graphql.core.viewer import viewer
from wijkmarkt.graphql.makelaar.types import (
    CASE_RELATED,
    SIGNAL_RELATED,
    ActingForEntryType,
    CaseStatusEnum,
    CaseType,
    ConsentType,
    OfflineResidentType,
    SignalReceiptType,
    SignalType,
    WorklistItemType,
)
from wijkmarkt.graphql.marketplace.related import neighbour_related
from wijkmarkt.tenants.makelaar.access import (
    cases_kept_by,
    handles_signals,
    keeps_cases,
    may_see_resident,
    own_cases,
    signals_handled_by,
    signals_reported_by,
)
from wijkmarkt.tenants.makelaar.models import OfflineResident, SignalStatus
from wijkmarkt.tenants.makelaar.selectors import Due, acting_for_log, worklist
from wijkmarkt.tenants.membership.access import NotFound
from wijkmarkt.tenants.membership.models import Consent, Membership

# A working day's worklist on one page: more than the API's usual 50.
WORKLIST_MAX = 200

WorklistDueEnum = graphene.Enum(
    "WorklistDue",
    [(due.name, due.value) for due in Due],
    description="OVERDUE: follow-up date passed; TODAY: overdue or today; WEEK: within seven days or overdue; "
    "ALL: every case that is not closed.",
)


def makelaar_viewer(info, allowed) -> object:
    require_wijk_domain(info)
    current = viewer(info)
    if not allowed(current.actor):
        raise permission_denied()
    return current


def resident_of(info, global_id: str) -> Membership:
    """A member the viewer may see the acting-for log and consents of: themselves, a principal, or (makelaar) any."""
    require_wijk_domain(info)
    pk = local_pk(global_id, "Membership")
    member = Membership.objects.select_related("user").filter(pk=pk).first() if pk is not None else None
    if member is None or not may_see_resident(viewer(info).actor, member):
        raise NotFound
    return member


class MakelaarQueries(graphene.ObjectType):
    worklist = CappedConnectionField(
        WorklistItemType,
        max_limit=WORKLIST_MAX,
        description="The makelaar's cases that need attention, overdue first, then today, later, and undated; "
        "without their content. Makelaars of this wijk only; at most 200 per page.",
        due=WorklistDueEnum(description="Which follow-up dates; default ALL."),
        status=CaseStatusEnum(description="Only cases in this state; default open and waiting."),
        mine=graphene.Boolean(description="Only the cases the viewer keeps."),
    )
    makelaar_case = WijkNode.Field(
        CaseType,
        description="One case by ID (makelaars; the resident their own); else null. Reading its content is logged.",
    )
    my_cases = graphene.List(
        graphene.NonNull(CaseType),
        required=True,
        description="The viewer's own cases and those of the residents they are the proxy of, newest first.",
    )
    signals = CappedConnectionField(
        SignalType,
        description="Signals of this wijk, newest first; makelaars only. Reading their content is logged.",
        include_closed=graphene.Boolean(description="Also the closed ones."),
    )
    signal = WijkNode.Field(SignalType, description="One signal by ID; makelaars only, else null. Logged.")
    my_signals = graphene.List(
        graphene.NonNull(SignalReceiptType),
        required=True,
        description="Receipts of the signals the viewer reported, newest first (at most 50): received or handled.",
    )
    offline_residents = CappedConnectionField(
        OfflineResidentType, description="Residents the makelaars registered, by name; makelaars only."
    )
    acting_for_log = graphene.List(
        graphene.NonNull(ActingForEntryType),
        required=True,
        resident_id=graphene.ID(required=True, description="The resident (a Membership ID)."),
        description="What proxies and makelaars did for this resident, newest first (at most 100): for the "
        "resident, their proxy and the makelaar.",
    )
    consents = graphene.List(
        graphene.NonNull(ConsentType),
        required=True,
        resident_id=graphene.ID(required=True, description="The resident (a Membership ID)."),
        description="The resident's consents, newest first: for the resident, their proxy and the makelaar.",
    )

    @staticmethod
    def resolve_worklist(root, info, due=None, status=None, mine=None, **_page):
        current = makelaar_viewer(info, keeps_cases)
        return worklist(
            cases_kept_by(current.actor),
            due=getattr(due, "value", due) or Due.ALL,
            status=getattr(status, "value", status) or "",
            makelaar=current.actor.user if mine else None,
        ).select_related(*CASE_RELATED)

    @staticmethod
    def resolve_my_cases(root, info):
        require_wijk_domain(info)
        return own_cases(viewer(info).actor).select_related(*CASE_RELATED).order_by("-opened_at")

    @staticmethod
    def resolve_signals(root, info, include_closed=False, **_page):
        current = makelaar_viewer(info, handles_signals)
        signals = signals_handled_by(current.actor).select_related(*SIGNAL_RELATED)
        if not include_closed:
            signals = signals.exclude(status=SignalStatus.CLOSED)
        return signals.order_by("-created_at", "-id")

    @staticmethod
    def resolve_my_signals(root, info):
        require_wijk_domain(info)
        return signals_reported_by(viewer(info).actor).order_by("-created_at")[:50]

    @staticmethod
    def resolve_offline_residents(root, info, **_page):
        makelaar_viewer(info, keeps_cases)
        return OfflineResident.objects.select_related(*neighbour_related("member")).order_by(
            "member__user__first_name", "id"
        )

    @staticmethod
    def resolve_acting_for_log(root, info, resident_id):
        return acting_for_log(resident_of(info, resident_id))[:100]

    @staticmethod
    def resolve_consents(root, info, resident_id):
        return Consent.objects.filter(member=resident_of(info, resident_id)).select_related("recorded_by")
