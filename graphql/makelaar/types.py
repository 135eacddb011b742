"""GraphQL types of the makelaar's work. Cases and signals are sensitive: every field that shows their content logs
the read once per request and object (tenants/privacy record_read, via GRAPHQL), so a client that asks for content
leaves the same trace as a page view, and one that only asks for the worklist's dates and names does not.

get_node goes through tenants/makelaar/access.py: an ID of another wijk, or of a case or signal the viewer may not
see, resolves to null. A reporter sees a SignalReceipt, never a Signal."""

import graphene
from graphene_django import DjangoObjectType

from wijkmarkt.graphql.core.ids import WijkNode
from wijkmarkt.graphql.core.lookups import reachable
from wijkmarkt.graphql.core.viewer import viewer
from wijkmarkt.graphql.marketplace.related import neighbour_related
from wijkmarkt.graphql.marketplace.types.people import Neighbour
from wijkmarkt.graphql.membership.types import PlacedAsEnum
from wijkmarkt.tenants.makelaar.access import case_for, keeps_cases, own_case_for, signal_for
from wijkmarkt.tenants.makelaar.models import (
    Case,
    CaseStatus,
    HandOver,
    HandOverStatus,
    OfflineResident,
    Signal,
    SignalStatus,
)
from wijkmarkt.tenants.makelaar.selectors import is_overdue
from wijkmarkt.tenants.membership.models import ActingFor, ActingWhat, Consent, ConsentTopic
from wijkmarkt.tenants.privacy.actions import record_read
from wijkmarkt.tenants.privacy.models import Channel, Sensitive

CaseStatusEnum = graphene.Enum.from_enum(CaseStatus, description="Open, waiting for someone else, or closed.")
HandOverStatusEnum = graphene.Enum.from_enum(HandOverStatus, description="Handed over; or its outcome is known.")
SignalStatusEnum = graphene.Enum.from_enum(SignalStatus, description="Received, being followed up, or closed.")
ConsentTopicEnum = graphene.Enum.from_enum(ConsentTopic, description="What a resident gave consent for.")
ActingWhatEnum = graphene.Enum.from_enum(ActingWhat, description="What someone did for a resident.")
SignalReceiptStatusEnum = graphene.Enum(
    "SignalReceiptStatus",
    [("RECEIVED", "received"), ("HANDLED", "handled")],
    description="What the reporter of a signal learns: that it arrived, and later that it was handled.",
)

CASE_RELATED = ("makelaar", *neighbour_related("member"))
SIGNAL_RELATED = ("reporter", "taken_by", *neighbour_related("about_member"))
# Which marketplace type an acting-for entry's object is, for its global ID.
OBJECT_TYPES = {"listing": "Listing", "exchange": "Exchange"}


def _logged_once(info, what: Sensitive, subject, object_id: int) -> None:
    """Log this read once per request and object, however many of its fields the query asks for (the set lives
    on the request, never longer)."""
    if not hasattr(info.context, "makelaar_reads"):
        info.context.makelaar_reads = set()
    seen = info.context.makelaar_reads
    if (what, object_id) in seen:
        return
    seen.add((what, object_id))
    record_read(viewer(info).actor, subject=subject, what=what, object_id=object_id, via=Channel.GRAPHQL)


def _case_content(resolve):
    """A case field that shows content: logs the read first."""

    def resolver(case: Case, info):
        _logged_once(info, Sensitive.CASE, case.member, case.pk)
        return resolve(case, info)

    return resolver


def _signal_content(resolve):
    def resolver(signal: Signal, info):
        _logged_once(info, Sensitive.SIGNAL, signal.about_member, signal.pk)
        return resolve(signal, info)

    return resolver


class ActingForEntryType(DjangoObjectType):
    """One thing a proxy or the makelaar did for a resident."""

    at = graphene.DateTime(required=True, description="When.")
    actor_first_name = graphene.String(required=True, description="Who did it (first name).")
    placed_as = graphene.Field(graphene.NonNull(PlacedAsEnum), description="As their proxy or as the makelaar.")
    what = graphene.Field(graphene.NonNull(ActingWhatEnum), description="What they did.")
    what_text = graphene.String(required=True, description="What they did, in the viewer's language.")
    object_id = graphene.ID(description="The Listing or Exchange it was about, when it was one; else null.")

    class Meta:
        name = "ActingForEntry"
        model = ActingFor
        fields = ()

    @staticmethod
    def resolve_actor_first_name(entry: ActingFor, info):
        return entry.actor.first_name

    @staticmethod
    def resolve_what_text(entry: ActingFor, info):
        return entry.get_what_display()

    @staticmethod
    def resolve_object_id(entry: ActingFor, info):
        name = OBJECT_TYPES.get(entry.object_type)
        return WijkNode.to_global_id(name, entry.object_id) if name and entry.object_id else None


class ConsentType(DjangoObjectType):
    """What a resident agreed to, when, written down by whom; withdrawn consent stays on record."""

    topic = graphene.Field(graphene.NonNull(ConsentTopicEnum), description="What the consent is for.")
    note = graphene.String(required=True, description="How it was given, plain text.")
    given_at = graphene.DateTime(required=True, description="When it was given.")
    recorded_by_first_name = graphene.String(required=True, description="Who wrote it down.")
    withdrawn_at = graphene.DateTime(description="When it was withdrawn; null while it holds.")

    class Meta:
        name = "Consent"
        model = Consent
        interfaces = (WijkNode,)
        fields = ("id",)

    @classmethod
    def get_node(cls, info, id):
        return None  # reached through its resident only (OfflineResident.consents, myConsents)

    @staticmethod
    def resolve_recorded_by_first_name(consent: Consent, info):
        return consent.recorded_by.first_name


class OfflineResidentType(DjangoObjectType):
    """A resident the makelaar registered because they are not online."""

    resident = graphene.Field(graphene.NonNull(Neighbour), description="The member, for `onBehalfOf`.")
    first_name = graphene.String(required=True, description="First name.")
    last_name = graphene.String(required=True, description="Last name; empty if not given.")
    street = graphene.String(required=True, description="Street, without house number; empty if not given.")
    phone = graphene.String(required=True, description="Phone number; empty if not given.")
    reach = graphene.String(required=True, description="How to reach them.")
    registered_at = graphene.DateTime(required=True, description="When they were registered.")
    has_own_login = graphene.Boolean(required=True, description="Whether they were sent a link to log in themselves.")
    consents = graphene.List(graphene.NonNull(ConsentType), required=True, description="Their consents, newest first.")

    class Meta:
        name = "OfflineResident"
        model = OfflineResident
        fields = ()
        use_connection = True

    @staticmethod
    def resolve_resident(offline: OfflineResident, info):
        return offline.member

    @staticmethod
    def resolve_first_name(offline: OfflineResident, info):
        return offline.member.user.first_name

    @staticmethod
    def resolve_last_name(offline: OfflineResident, info):
        return offline.member.user.last_name

    @staticmethod
    def resolve_street(offline: OfflineResident, info):
        return offline.member.street

    @staticmethod
    def resolve_has_own_login(offline: OfflineResident, info):
        return offline.login_invited_at is not None

    @staticmethod
    def resolve_consents(offline: OfflineResident, info):
        return Consent.objects.filter(member_id=offline.member_id).select_related("recorded_by")


class HandOverType(DjangoObjectType):
    """A warm hand-over of a case to a named contact person of a partner organisation."""

    organisation = graphene.String(required=True, description="The partner organisation.")
    contact_name = graphene.String(required=True, description="The named contact person.")
    contact_details = graphene.String(required=True, description="How to reach them; empty if not given.")
    passed_on = graphene.String(required=True, description="What was passed on, plain text.")
    consent_note = graphene.String(required=True, description="How the resident agreed to the hand-over.")
    handed_over_at = graphene.DateTime(required=True, description="When.")
    status = graphene.Field(graphene.NonNull(HandOverStatusEnum), description="Whether the outcome is known.")
    outcome = graphene.String(required=True, description="The outcome; empty until it is known.")
    outcome_at = graphene.DateTime(description="When the outcome was written down.")

    class Meta:
        name = "HandOver"
        model = HandOver
        interfaces = (WijkNode,)
        fields = ("id",)

    @classmethod
    def get_node(cls, info, id):
        return None  # reached through its case only, so reading it is a logged read of the case


class CaseType(DjangoObjectType):
    """A makelaar's case for a resident. The wijk's makelaars read every case; a resident (and their proxy) their
    own. Content fields log the read (not for the resident themselves)."""

    resident = graphene.Field(graphene.NonNull(Neighbour), description="Whom the case is for.")
    makelaar_first_name = graphene.String(required=True, description="The makelaar who keeps it.")
    status = graphene.Field(graphene.NonNull(CaseStatusEnum), description="Where it stands.")
    follow_up_on = graphene.Date(description="When the makelaar looks at it again; null if not planned.")
    overdue = graphene.Boolean(required=True, description="Open and its follow-up date has passed.")
    opened_at = graphene.DateTime(required=True, description="When it was opened.")
    closed_at = graphene.DateTime(description="When it was closed.")
    question = graphene.String(required=True, description="The resident's question, plain text. Logged read.")
    agreements = graphene.String(required=True, description="What was agreed, plain text. Logged read.")
    outcome = graphene.String(required=True, description="The outcome once closed. Logged read.")
    hand_overs = graphene.List(graphene.NonNull(HandOverType), required=True, description="Its hand-overs. Logged.")
    acting_for = graphene.List(
        graphene.NonNull(ActingForEntryType),
        required=True,
        description="What proxies and makelaars did for this resident, newest first (at most 50).",
    )

    class Meta:
        name = "Case"
        model = Case
        interfaces = (WijkNode,)
        fields = ("id",)

    @classmethod
    def get_node(cls, info, id):
        finder = case_for if keeps_cases(viewer(info).actor) else own_case_for
        return reachable(finder, info, id)

    @staticmethod
    def resolve_resident(case: Case, info):
        return case.member

    @staticmethod
    def resolve_makelaar_first_name(case: Case, info):
        return case.makelaar.first_name

    @staticmethod
    def resolve_overdue(case: Case, info):
        return is_overdue(case)

    resolve_question = staticmethod(_case_content(lambda case, info: case.question))
    resolve_agreements = staticmethod(_case_content(lambda case, info: case.agreements))
    resolve_outcome = staticmethod(_case_content(lambda case, info: case.outcome))
    resolve_hand_overs = staticmethod(_case_content(lambda case, info: case.hand_overs.all()))

    @staticmethod
    def resolve_acting_for(case: Case, info):
        return ActingFor.objects.filter(member_id=case.member_id).select_related("actor")[:50]


class WorklistItemType(DjangoObjectType):
    """A line of the makelaar's worklist: whom, when and where it stands, without the case's content (open the
    case for that: a logged read)."""

    case_id = graphene.ID(required=True, description="The Case, for `makelaarCase(id:)`.")
    resident = graphene.Field(graphene.NonNull(Neighbour), description="Whom the case is for.")
    makelaar_first_name = graphene.String(required=True, description="The makelaar who keeps it.")
    status = graphene.Field(graphene.NonNull(CaseStatusEnum), description="Where it stands.")
    follow_up_on = graphene.Date(description="When to look at it again; null if not planned.")
    overdue = graphene.Boolean(required=True, description="Its follow-up date has passed.")
    due_today = graphene.Boolean(required=True, description="Its follow-up date is today.")

    class Meta:
        name = "WorklistItem"
        model = Case
        fields = ()
        skip_registry = True  # Case is the model's type; this is a second, content-free view of it
        use_connection = True

    @staticmethod
    def resolve_case_id(case: Case, info):
        return WijkNode.to_global_id("Case", case.pk)

    @staticmethod
    def resolve_resident(case: Case, info):
        return case.member

    @staticmethod
    def resolve_makelaar_first_name(case: Case, info):
        return case.makelaar.first_name

    @staticmethod
    def resolve_overdue(case: Case, info):
        return getattr(case, "urgency", None) == 0

    @staticmethod
    def resolve_due_today(case: Case, info):
        return getattr(case, "urgency", None) == 1


class SignalType(DjangoObjectType):
    """A worry about a resident, for the wijk's makelaars only. Content fields log the read."""

    about = graphene.String(required=True, description="Whom it is about, as the reporter put it. Logged read.")
    about_resident = graphene.Field(Neighbour, description="The member it is about, when known. Logged read.")
    worry = graphene.String(required=True, description="The worry, plain text. Logged read.")
    reporter_first_name = graphene.String(required=True, description="Who reported it. Logged read.")
    reporter_role = graphene.String(required=True, description="The reporter's role in the wijk.")
    status = graphene.Field(graphene.NonNull(SignalStatusEnum), description="Where it stands.")
    taken_by_first_name = graphene.String(description="The makelaar following it up.")
    follow_up = graphene.String(required=True, description="What the makelaar does. Logged read.")
    outcome = graphene.String(required=True, description="The outcome once closed. Logged read.")
    created_at = graphene.DateTime(required=True, description="When it was reported.")
    closed_at = graphene.DateTime(description="When it was closed.")

    class Meta:
        name = "Signal"
        model = Signal
        interfaces = (WijkNode,)
        fields = ("id",)

    @classmethod
    def get_node(cls, info, id):
        return reachable(signal_for, info, id)

    resolve_about = staticmethod(_signal_content(lambda signal, info: signal.about))
    resolve_about_resident = staticmethod(_signal_content(lambda signal, info: signal.about_member))
    resolve_worry = staticmethod(_signal_content(lambda signal, info: signal.worry))
    resolve_reporter_first_name = staticmethod(_signal_content(lambda signal, info: signal.reporter.first_name))
    resolve_follow_up = staticmethod(_signal_content(lambda signal, info: signal.follow_up))
    resolve_outcome = staticmethod(_signal_content(lambda signal, info: signal.outcome))

    @staticmethod
    def resolve_taken_by_first_name(signal: Signal, info):
        return signal.taken_by.first_name if signal.taken_by_id else None


class SignalReceiptType(graphene.ObjectType):
    """What the reporter of a signal sees of it: that it arrived, and that it was handled. Nothing else."""

    reported_at = graphene.DateTime(required=True, description="When it was reported.")
    status = graphene.Field(graphene.NonNull(SignalReceiptStatusEnum), description="Received, or handled.")

    class Meta:
        name = "SignalReceipt"

    @staticmethod
    def resolve_reported_at(signal: Signal, info):
        return signal.created_at

    @staticmethod
    def resolve_status(signal: Signal, info):
        return "handled" if signal.status == SignalStatus.CLOSED else "received"
